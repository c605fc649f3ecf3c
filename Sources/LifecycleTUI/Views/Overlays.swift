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

/// A box of text: paragraphs wrapped to its width, the box as tall as they need. When the
/// terminal is too short for them, the last row says how many lines are not shown.
enum TextBox {
    /// One paragraph; an empty text is a blank line.
    struct Paragraph {
        var text: String
        var role: Role = .overlay
    }

    /// `width` is the box's least width; it grows (up to 76 columns) to keep a paragraph on one line.
    static func draw(title: String, _ paragraphs: [Paragraph], width least: Int, language: Language, into grid: inout CellGrid) {
        let longest = paragraphs.map { DisplayWidth.of(SafeText.visible($0.text)) }.max() ?? 0
        let width = max(least, min(76, longest + 4))
        let inner = max(1, min(width, grid.width - 2) - 4)
        var lines: [(String, Role)] = []
        for p in paragraphs {
            lines += (p.text.isEmpty ? [""] : TextWrap.lines(p.text, width: inner)).map { ($0, p.role) }
        }
        let box = Box.draw(title: title, width: width, height: lines.count + 2, into: &grid)
        let cut = lines.count > box.height
        for (i, line) in lines.prefix(cut ? box.height - 1 : box.height).enumerated() {
            grid.put(line.0, x: box.x, y: box.y + i, width: box.width, role: line.1)
        }
        if cut, box.height > 0 {
            let hidden = lines.count - box.height + 1
            grid.put(Message(.uiMoreLines, .count(hidden)).text(in: language), x: box.x, y: box.y + box.height - 1,
                     width: box.width, role: .overlayKey)
        }
    }
}

/// `?`: every binding of the current screen, from the binding table; long help texts wrap.
enum HelpOverlay {
    static let boxWidth = 76

    /// What a mode's section is called in the help.
    static func section(_ context: KeyContext) -> MessageKey? {
        switch context {
        case .listSearch: return .uiHelpListSearch
        case .globalSearch: return .uiHelpGlobalSearch
        default: return nil
        }
    }

    /// The help's lines on a `gridWidth`-wide screen: key labels and texts, each wrapped in
    /// its column; the modes after the first context under a heading.
    static func lines(_ contexts: [KeyContext], gridWidth: Int, _ language: Language = .en) -> [(key: String, help: String, heading: Bool)] {
        let inner = max(1, min(boxWidth, gridWidth - 2) - 4)
        let keyWidth = keyWidth(contexts, gridWidth: gridWidth)
        return contexts.flatMap { context in
            let heading = section(context).map { [("", "", true)] + TextWrap.lines(Message($0).text(in: language), width: inner).map { ("", $0, true) } } ?? []
            return heading + KeyBindings.bindings(in: context).flatMap { b in
                // A label too long for its column breaks after a `/`: `PgDn/Ctrl-F/` `Ctrl-D`.
                let keys = DisplayWidth.of(b.keyLabel) < keyWidth ? [b.keyLabel]
                    : TextWrap.lines(b.keyLabel.replacingOccurrences(of: "/", with: "/ "), width: keyWidth - 1)
                        .map { $0.replacingOccurrences(of: "/ ", with: "/") }
                let help = TextWrap.lines(Message(b.help).text(in: language), width: inner - keyWidth)
                return (0..<max(keys.count, help.count)).map { (keys[safe: $0] ?? "", help[safe: $0] ?? "", false) }
            }
        }
    }

    /// The column of key labels: the widest label and a gap, at most a third of the box.
    static func keyWidth(_ contexts: [KeyContext], gridWidth: Int) -> Int {
        let widest = contexts.flatMap { KeyBindings.bindings(in: $0) }.map { DisplayWidth.of($0.keyLabel) }.max() ?? 8
        return min(22, widest + 2, max(1, min(boxWidth, gridWidth - 2) - 4) / 3)
    }

    /// How far the help scrolls: its lines less those the box shows (less frame and footer).
    static func maxScroll(_ contexts: [KeyContext], width: Int, height: Int, _ language: Language = .en) -> Int {
        let count = lines(contexts, gridWidth: width, language).count
        return max(0, count - (min(height - 2, count + 4) - 4))
    }

    static func draw(_ contexts: [KeyContext], title: String, scroll: Int, _ language: Language, into grid: inout CellGrid) {
        let all = lines(contexts, gridWidth: grid.width, language)
        let keyWidth = keyWidth(contexts, gridWidth: grid.width)
        let inner = Box.draw(title: title, width: boxWidth, height: all.count + 4, into: &grid)
        let room = max(0, inner.height - 2)
        let shown = all.dropFirst(scroll).prefix(room)
        for (i, line) in shown.enumerated() {
            if line.heading {
                grid.put(line.help, x: inner.x, y: inner.y + i, width: inner.width, role: .overlayTitle)
                continue
            }
            grid.put(line.key, x: inner.x, y: inner.y + i, width: keyWidth, role: .overlayKey)
            grid.put(line.help, x: inner.x + keyWidth, y: inner.y + i, width: inner.width - keyWidth, role: .overlay)
        }
        let more = all.count - scroll - shown.count
        let footer = more > 0 ? Message(.uiHelpMore, .count(more)).text(in: language) : Message(.uiHelpClose).text(in: language)
        grid.put(footer, x: inner.x, y: inner.y + inner.height - 1, width: inner.width, role: more > 0 ? .overlayKey : .overlay)
    }
}

/// `f`: pick a segment, a channel and a value entry.
enum FilterPickerOverlay {
    static func draw(_ p: FilterPickerState, _ state: AppState, into grid: inout CellGrid) {
        let rows = max(p.segments.count, p.channels.count, p.values.count, p.changes.count)
        let inner = Box.draw(title: state.text(.uiFilterTitle), width: p.hasChanges ? 96 : 76, height: min(rows, 14) + 5, into: &grid)
        // Comparing: five narrower shares, the value column taking two.
        let colWidth = max(8, p.hasChanges ? (inner.width - 6) / 5 : (inner.width - 4) / 4)
        let visible = max(1, inner.height - 3)
        let any = state.text(.uiAny)
        let valueWidth = p.hasChanges ? 2 * colWidth : inner.width - 2 * (colWidth + 2)
        var columns: [(String, [String], Int, Int)] = [
            (state.text(.uiColumnSegment), p.segments.map { $0 ?? any }, p.segmentIndex, colWidth),
            (state.text(.uiColumnChannel), p.channels.map { $0 ?? any }, p.channelIndex, colWidth),
            (state.text(.uiColumnValue), p.values.map { $0?.label.text(in: state.language) ?? any }, p.valueIndex, valueWidth),
        ]
        if p.hasChanges, let old = state.comparison?.label {
            columns.append((state.text(.uiColumnSince, .text(old)), p.changes.map { $0?.label.text(in: state.language) ?? any },
                            p.changeIndex, inner.width - 2 * (colWidth + 2) - valueWidth - 2))
        }
        for (col, (title, labels, index, width)) in columns.enumerated() {
            let x = inner.x + (col == 3 ? 2 * (colWidth + 2) + valueWidth + 2 : col * (colWidth + 2))
            grid.put(title, x: x, y: inner.y, width: width, role: p.column == col ? .overlayTitle : .overlayKey)
            let first = max(0, min(index - visible / 2, labels.count - visible))
            for (row, i) in (first..<min(labels.count, first + visible)).enumerated() {
                let role: Role = i == index && p.column == col ? .selected : .overlay
                grid.put((i == index ? "● " : "  ") + labels[i], x: x, y: inner.y + 1 + row, width: width, role: role)
            }
            if col == 2, p.columnCount < 3 {
                let why = state.text(p.valueStatus == .unavailable ? .uiValuesUnavailable : .uiValuesComputing)
                grid.put("  " + why, x: x, y: inner.y + 2, width: width, role: .dim)
            }
        }
        grid.put(state.text(.uiFilterKeys), x: inner.x, y: inner.y + inner.height - 1, width: inner.width, role: .overlay)
    }
}
