import LifecycleKit

/// The journey's value panel: the customer's purchase summary (from the journey's own
/// purchases, as `clc scores` computes it), P(alive) as a gauge, expected purchases in 90
/// days, CLV, RFM and purchases per month as a sparkline. Two lines above the timeline on a
/// narrow terminal, a column beside it on a wide one.
struct JourneyValuePanel {
    var summary: PurchaseSummary?
    var figures: CustomerValueFigures?
    /// Why model figures are missing: computing, failed, or the model's problem.
    var note: (text: String, role: Role)?
    /// Purchase days per month, oldest first, the last being `as_of`'s month.
    var months: [Int]
    var firstMonth: String
    var lastMonth: String
    let state: AppState

    init(_ j: JourneyState, _ state: AppState, months count: Int) {
        self.state = state
        let asOf = state.info.asOf
        summary = PurchaseSummary.of(j.purchases, until: asOf)
        let m = Self.perMonth(j.purchases, asOf: asOf, count: count)
        (months, firstMonth, lastMonth) = (m.counts, m.first, m.last)
        if summary == nil { return }
        if let table = state.values {
            figures = table.figures(of: j.customer.id)
            if let figures {
                let problem = table.model.bgnbdProblem ?? (figures.clv == nil ? table.model.clvProblem : nil)
                note = problem.map { ($0.message.text(in: state.language), .warning) }
            }
        } else if let error = state.valuesError {
            note = (state.text(.uiValueUnavailable, .text(error)), .warning)
        } else {
            note = (Message.inProgress(.prComputingValues).text(in: state.language), .pending)
        }
    }

    /// Purchase days in each of the `count` months up to `asOf`'s month (UTC), oldest first.
    static func perMonth(_ purchases: [(at: Timestamp, value: Double?)], asOf: Timestamp, count: Int) -> (counts: [Int], first: String, last: String) {
        func month(_ t: Timestamp) -> Int {
            let iso = t.dateString
            return (Int(iso.prefix(4)) ?? 0) * 12 + (Int(iso.dropFirst(5).prefix(2)) ?? 1) - 1
        }
        func label(_ m: Int) -> String {
            let y = String(m / 12), mm = String(m % 12 + 1)
            return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + (mm.count < 2 ? "0" : "") + mm
        }
        let last = month(asOf), n = max(1, count)
        var counts = Array(repeating: 0, count: n)
        var days = Set<String>()
        for p in purchases where p.at <= asOf && days.insert(p.at.dateString).inserted {
            let k = month(p.at) - (last - n + 1)
            if counts.indices.contains(k) { counts[k] += 1 }
        }
        return (counts, label(last - n + 1), label(last))
    }

    private var currency: String { state.info.currency }
    private var fm: Formats { state.formats }
    private func money(_ v: Double?) -> String { v.map { fm.money($0, currency: currency) } ?? "—" }

    // MARK: two lines above the timeline

    /// `Value  3 purchase days · x 2 · t_x 59 · T 273 days · monetary 20.25 € · CLV 12.34 € · RFM 545 Champions`
    /// and `P(alive) ██████···· 61% · 0.12 purchases in 90 days · per month ▁▂█▁…`.
    func drawCompact(x: Int, y: Int, width: Int, into grid: inout CellGrid) {
        var col = x + grid.put(" " + state.text(.uiValueTitle) + "  ", x: x, y: y, role: .dim)
        guard let s = summary else {
            grid.put(state.text(.uiValueNoPurchase), x: col, y: y, role: .dim)
            return
        }
        var items = [FactLine.Item(text: state.text(.uiValuePurchaseDays, .count(s.purchases)), priority: 6),
                     FactLine.Item(text: state.text(.uiValueHistory, .count(s.frequency), .count(s.recencyDays), .count(s.ageDays)), priority: 2),
                     FactLine.Item(text: state.text(.uiValueMonetary, .money(s.monetary, currency: currency)), priority: 1)]
        if let f = figures {
            items.append(.init(text: state.text(.uiValueCLV, .text(money(f.clv))), priority: 5))
            items.append(.init(text: state.text(.uiValueRFM, .text(f.rfm.digits), .message(f.rfmSegment.message)), priority: 4))
        }
        FactLine.draw(items, x: col, y: y, width: width - col - 1, into: &grid)

        col = x + grid.put(" " + state.text(.columnPAlive) + " ", x: x, y: y + 1, role: .dim)
        var second: [FactLine.Item] = []
        if let p = figures?.probabilityAlive {
            Glyphs.drawGauge(p, x: col, y: y + 1, width: 10, into: &grid)
            col += 11
            col += grid.put(fm.percent(p), x: col, y: y + 1)
            col += grid.put(" · ", x: col, y: y + 1)
            if let e = figures?.expectedPurchases90, e.isFinite {
                second.append(.init(text: state.text(.uiValueExpected90, .number(e, decimals: 2)), priority: 3))
            }
        }
        if let note { second.append(.init(text: note.text, priority: 4, role: note.role)) }
        second.append(.init(text: state.text(.uiValuePerMonth) + " " + Glyphs.sparkline(months), priority: 2))
        FactLine.draw(second, x: col, y: y + 1, width: width - col - 1, into: &grid)
    }

    // MARK: a column beside the timeline

    /// One figure a line, labels on the left.
    func drawSide(x: Int, y: Int, width: Int, height: Int, into grid: inout CellGrid) {
        grid.put(state.text(.uiValueTitle), x: x, y: y, role: .title)
        guard let s = summary else {
            for (i, line) in TextWrap.lines(state.text(.uiValueNoPurchase), width: width).prefix(height - 1).enumerated() {
                grid.put(line, x: x, y: y + 1 + i, role: .dim)
            }
            return
        }
        let labelWidth = 12
        var row = y + 1
        func line(_ label: String, _ value: String, role: Role = .normal) {
            guard row < y + height else { return }
            grid.put(label, x: x, y: row, role: .dim, maxWidth: labelWidth - 1)
            grid.put(value, x: x + labelWidth, y: row, role: role, maxWidth: width - labelWidth)
            row += 1
        }
        line(state.text(.columnPurchases), fm.count(s.purchases))
        line("x · t_x · T", "\(fm.count(s.frequency)) · \(fm.count(s.recencyDays)) · \(fm.count(s.ageDays))")
        line(state.text(.columnMonetary), money(s.monetary))
        if let f = figures {
            if let p = f.probabilityAlive, row < y + height {
                grid.put(state.text(.columnPAlive), x: x, y: row, role: .dim, maxWidth: labelWidth - 1)
                Glyphs.drawGauge(p, x: x + labelWidth, y: row, width: width - labelWidth - 6, into: &grid)
                grid.put(fm.percent(p), x: x + width - 5, y: row, width: 5, alignRight: true)
                row += 1
            }
            line(state.text(.columnExpected90), f.expectedPurchases90.map { fm.number($0, decimals: 2) } ?? "—")
            line(state.text(.columnCLV), money(f.clv))
            line(state.text(.columnRFM), f.rfm.digits)
            line(state.text(.columnRFMSegment), f.rfmSegment.message.text(in: state.language))
        }
        line(state.text(.uiValuePerMonth), Glyphs.sparkline(months), role: .bar)
        line("", firstMonth + " … " + lastMonth, role: .dim)
        if let note {
            row += 1
            for text in TextWrap.lines(note.text, width: width) where row < y + height {
                grid.put(text, x: x, y: row, role: note.role)
                row += 1
            }
        }
    }
}
