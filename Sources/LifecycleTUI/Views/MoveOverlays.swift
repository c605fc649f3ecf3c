import LifecycleKit

/// The overlays of a stage change: pick the stage, confirm a bulk move, quit with unsaved changes.
enum MoveOverlays {
    static func drawPicker(_ plan: MovePlan, _ state: AppState, into grid: inout CellGrid) {
        let stages = state.stages
        let title = pickerTitle(plan, state)
        // As wide as its title needs (a long name), from 50 columns up to the screen's width.
        let inner = Box.draw(title: title, width: pickerWidth(title), height: min(stages.count, 12) + 4, into: &grid)
        let current = plan.customers.count == 1 ? plan.customers.first?.value : nil
        for (row, i) in pickerRows(plan, stages.count, innerHeight: inner.height).enumerated() {
            let number = i < 9 ? "\(i + 1) " : "  "
            let mark = stages[i].id == current ? " " + state.text(.uiNow) : ""
            let role: Role = i == plan.target ? .selected : .overlay
            grid.put(number + stages[i].name + mark, x: inner.x, y: inner.y + row, width: inner.width, role: role)
        }
        grid.put(state.text(.uiPickerKeys), x: inner.x, y: inner.y + inner.height - 1, width: inner.width, role: .overlay)
    }

    /// `Move Anna Müller to…`.
    static func pickerTitle(_ plan: MovePlan, _ state: AppState) -> String {
        plan.customers.count > 1 ? state.text(.uiMoveMarked, .count(plan.customers.count)) : state.text(.uiMoveTo, .text(plan.label))
    }

    static func pickerWidth(_ title: String) -> Int { max(50, DisplayWidth.of(title) + 6) }

    /// The stages shown: a window around the target.
    static func pickerRows(_ plan: MovePlan, _ count: Int, innerHeight: Int) -> Range<Int> {
        let visible = max(1, innerHeight - 1)
        let first = max(0, min(plan.target - visible / 2, count - visible))
        return first..<min(count, first + visible)
    }

    /// A click on a stage's line picks it: the box laid out as `drawPicker` draws it.
    static func pickerRegions(_ plan: MovePlan, _ state: AppState) -> [HitRegion] {
        var scratch = CellGrid(width: state.width, height: state.height)
        let title = pickerTitle(plan, state)
        let inner = Box.draw(title: title, width: pickerWidth(title), height: min(state.stages.count, 12) + 4, into: &scratch)
        return pickerRows(plan, state.stages.count, innerHeight: inner.height).enumerated().map { row, i in
            HitRegion(x: inner.x, y: inner.y + row, width: inner.width, index: i)
        }
    }

    static func drawConfirm(_ plan: MovePlan, _ state: AppState, into grid: inout CellGrid) {
        TextBox.draw(title: state.text(.uiConfirm), [
            .init(text: question(plan, state), role: .overlayKey),
            .init(text: plan.note.isEmpty ? state.text(.uiNoNote) : state.text(.uiNote, .text(plan.note))),
            .init(text: ""),
            .init(text: state.text(.uiConfirmKeys)),
        ], width: 64, language: state.language, into: &grid)
    }

    /// `Move 2 customers from Retention to Loyalty?` (a rule's matches: `… (rule: NAME)?`), or with marks in several stages
    /// `Move 3 customers (2 from Retention, 1 from Conversion) to Loyalty?`.
    static func question(_ plan: MovePlan, _ state: AppState) -> String {
        var counts: [String: Int] = [:]
        for stage in plan.customers.values { counts[stage, default: 0] += 1 }
        let order = { (id: String) in state.stages.firstIndex { $0.id == id } ?? Int.max }
        let from = counts.sorted { $0.value != $1.value ? $0.value > $1.value : order($0.key) < order($1.key) }
        let name = { (id: String) in state.stages.first { $0.id == id }?.name ?? id }
        let target = state.stages[plan.target].name
        let n = MessageArgument.count(plan.customers.count)
        if let rule = plan.rule, from.count == 1 {
            return state.text(.uiRuleMoveQuestion, n, .text(name(from[0].key)), .text(target), .text(rule))
        }
        if from.count == 1 { return state.text(.uiMoveQuestion, n, .text(name(from[0].key)), .text(target)) }
        let parts = from.map { state.text(.uiCountFrom, .count($0.value), .text(name($0.key))) }
        return state.text(.uiMoveQuestionMany, n, .text(parts.joined(separator: ", ")), .text(target))
    }

    static func drawQuitPrompt(_ state: AppState, into grid: inout CellGrid) {
        TextBox.draw(title: state.text(.uiUnsavedTitle), [
            .init(text: state.text(.uiUnsavedText)),
            .init(text: ""),
            .init(text: state.text(.uiUnsavedKeys), role: .overlayKey),
        ], width: 64, language: state.language, into: &grid)
    }
}
