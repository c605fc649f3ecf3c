import LifecycleKit

/// A bordered box in the middle of the screen.
enum Box {
    /// Draws the frame and returns the inner rectangle (x, y, width, height).
    static func draw(title: String, width: Int, height: Int, into grid: inout CellGrid) -> (x: Int, y: Int, width: Int, height: Int) {
        let w = min(width, grid.width - 2)
        let h = min(height, grid.height - 2)
        let x = (grid.width - w) / 2
        let y = max(1, (grid.height - h) / 2)
        grid.fill(x: x, y: y, width: w, height: h, role: .overlay)
        grid.put("┌" + String(repeating: "─", count: max(0, w - 2)) + "┐", x: x, y: y, role: .overlay)
        for row in (y + 1)..<(y + h - 1) {
            grid.put("│", x: x, y: row, role: .overlay)
            grid.put("│", x: x + w - 1, y: row, role: .overlay)
        }
        grid.put("└" + String(repeating: "─", count: max(0, w - 2)) + "┘", x: x, y: y + h - 1, role: .overlay)
        grid.put(" " + title + " ", x: x + 2, y: y, role: .overlayTitle, maxWidth: w - 4)
        return (x + 2, y + 1, w - 4, h - 2)
    }
}

/// `?`: every binding of the current screen, from the binding table.
enum HelpOverlay {
    static func draw(_ state: AppState, scroll: Int, into grid: inout CellGrid) {
        let context = state.screen.context
        let bindings = KeyBindings.bindings(in: context)
        let keyWidth = min(22, (bindings.map { DisplayWidth.of($0.keyLabel) }.max() ?? 8) + 2)
        let title: String
        switch context {
        case .funnel: title = "Keys — Funnel"
        case .stageList: title = "Keys — Stage list"
        case .journey: title = "Keys — Customer journey"
        default: title = "Keys"
        }
        let inner = Box.draw(title: title, width: 76, height: bindings.count + 4, into: &grid)
        let room = max(0, inner.height - 2)
        let lines = bindings.dropFirst(scroll).prefix(room)
        for (i, b) in lines.enumerated() {
            grid.put(b.keyLabel, x: inner.x, y: inner.y + i, width: keyWidth, role: .overlayKey)
            grid.put(b.help, x: inner.x + keyWidth, y: inner.y + i, width: inner.width - keyWidth, role: .overlay)
        }
        let more = bindings.count - scroll - lines.count
        let footer = more > 0 ? "▼ \(more) more: j/k scroll · Esc or ? closes" : "Esc or ? closes"
        grid.put(footer, x: inner.x, y: inner.y + inner.height - 1, width: inner.width, role: more > 0 ? .overlayKey : .overlay)
    }
}

/// `f`: pick a segment and a channel.
enum FilterPickerOverlay {
    static func draw(_ p: FilterPickerState, into grid: inout CellGrid) {
        let rows = max(p.segments.count, p.channels.count)
        let inner = Box.draw(title: "Filter", width: 56, height: min(rows, 14) + 5, into: &grid)
        let colWidth = (inner.width - 2) / 2
        let visible = max(1, inner.height - 3)
        for (col, (title, values, index)) in [("Segment", p.segments, p.segmentIndex), ("Channel", p.channels, p.channelIndex)].enumerated() {
            let x = inner.x + col * (colWidth + 2)
            grid.put(title, x: x, y: inner.y, width: colWidth, role: p.column == col ? .overlayTitle : .overlayKey)
            let first = max(0, min(index - visible / 2, values.count - visible))
            for (row, i) in (first..<min(values.count, first + visible)).enumerated() {
                let label = (i == index ? "● " : "  ") + (values[i] ?? "any")
                let role: Role = i == index && p.column == col ? .selected : .overlay
                grid.put(label, x: x, y: inner.y + 1 + row, width: colWidth, role: role)
            }
        }
        grid.put("j/k choose · Tab switch · x clear · Enter apply", x: inner.x, y: inner.y + inner.height - 1, width: inner.width, role: .overlay)
    }
}
