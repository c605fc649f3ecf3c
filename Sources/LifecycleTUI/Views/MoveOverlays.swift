import LifecycleKit

/// The overlays of a stage change: pick the stage, confirm a bulk move, quit with unsaved changes.
enum MoveOverlays {
    static func drawPicker(_ plan: MovePlan, _ state: AppState, into grid: inout CellGrid) {
        let stages = state.stages
        let title = "Move " + SafeText.visible(plan.label) + " to…"
        // As wide as its title needs (a long name), from 50 columns up to the screen's width.
        let inner = Box.draw(title: title, width: pickerWidth(title), height: min(stages.count, 12) + 4, into: &grid)
        let current = plan.customers.count == 1 ? plan.customers.first?.value : nil
        for (row, i) in pickerRows(plan, stages.count, innerHeight: inner.height).enumerated() {
            let number = i < 9 ? "\(i + 1) " : "  "
            let mark = stages[i].id == current ? " ● now" : ""
            let role: Role = i == plan.target ? .selected : .overlay
            grid.put(number + stages[i].name + mark, x: inner.x, y: inner.y + row, width: inner.width, role: role)
        }
        grid.put("j/k or 1–9 choose · Enter · Esc cancel", x: inner.x, y: inner.y + inner.height - 1, width: inner.width, role: .overlay)
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
        let title = "Move " + SafeText.visible(plan.label) + " to…"
        let inner = Box.draw(title: title, width: pickerWidth(title), height: min(state.stages.count, 12) + 4, into: &scratch)
        return pickerRows(plan, state.stages.count, innerHeight: inner.height).enumerated().map { row, i in
            HitRegion(x: inner.x, y: inner.y + row, width: inner.width, index: i)
        }
    }

    static func drawConfirm(_ plan: MovePlan, _ state: AppState, into grid: inout CellGrid) {
        TextBox.draw(title: "Confirm", [
            .init(text: question(plan, state), role: .overlayKey),
            .init(text: plan.note.isEmpty ? "(no note)" : "Note: " + plan.note),
            .init(text: ""),
            .init(text: "y or Enter: move them · n or Esc: cancel"),
        ], width: 64, into: &grid)
    }

    /// `Move 2 customers from Retention to Loyalty?`, or with marks in several stages
    /// `Move 3 customers (2 from Retention, 1 from Conversion) to Loyalty?`.
    static func question(_ plan: MovePlan, _ state: AppState) -> String {
        var counts: [String: Int] = [:]
        for stage in plan.customers.values { counts[stage, default: 0] += 1 }
        let order = { (id: String) in state.stages.firstIndex { $0.id == id } ?? Int.max }
        let from = counts.sorted { $0.value != $1.value ? $0.value > $1.value : order($0.key) < order($1.key) }
        let name = { (id: String) in state.stages.first { $0.id == id }?.name ?? id }
        let target = state.stages[plan.target].name
        let n = NumberText.grouped(plan.customers.count)
        if from.count == 1 { return "Move \(n) customers from \(name(from[0].key)) to \(target)?" }
        let parts = from.map { "\(NumberText.grouped($0.value)) from \(name($0.key))" }
        return "Move \(n) customers (\(parts.joined(separator: ", "))) to \(target)?"
    }

    static func drawQuitPrompt(into grid: inout CellGrid) {
        TextBox.draw(title: "Unsaved changes", [
            .init(text: "Your changes are safe in the journal beside the file and come back when you open it again; w writes them into the file now."),
            .init(text: ""),
            .init(text: "w: save and quit · q: quit · Esc: stay", role: .overlayKey),
        ], width: 64, into: &grid)
    }
}
