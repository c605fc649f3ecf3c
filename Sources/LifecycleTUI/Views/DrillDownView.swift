import LifecycleKit

/// The drill-down list: its title, count (and search) and marks, a header, then a row per
/// customer shown (id, name, stage), the selected one highlighted, marked ones `✓`.
enum DrillDownView {
    /// Rows of customers: below the title, the blank line and the header.
    static func visibleRows(_ height: Int) -> Int { max(1, height - 5) }

    static func draw(_ screen: DrillDownScreen, _ state: AppState, into grid: inout CellGrid) {
        let title = screen.title.text(in: state.language)
        var count = state.text(.uiDrillCount, .count(screen.order.count))
        if let search = screen.search { count += " " + state.text(.uiDrillMatching, .text(search)) }
        if !screen.marked.isEmpty { count += " · " + state.text(.uiMarked, .count(screen.marked.count)) }
        let used = grid.put(title, x: 1, y: 1, role: .title, maxWidth: grid.width - 2)
        grid.put("  " + count, x: 1 + used, y: 1, role: .dim, maxWidth: max(0, grid.width - 2 - used))
        guard !screen.order.isEmpty else {
            let why = state.text(screen.customers.isEmpty ? .uiDrillNobody : .uiDrillNoMatch)
            grid.put(why, x: 1, y: 3, role: .dim, maxWidth: grid.width - 2)
            return
        }
        let idWidth = min(16, max(4, screen.customers.map { DisplayWidth.of($0.id) }.max() ?? 4))
        let stageWidth = min(16, max(5, state.stages.map { DisplayWidth.of($0.name) }.max() ?? 5))
        let nameWidth = max(4, grid.width - 2 - idWidth - stageWidth - 4)
        let columns = [(state.text(.columnID), idWidth), (state.text(.uiColumnName), nameWidth), (state.text(.columnStage), stageWidth)]
        var x = 1
        for (text, width) in columns {
            grid.put(text, x: x, y: 3, width: width, role: .columnHeader)
            x += width + 2
        }
        let shown = screen.order.indices.dropFirst(screen.scroll).prefix(visibleRows(grid.height))
        for i in shown {
            let row = screen.customers[screen.order[i]]
            let y = 4 + i - screen.scroll
            let marked = screen.marked.contains(row.id)
            let role: Role = i == screen.selected ? .selected : marked ? .marked : .normal
            if role == .selected { grid.fill(x: 0, y: y, width: grid.width, height: 1, role: role) }
            if marked { grid.put("✓", x: 0, y: y, role: .marked) }
            let stage = state.stages[safe: row.stage]?.name ?? ""
            grid.put(row.id, x: 1, y: y, width: idWidth, role: role)
            grid.put(row.name, x: 3 + idWidth, y: y, width: nameWidth, role: role)
            grid.put(stage, x: 5 + idWidth + nameWidth, y: y, width: stageWidth, role: role)
        }
    }
}
