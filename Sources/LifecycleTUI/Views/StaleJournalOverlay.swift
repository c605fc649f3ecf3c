import Foundation
import LifecycleKit

/// The prompt shown when a JSON file's journal cannot be replayed: what happened, and the
/// three choices, each explained. Sentences wrap; the box grows to fit.
enum StaleJournalOverlay {
    static func paragraphs(_ stale: StaleJournal, _ state: AppState) -> [(text: String, role: Role)] {
        let journal = (stale.path as NSString).lastPathComponent
        let n = stale.actionCount
        let changes = n == 0 ? Message(.sjNoChanges) : Message(.sjChanges, .count(n))
        return [
            (state.text(.sjWhat, .text(journal), .message(changes), .message(stale.problem), .text(state.fileLabel)), .overlay),
            (state.text(.sjSetAside, .text(journal)), .overlayKey),
            (state.text(.sjBrowse), .overlayKey),
            (state.text(.sjQuit), .overlayKey),
        ]
    }

    static func draw(_ stale: StaleJournal, _ state: AppState, into grid: inout CellGrid) {
        let width = min(72, grid.width - 2)
        let inner = width - 4
        var lines: [(text: String, role: Role)] = []
        for (i, p) in paragraphs(stale, state).enumerated() {
            if i == 1 { lines.append(("", .overlay)) }
            lines += wrap(p.text, width: inner).map { ($0, p.role) }
        }
        let box = Box.draw(title: state.text(.sjTitle), width: width, height: lines.count + 2, into: &grid)
        for (row, line) in lines.prefix(box.height).enumerated() {
            grid.put(line.text, x: box.x, y: box.y + row, width: box.width, role: line.role)
        }
    }

    /// Words into lines of at most `width` columns (a word longer than that gets a line of its own).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if DisplayWidth.of(SafeText.visible(candidate)) <= width || line.isEmpty {
                line = candidate
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
