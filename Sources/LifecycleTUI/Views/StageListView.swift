import LifecycleKit

/// The columns of a stage list: which exist, how wide, which to drop when narrow.
enum StageListColumns {
    struct Column {
        var field: CustomerSort.Field
        var title: MessageKey
        /// The title in the language shown (set by `layout`).
        var text = ""
        /// Fixed width, or nil for a flexible text column.
        var width: Int?
        var alignRight: Bool
        /// Columns with a lower priority are dropped first when the terminal is narrow.
        var priority: Int
    }

    /// Priorities in tens, so that the value columns fit between the others.
    static let all: [Column] = [
        Column(field: .name, title: .uiColumnName, width: nil, alignRight: false, priority: keep),
        Column(field: .email, title: .uiColumnEmail, width: nil, alignRight: false, priority: 30),
        Column(field: .segment, title: .uiColumnSegment, width: 10, alignRight: false, priority: 20),
        Column(field: .stageEnteredAt, title: .uiColumnDays, width: 6, alignRight: true, priority: 80),
        Column(field: .touchpointCount, title: .uiColumnTouch, width: 6, alignRight: true, priority: 60),
        Column(field: .lastTouchAt, title: .uiColumnLastTouch, width: 10, alignRight: false, priority: 40),
        Column(field: .revenue, title: .columnRevenue, width: 11, alignRight: true, priority: 70),
        // Value figures, once the store has them (see `layout`).
        Column(field: .clv, title: .columnCLV, width: 12, alignRight: true, priority: 27),
        Column(field: .probabilityAlive, title: .columnPAlive, width: 8, alignRight: true, priority: 15),
        Column(field: .rfmSegment, title: .columnRFMSegment, width: 11, alignRight: false, priority: 10),
    ]
    /// The name column's priority: never dropped.
    static let keep = 90
    /// The priority of a value column the list is sorted or filtered by (above last touch and email).
    static let sortedValuePriority = 50
    /// Value columns never leave the name narrower than this (or than it is without them).
    static let nameKeeps = 16

    /// ↑ or ↓ for the column as the user reads it: days in stage run opposite to the entry date
    /// they sort by (earliest entry first = most days first = ↓).
    static func arrow(_ sort: CustomerSort) -> String {
        (sort.descending != (sort.field == .stageEnteredAt)) ? "↓" : "↑"
    }

    /// `sorted by days in stage ↓`, in `language`.
    static func sortedBy(_ sort: CustomerSort) -> Message {
        Message(.uiSortedBy, .message(Message(titleKey(of: sort.field))), .text(arrow(sort)))
    }

    /// What the header and the status say a list is sorted by.
    static func titleKey(of field: CustomerSort.Field) -> MessageKey {
        switch field {
        case .name: return .uiSortName
        case .email: return .uiSortEmail
        case .segment: return .uiSortSegment
        case .stageEnteredAt: return .uiSortDays
        case .touchpointCount: return .uiSortTouchpoints
        case .lastTouchAt: return .uiSortLastTouch
        case .revenue: return .uiSortRevenue
        case .id: return .uiSortID
        case .clv: return .columnCLV
        case .probabilityAlive: return .columnPAlive
        case .rfmSegment: return .columnRFMSegment
        }
    }

    /// A column placed: its x and width.
    typealias Placed = (column: Column, x: Int, width: Int)

    /// The columns that fit in `width`, with their x and width. Columns in `empty` (nothing to
    /// show on the visible page) give their room away; a fixed column is wide enough for its
    /// title and the sort arrow (`widest`: the widest visible cell of each column). The value
    /// columns come only with `values`, by the rule of `withValues`.
    static func layout(width: Int, _ language: Language = .en, empty: Set<CustomerSort.Field> = [], widest: [CustomerSort.Field: Int] = [:],
                       values: Bool = false, always: Set<CustomerSort.Field> = [], dashes: Set<CustomerSort.Field> = []) -> [Placed] {
        let candidates = all.filter { $0.priority == keep || !empty.contains($0.field) }.map { c -> Column in
            var c = c
            c.text = Message(c.title).text(in: language)
            c.width = c.width.map { max($0, DisplayWidth.of(c.text) + 1, widest[c.field] ?? 0) }
            if c.field.isValue, always.contains(c.field) { c.priority = sortedValuePriority }
            return c
        }
        let plain = fit(candidates.filter { !$0.field.isValue }, width: width)
        guard values else { return plain }
        return withValues(candidates, width: width, widest: widest, always: always, dashes: dashes)
    }

    /// Drops the lowest priorities until `columns` fit in `width`, then places them.
    static func fit(_ columns: [Column], width: Int) -> [Placed] {
        var columns = columns
        func needed(_ cols: [Column]) -> Int {
            cols.reduce(0) { $0 + ($1.width ?? 14) + 1 } + 2
        }
        while needed(columns) > width, let drop = columns.filter({ $0.priority < keep }).min(by: { $0.priority < $1.priority }) {
            columns.removeAll { $0.field == drop.field }
        }
        let fixed = columns.reduce(0) { $0 + ($1.width.map { $0 + 1 } ?? 1) } + 2
        let flexCount = columns.filter { $0.width == nil }.count
        let flexTotal = max(flexCount * 6, width - fixed)
        var x = 2
        var out: [(Column, Int, Int)] = []
        for (i, c) in columns.enumerated() {
            var w = c.width ?? flexTotal / max(1, flexCount)
            if c.width == nil, c.field == .name { w += flexTotal % max(1, flexCount) }
            if i == columns.count - 1 { w = min(w, width - x) }
            out.append((c, x, max(0, w)))
            x += w + 1
        }
        return out
    }

    /// The widest cell of each column on rows `rows` (a number is never cut: its column widens;
    /// names and emails as shown, for the value columns' room).
    static func widest(in rows: [CustomerSummary], _ state: AppState) -> [CustomerSort.Field: Int] {
        var out: [CustomerSort.Field: Int] = [:]
        // RFM segment names are cut like names (a long one would push the other columns out).
        for f in all.map(\.field) where f != .rfmSegment {
            let text = { (row: CustomerSummary) in StageListView.cell(row, f, state) }
            let shown = f == .name || f == .email ? { SafeText.visible(text($0)) } : text
            out[f] = rows.map { DisplayWidth.of(shown($0)) }.max() ?? 0
        }
        return out
    }

    /// The columns whose cells are all blank on rows `rows` (none when no row is loaded).
    static func empty(in rows: [CustomerSummary], _ state: AppState) -> Set<CustomerSort.Field> {
        guard !rows.isEmpty else { return [] }
        return Set(all.map(\.field).filter { f in rows.allSatisfy { StageListView.cell($0, f, state).isEmpty } })
    }
}

/// A stage's customers as a table, with position, sort, filter and search shown above it.
enum StageListView {
    /// `loading`: the count and rows are on their way (the body says so instead of "no customers").
    static func draw(_ list: StageListState, _ state: AppState, loading: Bool = false, into grid: inout CellGrid) {
        drawTitle(list, state, loading: loading, into: &grid)
        let arrow = StageListColumns.arrow(list.sort)

        // Column header, the sort column marked.
        let page = StageListLayout.visibleRows(height: grid.height)
        let columns = self.columns(list, state, width: grid.width, height: grid.height)
        for (c, cx, cw) in columns {
            let sorted = c.field == list.sort.field
            let title = sorted ? c.text + arrow : c.text
            grid.put(title, x: cx, y: 2, width: cw, role: sorted ? .sortKey : .columnHeader, alignRight: c.alignRight)
        }

        // Rows.
        if list.total == 0 {
            let why = state.text(list.filter.isEmpty ? .uiNoCustomersInStage : .uiNoCustomersMatch)
            if !loading { grid.put(why, x: 2, y: StageListLayout.headerRows + 1, role: .dim) }
            return
        }
        for i in 0..<page {
            let index = list.top + i
            guard index < list.total else { break }
            let y = StageListLayout.headerRows + i
            let selected = index == list.cursor
            let role: Role = selected ? .selected : .normal
            if selected { grid.fill(x: 0, y: y, width: grid.width, height: 1, role: .selected) }
            guard let row = list.row(at: index) else {
                grid.put("…", x: 2, y: y, role: .pending)
                continue
            }
            let marked = list.marked[row.customer.id] != nil
            if selected || marked { grid.put(selected ? "▶" : "✓", x: 0, y: y, role: marked ? .marked : role) }
            if selected && marked { grid.put("✓", x: 1, y: y, role: .marked) }
            for (c, cx, cw) in columns {
                grid.put(cell(row, c.field, state), x: cx, y: y, width: cw, role: marked && !selected ? .marked : role, alignRight: c.alignRight)
            }
        }
        // A scroll indicator on the right edge.
        if list.total > page, grid.width > 0 {
            let trackHeight = page
            let thumb = min(trackHeight - 1, Int(Double(list.top) / Double(max(1, list.total - page)) * Double(trackHeight - 1)))
            grid.put("┃", x: grid.width - 1, y: StageListLayout.headerRows + thumb, role: .dim)
        }
    }

    /// The columns of `list` on a `width` × `height` screen, laid out for the rows on its page.
    static func columns(_ list: StageListState, _ state: AppState, width: Int, height: Int) -> [StageListColumns.Placed] {
        let page = StageListLayout.visibleRows(height: height)
        let shown = (list.top..<max(list.top, min(list.total, list.top + page))).compactMap { list.row(at: $0) }
        return StageListColumns.layout(width: width, state.language, empty: StageListColumns.empty(in: shown, state),
                                       widest: StageListColumns.widest(in: shown, state), values: state.valuesInLists,
                                       always: StageListColumns.always(list), dashes: StageListColumns.dashes(in: shown, state))
    }

    /// The stage, the position, sort, filter and marks; the next stage on the right.
    /// While `loading`, the position and order are not known yet: it says so instead.
    static func drawTitle(_ list: StageListState, _ state: AppState, loading: Bool = false, into grid: inout CellGrid) {
        let stage = state.stages[list.stageIndex]
        var x = grid.put(" " + stage.name + " ", x: 0, y: 1, role: .title)
        if loading {
            x += grid.put(" " + state.text(.uiCountingCustomers), x: x, y: 1, role: .pending)
        } else {
            let position = list.total == 0 ? state.text(.uiNoCustomers) : state.text(.uiPosition, .count(list.cursor + 1), .count(list.total))
            x += grid.put(" " + position, x: x, y: 1)
            x += grid.put("  " + StageListColumns.sortedBy(list.sort).text(in: state.language), x: x, y: 1, role: .dim)
        }
        var filters: [String] = []
        if let s = list.filter.segment { filters.append(state.text(.uiFilterSegment, .text(s))) }
        if let c = list.filter.channel { filters.append(state.text(.uiFilterChannel, .text(c))) }
        if let v = list.filter.value { filters.append(valueFilterText(v, state)) }
        if let ids = list.filter.ids { filters.append(ids.label.text(in: state.language)) }
        if !filters.isEmpty { x += grid.put("  " + state.text(.uiFilterShown, .text(filters.joined(separator: ", "))), x: x, y: 1, role: .warning) }
        if let marks = marksText(list, stage: stage.id, state) { x += grid.put("  " + marks, x: x, y: 1, role: .marked) }
        let n = state.stages.count
        if n > 1 {
            let next = "Tab ▸ " + state.stages[(list.stageIndex + 1) % n].name
            let w = DisplayWidth.of(SafeText.visible(next))
            if x + 2 + w <= grid.width { grid.put(next, x: grid.width - w - 1, y: 1, role: .dim) }
        }
    }

    /// What the list title says of a value filter: the picker's label of it.
    static func valueFilterText(_ filter: ValueFilter, _ state: AppState) -> String {
        if let choice = state.valueChoices.first(where: { $0.filter == filter }) { return choice.label.text(in: state.language) }
        switch filter {
        case .atRisk(let below): return state.text(.uiFilterAtRisk, .number(below, decimals: 2))
        case .rfmSegment(let segment): return segment.message.text(in: state.language)
        case .clv(let min, let max):
            let money = { (x: Double?) in x.map { state.formats.money($0, currency: state.info.currency) } ?? "…" }
            return state.text(.uiFilterCLVRange, .text(money(min)), .text(money(max)))
        }
    }

    /// `2 marked`, `1 marked · 2 marked in other stages`, or nil without marks.
    static func marksText(_ list: StageListState, stage: String, _ state: AppState) -> String? {
        let here = list.markedPerStage[stage] ?? 0
        let elsewhere = list.marked.count - here
        var parts: [String] = []
        if here > 0 { parts.append(state.text(.uiMarked, .count(here))) }
        if elsewhere > 0 { parts.append(state.text(.uiMarkedElsewhere, .count(elsewhere))) }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    static func cell(_ row: CustomerSummary, _ field: CustomerSort.Field, _ state: AppState) -> String {
        let c = row.customer
        let (asOf, f) = (state.info.asOf, state.formats)
        switch field {
        case .name: return c.name
        case .email: return c.email ?? ""
        case .segment: return c.segment ?? ""
        case .stageEnteredAt: return c.stageEnteredAt.map { DaysInStage.text(entered: $0, asOf: asOf, f) } ?? "—"
        case .touchpointCount: return f.count(row.touchpointCount)
        case .lastTouchAt: return row.lastTouchAt.map(f.date) ?? "—"
        case .revenue: return f.number(row.revenue, decimals: 2)
        case .id: return c.id
        case .clv: return row.value?.clv.map { f.money($0, currency: state.info.currency) } ?? "—"
        case .probabilityAlive: return row.value?.probabilityAlive.map(f.percent) ?? "—"
        case .rfmSegment: return row.value.map { $0.rfmSegment.message.text(in: state.language) } ?? "—"
        }
    }
}
