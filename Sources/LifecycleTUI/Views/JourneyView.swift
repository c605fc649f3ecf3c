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
        var identity = ["id " + c.id]
        if let e = c.email { identity.insert(e, at: 0) }
        if let s = c.segment { identity.append(s) }
        if let created = c.createdAt { identity.append("created \(created.dateString)") }
        x += grid.put(" " + identity.joined(separator: " · "), x: x, y: 1, role: .dim)

        // Stage, days in it, revenue.
        x = grid.put(" Stage ", x: 0, y: 2, role: .dim)
        x += grid.put(" " + stageName(c.stage) + " ", x: x, y: 2, role: .stageCurrent)
        var facts: [FactLine.Item] = []
        if let entered = c.stageEnteredAt {
            let after = entered > asOf ? ", after as of \(asOf.dateString)" : ""
            facts.append(.init(text: "for \(DaysInStage.text(entered: entered, asOf: asOf)) days (since \(entered.dateString)\(after))", priority: 3))
        }
        facts.append(.init(text: "revenue \(NumberText.fixed(j.revenue, decimals: 2)) \(state.info.currency)", priority: 2))
        facts.append(.init(text: j.touchpoints.count == 1 ? "1 touchpoint" : "\(NumberText.grouped(j.touchpoints.count)) touchpoints", priority: 1))
        FactLine.draw(facts, x: x + 1, y: 2, width: grid.width - x - 1, into: &grid)

        // Tags and attributes.
        var extras: [String] = []
        if !c.tags.isEmpty { extras.append("tags: " + c.tags.joined(separator: ", ")) }
        for a in c.attributes { extras.append("\(a.key): \(attributeText(a.value))") }
        grid.put(" " + (extras.isEmpty ? "no tags or attributes" : extras.joined(separator: " · ")), x: 0, y: 3, role: extras.isEmpty ? .dim : .normal)

        drawPath(j, stageName: stageName, y: 4, into: &grid)

        // Channel totals.
        x = grid.put(" Channels ", x: 0, y: 5, role: .dim)
        if j.channelCounts.isEmpty { grid.put("no touchpoints", x: x, y: 5, role: .dim) }
        for (channel, count) in j.channelCounts {
            let (role, glyph) = Role.channel(channel)
            let text = "\(glyph) \(channel) \(count)  "
            if x + DisplayWidth.of(SafeText.visible(text)) > grid.width { break }
            x += grid.put(text, x: x, y: 5, role: role)
        }

        drawTimeline(j, stageName: stageName, into: &grid)
    }

    /// `Path  Awareness 2026-01-15 → Purchase 2026-02-01 → …`, keeping the latest steps
    /// when the whole path does not fit.
    static func drawPath(_ j: JourneyState, stageName: (String) -> String, y: Int, into grid: inout CellGrid) {
        var steps = j.transitions.map { (name: stageName($0.to), date: $0.at.dateString) }
        if steps.isEmpty { steps = [(stageName(j.customer.stage), j.customer.stageEnteredAt?.dateString ?? "(date unknown)")] }
        let label = " Path "
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

    static func drawTimeline(_ j: JourneyState, stageName: (String) -> String, into grid: inout CellGrid) {
        let headerY = JourneyLayout.headerRows - 1
        let order = j.newestFirst ? "newest first" : "oldest first"
        let w = grid.width
        let valueWidth = 11
        let dateWidth = 16
        let channelWidth = 10
        let typeWidth = w >= 80 ? 15 : 12
        let campaignWidth = w >= 110 ? 22 : w >= 100 ? 16 : 0
        let noteX = 1 + dateWidth + 1 + channelWidth + 1 + typeWidth + 1 + (campaignWidth > 0 ? campaignWidth + 1 : 0) + valueWidth + 1
        var x = 1
        for (title, width, right) in [(j.newestFirst ? "When ↓" : "When ↑", dateWidth, false), ("Channel", channelWidth, false), ("Type", typeWidth, false),
                                      ("Campaign", campaignWidth, false), ("Value", valueWidth, true)] where width > 0 {
            grid.put(title, x: x, y: headerY, width: width, role: .columnHeader, alignRight: right)
            x += width + 1
        }
        if noteX < w { grid.put("Note", x: noteX, y: headerY, width: w - noteX, role: .columnHeader) }

        let entries = j.orderedTimeline
        if entries.isEmpty {
            grid.put("No touchpoints or stage changes recorded.", x: 2, y: headerY + 1, role: .dim)
            return
        }
        let page = JourneyLayout.visibleRows(height: grid.height)
        var shown = order
        if entries.count > page { shown += " · \(j.scroll + 1)–\(min(entries.count, j.scroll + page)) of \(entries.count)" }
        grid.put(shown, x: max(0, w - DisplayWidth.of(shown) - 1), y: headerY - 1, role: .dim)
        for (row, entry) in entries.dropFirst(j.scroll).prefix(page).enumerated() {
            let y = headerY + 1 + row
            let when = String(entry.at.iso8601.prefix(16)).replacingFirstT()
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
                grid.put(t.value.map { NumberText.fixed($0, decimals: 2) } ?? "", x: x, y: y, width: valueWidth, alignRight: true)
                if noteX < w { grid.put(t.note ?? "", x: noteX, y: y, width: w - noteX) }
            case .transition(let t):
                grid.put("⇢ stage", x: x, y: y, width: channelWidth, role: .transition)
                x += channelWidth + 1
                let from = t.from.map(stageName) ?? "start"
                var text = "\(from) → \(stageName(t.to))   by \(t.by)"
                if let note = t.note { text += ": " + note }
                grid.put(text, x: x, y: y, width: w - x, role: .transition)
            }
        }
    }

    static func attributeText(_ v: AttributeValue) -> String {
        switch v {
        case .string(let s): return s
        case .number(let n): return n.text
        case .bool(let b): return b ? "yes" : "no"
        }
    }
}

extension String {
    /// `2026-03-01T09:30` → `2026-03-01 09:30`.
    func replacingFirstT() -> String {
        guard let i = firstIndex(of: "T") else { return self }
        var s = self
        s.replaceSubrange(i...i, with: " ")
        return s
    }
}
