import Foundation
import LifecycleKit

/// The suggestions screen: the rules file in the title, a row per rule (name, stage → target,
/// the expression, the count), then the selected rule's whole expression and first matches or
/// why it is not counted; instead of the rows, the file's problems or where to put one.
enum SuggestionsView {
    /// The line of the first rule row (below the title, a blank and the header).
    static let firstRow = 4
    /// Lines kept below the rows for the selected rule's details.
    static let detailLines = 4
    static func visibleRows(_ height: Int) -> Int { max(1, height - 1 - firstRow - detailLines - 1) }

    static func draw(_ screen: SuggestionsScreen, _ state: AppState, into grid: inout CellGrid) {
        let width = grid.width - 2
        let name = (screen.path as NSString).lastPathComponent
        let used = grid.put(state.text(.uiSuggestionsTitle, .text(name)), x: 1, y: 1, role: .title, maxWidth: width)
        let reload = MessageArgument.text(KeyBindings.key(for: .suggestions, in: .suggestions))
        switch screen.file {
        case .reading:
            grid.put(Message.inProgress(.prReadingRules, .text(name)).text(in: state.language), x: 1, y: 3, role: .pending, maxWidth: width)
        case .missing(let path):
            help(state.text(.uiRulesMissing, .text(path)), state, into: &grid)
        case .rules(let rules) where rules.isEmpty:
            help(state.text(.uiRulesEmpty, .text(screen.path)), state, into: &grid)
        case .problems(let problems):
            var y = paragraph(state.text(.uiRulesProblems, .count(problems.count), reload), y: 3, role: .error, into: &grid) + 1
            for p in problems { y = paragraph(p.text(in: state.language), y: y, role: .warning, into: &grid) }
        case .rules(let rules):
            let count = state.text(.uiSuggestionsRules, .count(rules.count))
            grid.put("  " + count, x: 1 + used, y: 1, role: .dim, maxWidth: max(0, width - used))
            table(screen, rules, state, into: &grid)
            details(screen, state, into: &grid)
        }
    }

    /// No rules: what is missing, where to write them, an example, where the fields are.
    static func help(_ what: String, _ state: AppState, into grid: inout CellGrid) {
        var y = paragraph(what, y: 3, role: .warning, into: &grid) + 1
        y = paragraph(state.text(.uiRulesWhere, .text("clc FILE --rules R")), y: y, role: .normal, into: &grid) + 1
        for line in example { grid.put(line, x: 3, y: y, role: .dim, maxWidth: grid.width - 4); y += 1 }
        let reload = MessageArgument.text(KeyBindings.key(for: .suggestions, in: .suggestions))
        _ = paragraph(state.text(.uiRulesMore, reload), y: y + 1, role: .normal, into: &grid)
    }

    static let example = [
        "[[rule]]",
        "name = \"Inactive in retention\"",
        "stage = \"retention\"",
        "when = \"days_since_last_purchase > 90\"",
        "move_to = \"reengagement\"",
    ]

    /// `text` wrapped to the screen from line `y` (never over the status bar); the next free line.
    static func paragraph(_ text: String, y: Int, role: Role, into grid: inout CellGrid) -> Int {
        var y = y
        for line in TextWrap.lines(text, width: grid.width - 2) where y < grid.height - 1 {
            grid.put(line, x: 1, y: y, role: role, maxWidth: grid.width - 2)
            y += 1
        }
        return y
    }

    /// The header and a row per rule, the selected one highlighted.
    static func table(_ screen: SuggestionsScreen, _ rules: [Rule], _ state: AppState, into grid: inout CellGrid) {
        let moves = rules.map { screen.stageName($0.stage, state) + " → " + screen.stageName($0.moveTo, state) }
        let cells = screen.counts.map { countCell($0, state) }
        let widths = columnWidths(names: rules.map(\.name), moves: moves, counts: cells.map(\.text), state, width: grid.width)
        let headers = [state.text(.uiColumnRule), state.text(.uiColumnStageMove), state.text(.uiColumnWhen)]
        var x = 1
        for (text, w) in zip(headers, widths.prefix(3)) {
            grid.put(text, x: x, y: firstRow - 1, width: w, role: .columnHeader)
            x += w + 2
        }
        grid.put(state.text(.uiColumnMatches), x: x, y: firstRow - 1, width: widths[3], role: .columnHeader, alignRight: true)
        for i in rules.indices.dropFirst(screen.scroll).prefix(visibleRows(grid.height)) {
            let y = firstRow + i - screen.scroll
            let selected = i == screen.selected
            if selected { grid.fill(x: 0, y: y, width: grid.width, height: 1, role: .selected) }
            let texts = [rules[i].name, moves[i], rules[i].when.text]
            x = 1
            for (text, w) in zip(texts, widths.prefix(3)) {
                grid.put(text, x: x, y: y, width: w, role: selected ? .selected : .normal)
                x += w + 2
            }
            let cell = cells[safe: i] ?? (text: "…", role: .pending)
            grid.put(cell.text, x: x, y: y, width: widths[3], role: selected ? .selected : cell.role, alignRight: true)
        }
    }

    /// Name, stage → target, expression and count widths: the expression takes what is left,
    /// at least 10 columns, taken from the stages, then the name, when the screen is narrow.
    static func columnWidths(names: [String], moves: [String], counts: [String], _ state: AppState, width: Int) -> [Int] {
        let longest = { (texts: [String], header: MessageKey, cap: Int) in
            min(cap, max(DisplayWidth.of(state.text(header)), texts.map { DisplayWidth.of($0) }.max() ?? 0))
        }
        var name = longest(names, .uiColumnRule, 28), move = longest(moves, .uiColumnStageMove, 30)
        let count = longest(counts, .uiColumnMatches, 16)
        let room = width - 2 - 3 * 2 - count
        while room - name - move < 10, max(name, move) > 8 {
            if move > 8 { move -= 1 } else { name -= 1 }
        }
        return [name, move, max(1, room - name - move), count]
    }

    /// The count column: the number, `…` while counting, or why there is none.
    static func countCell(_ count: RuleCount, _ state: AppState) -> (text: String, role: Role) {
        switch count {
        case .counting: ("…", .pending)
        case .waitingForValues where state.valuesError != nil: (state.text(.uiValuesUnavailable), .warning)
        case .waitingForValues: (state.text(.uiRuleWaiting), .pending)
        case .counted(let ids): (state.formats.count(ids.count), .normal)
        case .notCounted: (state.text(.uiRuleNotCounted), .warning)
        }
    }

    /// Below the rows: the selected rule's whole expression, then its first matches or why
    /// it has no count.
    static func details(_ screen: SuggestionsScreen, _ state: AppState, into grid: inout CellGrid) {
        guard let rule = screen.rules[safe: screen.selected], let count = screen.counts[safe: screen.selected] else { return }
        let rows = min(visibleRows(grid.height), screen.rules.count - screen.scroll)
        var y = firstRow + rows + 1
        y = paragraph(state.text(.uiRuleDetailWhen, .text(rule.when.text)), y: y, role: .normal, into: &grid)
        let reload = MessageArgument.text(KeyBindings.key(for: .suggestions, in: .suggestions))
        switch count {
        case .counting: break
        case .counted(let ids) where ids.isEmpty:
            _ = paragraph(state.text(.rulesNothingToMove, .text(rule.name)), y: y, role: .dim, into: &grid)
        case .counted(let ids):
            let sample = ids.prefix(5).joined(separator: ", ") + (ids.count > 5 ? ", …" : "")
            _ = paragraph(state.text(.uiRuleDetailSample, .text(sample)), y: y, role: .dim, into: &grid)
        case .waitingForValues:
            let text = state.valuesError.map { state.text(.uiRuleDetailNoValues, .text($0)) } ?? state.text(.uiRuleDetailWaiting)
            _ = paragraph(text, y: y, role: state.valuesError == nil ? .pending : .warning, into: &grid)
        case .notCounted(let why):
            _ = paragraph(state.text(.uiRuleDetailNotCounted, .message(why), reload), y: y, role: .warning, into: &grid)
        }
    }
}
