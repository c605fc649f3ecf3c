import LifecycleKit

/// The flows screen: the title with the period, a legend, then the from × to matrix (entry
/// first) with a total per row and per column. Each cell is shaded by its count (░▒▓█ against
/// the largest) and marked by kind: `»` a skip, `«` a step back, `=` the same stage.
enum FlowsView {
    static let headerRow = 4

    static func draw(_ screen: FlowsScreen, _ state: AppState, into grid: inout CellGrid) {
        let width = grid.width - 2
        guard let result = screen.result else {
            grid.put(state.text(.flowsTitle, .text(screen.periodText(state)), .count(0)), x: 1, y: 1, role: .title, maxWidth: width)
            let text = screen.failure.map { state.text(.uiAnalysisFailed, .text($0)) } ?? Message.inProgress(.prCountingFlows).text(in: state.language)
            grid.put(text, x: 1, y: 3, role: screen.failure == nil ? .pending : .warning, maxWidth: width)
            return
        }
        let n = state.stages.count
        let counts = matrix(result, n)
        let total = counts.joined().reduce(0, +)
        grid.put(state.text(.flowsTitle, .text(screen.periodText(state)), .count(total)), x: 1, y: 1, role: .title, maxWidth: width)
        grid.put(state.text(.uiFlowLegend), x: 1, y: 2, role: .dim, maxWidth: width)
        let labels = [state.text(.flowEntry)] + state.stages.map(\.name)
        let labelWidth = min(16, max(10, (labels + [state.text(.uiFlowCorner)]).map(DisplayWidth.of).max() ?? 10) + 1)
        let totalWidth = max(7, DisplayWidth.of(state.text(.uiColumnTotal)) + 1)
        let cellWidth = max(7, min(12, (grid.width - 2 - labelWidth - totalWidth) / max(1, n)))
        grid.put(state.text(.uiFlowCorner), x: 1, y: headerRow, width: labelWidth, role: .columnHeader)
        for to in 0..<n {
            grid.put(state.stages[to].name, x: 1 + labelWidth + to * cellWidth, y: headerRow, width: cellWidth - 1,
                     role: to == screen.column ? .sortKey : .columnHeader, alignRight: true)
        }
        let totalX = 1 + labelWidth + n * cellWidth
        grid.put(state.text(.uiColumnTotal), x: totalX, y: headerRow, width: totalWidth, role: .columnHeader, alignRight: true)
        let top = max(1, counts.joined().max() ?? 1)
        for r in 0...n {
            let y = headerRow + 1 + r
            grid.put(labels[r], x: 1, y: y, width: labelWidth, role: r == screen.row ? .sortKey : .normal)
            for to in 0..<n {
                let selected = r == screen.row && to == screen.column
                let text = cell(counts[r][to], top: top, kind: FlowKind(from: r == 0 ? nil : r - 1, to: to), state)
                grid.put(text, x: 1 + labelWidth + to * cellWidth, y: y, width: cellWidth - 1, role: role(selected, counts[r][to], r, to), alignRight: true)
            }
            grid.put(state.formats.count(counts[r].reduce(0, +)), x: totalX, y: y, width: totalWidth, role: .dim, alignRight: true)
        }
        let y = headerRow + 2 + n
        grid.put(state.text(.uiColumnTotal), x: 1, y: y, width: labelWidth, role: .dim)
        for to in 0..<n {
            grid.put(state.formats.count(counts.reduce(0) { $0 + $1[to] }), x: 1 + labelWidth + to * cellWidth, y: y, width: cellWidth - 1,
                     role: .dim, alignRight: true)
        }
        grid.put(state.formats.count(total), x: totalX, y: y, width: totalWidth, role: .dim, alignRight: true)
    }

    /// The counts by row (0: entries, then from stage + 1) and column (to).
    static func matrix(_ result: FlowAnalysis, _ n: Int) -> [[Int]] {
        var counts = Array(repeating: Array(repeating: 0, count: n), count: n + 1)
        for row in result.rows where row.to < n { counts[(row.from ?? -1) + 1][row.to] = row.count }
        return counts
    }

    /// `▓ 12«`: the shade, the count and the kind's mark; `·` for none.
    static func cell(_ count: Int, top: Int, kind: FlowKind, _ state: AppState) -> String {
        guard count > 0 else { return "·" }
        let shades = ["░", "▒", "▓", "█"]
        let shade = shades[min(3, (count * 4 - 1) / top)]
        let mark = kind == .skip ? "»" : kind == .backward ? "«" : kind == .same ? "=" : " "
        return shade + " " + state.formats.count(count) + mark
    }

    /// The selected cell stands out; steps back warn, skips are told apart from forward moves.
    static func role(_ selected: Bool, _ count: Int, _ row: Int, _ to: Int) -> Role {
        if selected { return .selected }
        guard count > 0 else { return .dim }
        switch FlowKind(from: row == 0 ? nil : row - 1, to: to) {
        case .backward: return .negative
        case .skip: return .warning
        case .forward, .entry: return .positive
        case .same: return .normal
        }
    }

    /// `in: Lead 3 · (entry) 2 · out: Trial 1`: the stage's three largest inflows and outflows
    /// (ties in funnel order, entries first; moves within the stage left out); nil when none.
    static func stageLine(_ flows: FlowAnalysis, stage: Int, _ state: AppState) -> String? {
        let fm = state.formats
        func name(_ s: Int?) -> String { s.map { state.stages[$0].name } ?? state.text(.flowEntry) }
        let rows = flows.rows.filter { $0.from != $0.to }
        let ins = rows.filter { $0.to == stage }.sorted { $0.count > $1.count }.prefix(3).map { "\(name($0.from)) \(fm.count($0.count))" }
        let outs = rows.filter { $0.from == stage }.sorted { $0.count > $1.count }.prefix(3).map { "\(name($0.to)) \(fm.count($0.count))" }
        guard !ins.isEmpty || !outs.isEmpty else { return nil }
        let none = "—"
        return state.text(.uiStageFlows, .text(ins.isEmpty ? none : ins.joined(separator: ", ")), .text(outs.isEmpty ? none : outs.joined(separator: ", ")))
    }
}
