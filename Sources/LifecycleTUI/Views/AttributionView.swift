import LifecycleKit

/// The attribution screen: the question in the title, the selected row's figures, then a row
/// per key with a bar and the credit for each of the five models (the selected model's head
/// highlighted; all bars on one scale, so models compare).
enum AttributionView {
    /// The line of the first key row (below the title, the figures, a blank and the header).
    static let firstRow = 5
    static func visibleRows(_ height: Int) -> Int { max(1, height - 1 - firstRow) }

    static let shortNames: [MessageKey] = [.uiModelFirstShort, .uiModelLastShort, .uiModelLinearShort, .uiModelPositionShort, .uiModelDecayShort]

    static func draw(_ screen: AttributionScreen, _ state: AppState, into grid: inout CellGrid) {
        let stage = state.stages[screen.stage]
        let width = grid.width - 2
        guard let result = screen.result else {
            grid.put(state.text(.uiAttrTitle, .text(stage.name), .count(0), .count(screen.lookbackDays), .message(Message(screen.by.messageKey))),
                     x: 1, y: 1, role: .title, maxWidth: width)
            let text = screen.failure.map { state.text(.uiAnalysisFailed, .text($0)) }
                ?? AttributionScreen.label(stage).text(in: state.language)
            grid.put(text, x: 1, y: 3, role: screen.failure == nil ? .pending : .warning, maxWidth: width)
            return
        }
        grid.put(state.text(.uiAttrTitle, .text(stage.name), .count(result.conversions), .count(screen.lookbackDays),
                            .message(Message(screen.by.messageKey))), x: 1, y: 1, role: .title, maxWidth: width)
        let rows = screen.rows
        guard !rows.isEmpty else {
            grid.put(state.text(.uiAttrNoConversions, .text(stage.name)), x: 1, y: 3, role: .dim, maxWidth: width)
            return
        }
        if let row = rows[safe: screen.selected] {
            let model = Message(AttributionModel.allCases[screen.model].messageKey)
            grid.put(state.text(.uiAttrDetail, .text(keyText(row.key, state)), .count(row.touchpoints), .count(row.customers),
                                .money(row.revenue, currency: state.info.currency), .message(model)), x: 1, y: 2, role: .dim, maxWidth: width)
        }
        table(screen, result, rows, state, into: &grid)
    }

    /// The header and the key rows.
    static func table(_ screen: AttributionScreen, _ result: AttributionAnalysis, _ rows: [AttributionRow], _ state: AppState,
                      into grid: inout CellGrid) {
        let d = result.dimensions.firstIndex(of: screen.by)!
        let tallies = result.tallies[d]
        let keyWidth = min(24, max(8, rows.map { DisplayWidth.of(keyText($0.key, state)) }.max() ?? 8))
        let columnWidth = max(9, (grid.width - 3 - keyWidth) / shortNames.count)
        let numberWidth = 6
        let top = max(1e-9, tallies.values.flatMap(\.credit).max() ?? 1)
        grid.put(state.text(screen.by.messageKey), x: 1, y: firstRow - 1, width: keyWidth, role: .columnHeader)
        for (m, name) in shortNames.enumerated() {
            let x = 2 + keyWidth + m * columnWidth
            grid.put(state.text(name), x: x, y: firstRow - 1, width: columnWidth - 1, role: m == screen.model ? .sortKey : .columnHeader)
        }
        for (i, row) in rows.enumerated().dropFirst(screen.scroll).prefix(visibleRows(grid.height)) {
            let y = firstRow + i - screen.scroll
            let selected = i == screen.selected
            if selected { grid.fill(x: 0, y: y, width: grid.width, height: 1, role: .selected) }
            grid.put(keyText(row.key, state), x: 1, y: y, width: keyWidth, role: selected ? .selected : .normal)
            let credits = tallies[row.key]?.credit ?? []
            for m in shortNames.indices {
                let x = 2 + keyWidth + m * columnWidth
                let credit = credits[safe: m] ?? 0
                let barWidth = columnWidth - numberWidth - 2
                grid.put(Glyphs.bar(credit / top, width: barWidth), x: x, y: y, role: selected ? .barSelected : .bar, maxWidth: barWidth)
                grid.put(state.formats.number(credit, decimals: 1), x: x + barWidth, y: y, width: numberWidth,
                         role: selected ? .selected : .normal, alignRight: true)
            }
        }
    }

    static func keyText(_ key: String, _ state: AppState) -> String { key == AttributionDimension.none ? state.text(.keyNone) : key }
}
