import LifecycleKit

/// One customer: profile, the stage path with dates, channel totals, and the timeline of
/// touchpoints and stage changes.
enum JourneyView {
    static func draw(_ j: JourneyState, _ state: AppState, into grid: inout CellGrid) {
        let c = j.customer
        let asOf = state.info.asOf
        let stageName = { (id: String) in state.stages.first { $0.id == id }?.name ?? id }

        // Identity.
        var x = grid.put(" " + c.name + " ", x: 0, y: 1, role: .title)
        let f = state.formats
        var identity = [state.text(.uiID, .text(c.id))]
        if let e = c.email { identity.insert(e, at: 0) }
        if let s = c.segment { identity.append(s) }
        if let created = c.createdAt { identity.append(state.text(.uiCreated, .date(created))) }
        x += grid.put(" " + identity.joined(separator: " · "), x: x, y: 1, role: .dim)

        // Stage, days in it, revenue.
        x = grid.put(" " + state.text(.columnStage) + " ", x: 0, y: 2, role: .dim)
        x += grid.put(" " + stageName(c.stage) + " ", x: x, y: 2, role: .stageCurrent)
        var facts: [FactLine.Item] = []
        if let entered = c.stageEnteredAt {
            let days = MessageArgument.text(DaysInStage.text(entered: entered, asOf: asOf, f))
            let text = entered > asOf ? state.text(.uiForDaysAfterAsOf, days, .date(entered), .date(asOf)) : state.text(.uiForDays, days, .date(entered))
            facts.append(.init(text: text, priority: 3))
        }
        facts.append(.init(text: state.text(.uiRevenue, .money(j.revenue, currency: state.info.currency)), priority: 2))
        facts.append(.init(text: state.text(.uiTouchpoints, .count(j.touchpoints.count)), priority: 1))
        FactLine.draw(facts, x: x + 1, y: 2, width: grid.width - x - 1, into: &grid)

        // Tags and attributes.
        var extras: [String] = []
        if !c.tags.isEmpty { extras.append(state.text(.uiTags, .text(c.tags.joined(separator: ", ")))) }
        for a in c.attributes { extras.append("\(a.key): \(attributeText(a.value, state))") }
        grid.put(" " + (extras.isEmpty ? state.text(.uiNoTags) : extras.joined(separator: " · ")), x: 0, y: 3, role: extras.isEmpty ? .dim : .normal)

        drawPath(j, state, stageName: stageName, y: 4, into: &grid)

        // Channel totals.
        x = grid.put(" " + state.text(.uiChannels) + " ", x: 0, y: 5, role: .dim)
        if j.channelCounts.isEmpty { grid.put(state.text(.uiNoTouchpoints), x: x, y: 5, role: .dim) }
        for (channel, count) in j.channelCounts {
            let (role, glyph) = Role.channel(channel)
            let text = "\(glyph) \(channel) \(f.count(count))  "
            if x + DisplayWidth.of(SafeText.visible(text)) > grid.width { break }
            x += grid.put(text, x: x, y: 5, role: role)
        }

        let side = grid.width >= JourneyLayout.sidePanelWidth
        let timelineWidth = side ? grid.width - JourneyLayout.panelColumns : grid.width
        let panel = JourneyValuePanel(j, state, months: side ? 12 : max(3, min(12, (grid.width - 60) / 2)))
        if side {
            for y in 6..<(grid.height - 1) { grid.put("│", x: timelineWidth, y: y, role: .border) }
            panel.drawSide(x: timelineWidth + 2, y: 6, width: JourneyLayout.panelColumns - 3, height: grid.height - 7, into: &grid)
        } else {
            panel.drawCompact(x: 0, y: 6, width: grid.width, into: &grid)
        }
        drawTimeline(j, state, stageName: stageName, width: timelineWidth, into: &grid)
    }

    /// `Path  Awareness 2026-01-15 → Purchase 2026-02-01 → …`, keeping the latest steps
    /// when the whole path does not fit.
    static func drawPath(_ j: JourneyState, _ state: AppState, stageName: (String) -> String, y: Int, into grid: inout CellGrid) {
        let f = state.formats
        var steps = j.transitions.map { (name: stageName($0.to), date: f.date($0.at)) }
        if steps.isEmpty { steps = [(stageName(j.customer.stage), j.customer.stageEnteredAt.map(f.date) ?? state.text(.uiDateUnknown))] }
        let label = " " + state.text(.uiPath) + " "
        var x = grid.put(label, x: 0, y: y, role: .dim)
        let pieces = steps.map { "\($0.name) \($0.date)" }
        var first = 0
        func width(from i: Int) -> Int { pieces[i...].reduce(0) { $0 + DisplayWidth.of(SafeText.visible($1)) + 3 } + (i > 0 ? 4 : 0) }
        while first < pieces.count - 1 && x + width(from: first) > grid.width { first += 1 }
        if first > 0 { x += grid.put("… → ", x: x, y: y, role: .dim) }
        for i in first..<pieces.count {
            let last = i == pieces.count - 1
            x += grid.put(pieces[i], x: x, y: y, role: last ? .stageCurrent : .stageChain)
            if !last { x += grid.put(" → ", x: x, y: y, role: .dim) }
        }
    }

    static func drawTimeline(_ j: JourneyState, _ state: AppState, stageName: (String) -> String, width w: Int, into grid: inout CellGrid) {
        let headerY = JourneyLayout.headerRows(width: grid.width) - 1
        let order = state.text(j.newestFirst ? .uiNewestFirst : .uiOldestFirst)
        let valueWidth = 11
        let dateWidth = 16
        let channelWidth = 10
        let typeWidth = w >= 80 ? 15 : 12
        let campaignWidth = w >= 110 ? 22 : w >= 100 ? 16 : 0
        let noteX = 1 + dateWidth + 1 + channelWidth + 1 + typeWidth + 1 + (campaignWidth > 0 ? campaignWidth + 1 : 0) + valueWidth + 1
        var x = 1
        let when = state.text(.columnWhen) + (j.newestFirst ? " ↓" : " ↑")
        for (title, width, right) in [(when, dateWidth, false), (state.text(.uiColumnChannel), channelWidth, false), (state.text(.uiColumnType), typeWidth, false),
                                      (state.text(.uiColumnCampaign), campaignWidth, false), (state.text(.uiColumnValue), valueWidth, true)] where width > 0 {
            grid.put(title, x: x, y: headerY, width: width, role: .columnHeader, alignRight: right)
            x += width + 1
        }
        if noteX < w { grid.put(state.text(.columnNote), x: noteX, y: headerY, width: w - noteX, role: .columnHeader) }

        let entries = j.orderedTimeline
        if entries.isEmpty {
            grid.put(state.text(.uiNothingRecorded), x: 2, y: headerY + 1, role: .dim)
            return
        }
        let page = JourneyLayout.visibleRows(width: grid.width, height: grid.height)
        var shown = order
        if entries.count > page { shown += " · " + state.text(.uiRange, .count(j.scroll + 1), .count(min(entries.count, j.scroll + page)), .count(entries.count)) }
        grid.put(shown, x: max(0, w - DisplayWidth.of(shown) - 1), y: headerY - 1, role: .dim)
        for (row, entry) in entries.dropFirst(j.scroll).prefix(page).enumerated() {
            let y = headerY + 1 + row
            let when = state.formats.date(entry.at) + " " + entry.at.iso8601.dropFirst(11).prefix(5)
            grid.put(when, x: 1, y: y, width: dateWidth, role: .dim)
            x = 1 + dateWidth + 1
            switch entry {
            case .touchpoint(let t):
                let (role, glyph) = Role.channel(t.channel)
                grid.put(glyph + " " + t.channel, x: x, y: y, width: channelWidth, role: role)
                x += channelWidth + 1
                grid.put(t.type, x: x, y: y, width: typeWidth)
                x += typeWidth + 1
                if campaignWidth > 0 {
                    grid.put(t.campaign ?? "", x: x, y: y, width: campaignWidth, role: .dim)
                    x += campaignWidth + 1
                }
                grid.put(t.value.map { state.formats.number($0, decimals: 2) } ?? "", x: x, y: y, width: valueWidth, alignRight: true)
                if noteX < w { grid.put(t.note ?? "", x: noteX, y: y, width: w - noteX) }
            case .transition(let t):
                grid.put(state.text(.uiStageChange), x: x, y: y, width: channelWidth, role: .transition)
                x += channelWidth + 1
                let from = t.from.map(stageName) ?? state.text(.uiStart)
                var text = state.text(.uiTransitionLine, .text(from), .text(stageName(t.to)), .text(t.by))
                if let note = t.note { text += ": " + note }
                grid.put(text, x: x, y: y, width: w - x, role: .transition)
            }
        }
    }

    static func attributeText(_ v: AttributeValue, _ state: AppState) -> String {
        switch v {
        case .string(let s): return s
        case .number(let n): return n.text
        case .bool(let b): return state.text(b ? .uiYes : .uiNo)
        }
    }
}
