import LifecycleKit

/// The start screen: one horizontal bar per stage in funnel order, with count, share,
/// step conversion and median days in stage; details of the selected stage below.
enum FunnelView {
    static func draw(_ state: AppState, into grid: inout CellGrid) {
        let f = state.funnel
        let w = grid.width
        let showConversion = w >= 72
        let showMedian = w >= 86
        let showWide = w >= 116
        let showValue = w >= 140
        let nameWidth = min(24, max(10, state.stages.map { DisplayWidth.of(SafeText.visible($0.name)) }.max() ?? 10) + 2)
        let numbers = columns(state, conversion: showConversion, median: showMedian, wide: showWide, value: showValue)
        let numbersWidth = numbers.reduce(0) { $0 + $1.width }
        let barWidth = max(4, w - nameWidth - numbersWidth - 3)

        // Column titles.
        let titleY = RowLayout.titleY
        grid.put(state.text(.columnStage), x: 1, y: titleY, role: .columnHeader, maxWidth: nameWidth)
        grid.put(state.text(.uiCustomersPerStage), x: nameWidth + 1, y: titleY, role: .columnHeader, maxWidth: barWidth)
        var x = nameWidth + 1 + barWidth + 1
        for n in numbers {
            grid.put(n.title, x: x, y: titleY, width: n.width, role: .columnHeader, alignRight: true)
            x += n.width
        }

        let rows = RowLayout(state, height: grid.height)
        let (first0, fit) = (rows.first, rows.fit)
        let maxCount = max(1, f.counts.max() ?? 1)
        for i in rows.shown {
            let y = rows.y(of: i)
            let stage = state.stages[i]
            let selected = i == f.selected
            grid.put((selected ? "▶ " : "  ") + stage.name, x: 0, y: y, width: nameWidth, role: selected ? .selected : .normal)
            drawBar(count: f.counts[i], max: maxCount, x: nameWidth + 1, y: y, width: barWidth, selected: selected, into: &grid)
            if let delta = delta(of: stage.id, state) {
                grid.put(delta.text, x: nameWidth + 1 + barWidth - DisplayWidth.of(delta.text), y: y, role: delta.role)
            }
            x = nameWidth + 1 + barWidth + 1
            for (cell, n) in zip(cells(i, state, numbers.count), numbers) {
                grid.put(cell.text, x: x, y: y, width: n.width, role: cell.pending ? .pending : .normal, alignRight: true)
                x += n.width
            }
        }
        if state.stages.count > fit {
            let shown = state.text(.uiStagesShown, .count(first0 + 1), .count(min(state.stages.count, first0 + fit)), .count(state.stages.count))
            grid.put(shown, x: 1, y: titleY + 1, role: .dim)
        }
        drawDetails(state, y: grid.height - 1 - RowLayout.detailRows, into: &grid)
    }

    /// The number columns shown, each as wide as its default, its title and a space, and
    /// (for the share) `100.0%` in the language.
    static func columns(_ state: AppState, conversion: Bool, median: Bool, wide: Bool, value: Bool = false) -> [(title: String, width: Int)] {
        let keys: [(MessageKey, Int)] = [(.columnCustomers, 10), (.columnShare, 7)]
            + (conversion ? [(.uiStepConversion, 11)] : []) + (median ? [(.columnMedianDays, 12)] : [])
            + (wide ? [(.columnReached, 10), (.columnRevenue, 14)] : [])
            + (value ? [(.columnBuyers, 9), (.uiColumnAtRisk, 9), (.columnCLV, 14)] : [])
        return keys.map { key, least in
            let title = state.text(key)
            let content = key == .columnShare ? DisplayWidth.of(state.formats.percent(1)) + 1 : 0
            return (title, max(least, DisplayWidth.of(title) + 1, content))
        }
    }

    /// The first `count` number cells of stage `i`, in column order; `pending` while not yet computed.
    static func cells(_ i: Int, _ state: AppState, _ count: Int) -> [(text: String, pending: Bool)] {
        let f = state.funnel, fm = state.formats
        let total = f.customerTotal
        var out: [(text: String, pending: Bool)] = [(fm.count(f.counts[i]), false),
                                                   (total == 0 ? "—" : fm.percent(Double(f.counts[i]) / Double(total)), false)]
        let s = f.report?.stages[safe: i]
        func figure(_ text: (StageFigures) -> String) -> (text: String, pending: Bool) { s.map { (text($0), false) } ?? ("…", true) }
        out.append(figure { $0.conversion.map(fm.percent) ?? "—" })
        out.append(figure { $0.medianDaysInStage.map { fm.number($0, decimals: 1) } ?? "—" })
        out.append(figure { fm.count($0.reached) })
        out.append(figure { fm.number($0.revenue, decimals: 2) })
        guard count > out.count else { return Array(out.prefix(count)) }
        // The value figures (from 140 columns): buyers, at risk, CLV total.
        let v = state.funnel.values?[safe: i]
        out.append(v.map { (fm.count($0.buyers), false) } ?? ("…", true))
        out.append(v.map { ($0.meanProbabilityAlive == nil ? "—" : fm.count($0.atRisk), false) } ?? ("…", true))
        out.append(v.map { ($0.totalCLV.map { fm.number($0, decimals: 2) } ?? "—", false) } ?? ("…", true))
        return Array(out.prefix(count))
    }

    /// Where the stage rows go: spaced out when there is room, scrolled to keep the
    /// selection visible. Drawing and the mouse's hit regions both use it.
    struct RowLayout {
        static let titleY = 2
        static let detailRows = 5
        var first: Int, fit: Int, spacing: Int, count: Int

        init(_ state: AppState, height: Int) {
            let available = height - Self.titleY - 2 - Self.detailRows - 1
            count = state.stages.count
            spacing = count * 2 <= available ? 2 : 1
            fit = max(1, available / spacing)
            first = max(0, min(state.funnel.selected - fit / 2, count - fit))
        }

        var shown: Range<Int> { first..<min(count, first + fit) }
        func y(of stage: Int) -> Int { Self.titleY + 2 + (stage - first) * spacing }
    }

    /// A click on a stage's row (its name, bar or numbers) selects it.
    static func barRegions(_ state: AppState, width: Int, height: Int) -> [HitRegion] {
        let rows = RowLayout(state, height: height)
        return rows.shown.map { HitRegion(x: 0, y: rows.y(of: $0), width: width, index: $0) }
    }

    /// A bar in eighths of a cell over a dim track; an empty stage shows only the track.
    static func drawBar(count: Int, max maxCount: Int, x: Int, y: Int, width: Int, selected: Bool, into grid: inout CellGrid) {
        grid.put(String(repeating: "·", count: width), x: x, y: y, role: .barEmpty)
        guard count > 0 else { return }
        grid.put(Glyphs.bar(Double(count) / Double(maxCount), width: width), x: x, y: y, role: selected ? .barSelected : .bar)
    }

    /// `+3`, `−2` or `±0`: the change of a stage's count since the compared file (nil without one).
    static func delta(of stage: String, _ state: AppState) -> (text: String, role: Role)? {
        guard let d = state.comparison?.diff?.stages.first(where: { $0.id == stage })?.delta else { return nil }
        let n = state.formats.count(abs(d))
        return d > 0 ? ("+" + n, .positive) : d < 0 ? ("−" + n, .negative) : ("±0", .dim)
    }

    /// The selected stage in words.
    static func drawDetails(_ state: AppState, y: Int, into grid: inout CellGrid) {
        let f = state.funnel
        guard state.stages.indices.contains(f.selected) else { return }
        let stage = state.stages[f.selected]
        grid.put(String(repeating: "─", count: grid.width), x: 0, y: y, role: .border)
        let title = stage.name + (stage.description.map { " — " + $0 } ?? "")
        grid.put(title, x: 1, y: y + 1, role: .title)
        let facts = [state.text(.uiCustomersNow, .count(f.counts[f.selected]))]
        if let s = f.report?.stages[safe: f.selected] {
            var items = [FactLine.Item(text: facts[0], priority: 4), FactLine.Item(text: state.text(.uiEverReached, .count(s.reached)), priority: 2)]
            if let c = s.conversion, f.selected > 0 {
                items.append(.init(text: state.text(.uiCameOnFrom, .percent(c), .text(state.stages[f.selected - 1].name)), priority: 1))
            }
            items.append(.init(text: state.text(.uiRevenue, .money(s.revenue, currency: state.info.currency)), priority: 3))
            FactLine.draw(items, x: 1, y: y + 2, width: grid.width - 2, into: &grid)
        } else if let error = f.reportError {
            grid.put(facts[0] + " · " + state.text(.uiFiguresUnavailable, .text(error)), x: 1, y: y + 2, role: .warning)
        } else {
            let n = grid.put(facts[0] + " · ", x: 1, y: y + 2)
            grid.put(state.text(.uiComputingFigures), x: 1 + n, y: y + 2, role: .pending)
        }
        drawValues(state, y: y + 3, into: &grid)
        if let flows = state.flows, let line = FlowsView.stageLine(flows, stage: f.selected, state) {
            grid.put(line, x: 1, y: y + 4, role: .dim, maxWidth: grid.width - 2)
        } else if let s = f.report?.stages[safe: f.selected], !s.cameFrom.isEmpty {
            drawInflows(s, state, y: y + 4, into: &grid)
        } else {
            grid.put(state.text(.uiFunnelHint), x: 1, y: y + 4, role: .dim)
        }
    }

    /// `value: 12 buyers · CLV total 1,234.50 € · 3 at risk (P(alive) < 50.0%) · mean P(alive) 61.2%`
    /// for the selected stage; `…` while the figures are being computed.
    static func drawValues(_ state: AppState, y: Int, into grid: inout CellGrid) {
        let x = 1 + grid.put(state.text(.uiStageValue) + " ", x: 1, y: y, role: .dim)
        let pending = Message.inProgress(.prComputingValues).text(in: state.language)
        guard let table = state.values else {
            let text = state.valuesError.map { state.text(.uiValueUnavailable, .text($0)) } ?? pending
            grid.put(text, x: x, y: y, role: state.valuesError == nil ? .pending : .warning)
            return
        }
        guard let v = state.funnel.values?[safe: state.funnel.selected] else {
            grid.put("…", x: x, y: y, role: .pending)
            return
        }
        var items = [FactLine.Item(text: state.text(.uiStageBuyers, .count(v.buyers)), priority: 4)]
        if let clv = v.totalCLV {
            items.append(.init(text: state.text(.uiStageCLV, .money(clv, currency: state.info.currency)), priority: 3))
        }
        if let mean = v.meanProbabilityAlive {
            items.append(.init(text: state.text(.uiStageAtRisk, .count(v.atRisk), .percent(state.atRiskBelow)), priority: 2,
                               role: v.atRisk > 0 ? .warning : .normal))
            items.append(.init(text: state.text(.uiStageMeanPAlive, .percent(mean)), priority: 1))
        } else if v.buyers > 0, let problem = table.model.bgnbdProblem {
            items.append(.init(text: problem.message.text(in: state.language), priority: 0, role: .dim))
        }
        FactLine.draw(items, x: x, y: y, width: grid.width - x - 1, into: &grid)
    }

    /// Where the customers who reached the stage came from, most first; those that do not fit
    /// drop out whole, from the least.
    static func drawInflows(_ s: StageFigures, _ state: AppState, y: Int, into grid: inout CellGrid) {
        let fm = state.formats
        let x = 1 + grid.put(state.text(.uiCameFrom) + " ", x: 1, y: y, role: .dim)
        var items = s.cameFrom.map { inflow in
            let share = s.reached == 0 ? "" : " (\(fm.percent(Double(inflow.customers) / Double(s.reached))))"
            return FactLine.Item(text: "\(origin(inflow.origin, state)) \(fm.count(inflow.customers))\(share)", priority: 1)
        }
        while items.count > 1, FactLine.fitting(items, width: grid.width - x - 1).count < items.count { items.removeLast() }
        FactLine.draw(items, x: x, y: y, width: grid.width - x - 1, into: &grid)
    }

    static func origin(_ origin: StageInflow.Origin, _ state: AppState) -> String {
        switch origin {
        case .stage(let id): return state.stages.first { $0.id == id }?.name ?? id
        case .start: return state.text(.uiStartOfHistory)
        case .unrecorded: return state.text(.uiNoRecordedEntry)
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
