import LifecycleKit

/// The cohorts screen: the title with the metric, then a row per cohort (its month and size)
/// and a cell per month since arrival: the share, shaded ░▒▓█ by its size. Months that do not
/// fit scroll in with the cursor.
enum CohortsView {
    static let headerRow = 3
    static let cellWidth = 10

    static func draw(_ screen: CohortsScreen, _ state: AppState, into grid: inout CellGrid) {
        let width = grid.width - 2
        let title = state.text(screen.metric == .purchase ? .cohortsPurchaseTitle : .cohortsActiveTitle, .text(CalendarMonth(state.info.asOf).label))
        grid.put(title, x: 1, y: 1, role: .title, maxWidth: width)
        guard let result = screen.result else {
            let text = screen.failure.map { state.text(.uiAnalysisFailed, .text($0)) } ?? Message.inProgress(.prComputingCohorts).text(in: state.language)
            grid.put(text, x: 1, y: headerRow, role: screen.failure == nil ? .pending : .warning, maxWidth: width)
            return
        }
        let rows = result.rows
        guard !rows.isEmpty else {
            grid.put(state.text(.uiCohortsNone), x: 1, y: headerRow, role: .dim, maxWidth: width)
            return
        }
        let labelWidth = max(8, DisplayWidth.of(state.text(.columnCohort)) + 1)
        let sizeWidth = max(8, DisplayWidth.of(state.text(.columnCustomers)) + 1)
        let fit = max(1, (grid.width - 2 - labelWidth - sizeWidth) / cellWidth)
        let first = max(0, screen.column - fit + 1)
        let months = rows.map(\.counts.count).max() ?? 0
        grid.put(state.text(.columnCohort), x: 1, y: headerRow, width: labelWidth, role: .columnHeader)
        grid.put(state.text(.columnCustomers), x: 1 + labelWidth, y: headerRow, width: sizeWidth - 1, role: .columnHeader, alignRight: true)
        let x0 = 1 + labelWidth + sizeWidth
        for k in first..<min(months, first + fit) {
            grid.put("+\(k)", x: x0 + (k - first) * cellWidth, y: headerRow, width: cellWidth - 1,
                     role: k == screen.column ? .sortKey : .columnHeader, alignRight: true)
        }
        for (r, cohort) in rows.enumerated().prefix(max(0, grid.height - 2 - headerRow)) {
            let y = headerRow + 1 + r
            grid.put(cohort.month.label, x: 1, y: y, width: labelWidth, role: r == screen.row ? .sortKey : .normal)
            grid.put(state.formats.count(cohort.customers), x: 1 + labelWidth, y: y, width: sizeWidth - 1, role: .dim, alignRight: true)
            for k in first..<min(cohort.counts.count, first + fit) {
                let selected = r == screen.row && k == screen.column
                let share = cohort.values[k]
                grid.put(cell(share, state), x: x0 + (k - first) * cellWidth, y: y, width: cellWidth - 1,
                         role: selected ? .selected : share > 0 ? .bar : .dim, alignRight: true)
            }
        }
    }

    /// `▓ 50.0%`: the shade of the share and the share; `·` for none.
    static func cell(_ share: Double, _ state: AppState) -> String {
        guard share > 0 else { return "·" }
        let shades = ["░", "▒", "▓", "█"]
        return shades[min(3, Int((share * 4).rounded(.up)) - 1)] + " " + state.formats.percent(share)
    }
}
