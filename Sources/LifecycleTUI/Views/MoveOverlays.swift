import LifecycleKit

/// The overlays of a stage change: pick the stage, confirm a bulk move, quit with unsaved changes.
enum MoveOverlays {
    static func drawPicker(_ plan: MovePlan, _ state: AppState, into grid: inout CellGrid) {
        let stages = state.stages
        let inner = Box.draw(title: "Move " + SafeText.visible(plan.label) + " to…", width: 50, height: min(stages.count, 12) + 4, into: &grid)
        let current = plan.customers.count == 1 ? plan.customers.first?.value : nil
        let visible = max(1, inner.height - 1)
        let first = max(0, min(plan.target - visible / 2, stages.count - visible))
        for (row, i) in (first..<min(stages.count, first + visible)).enumerated() {
            let number = i < 9 ? "\(i + 1) " : "  "
            let mark = stages[i].id == current ? " ● now" : ""
            let role: Role = i == plan.target ? .selected : .overlay
            grid.put(number + stages[i].name + mark, x: inner.x, y: inner.y + row, width: inner.width, role: role)
        }
        grid.put("j/k or 1–9 choose · Enter · Esc cancel", x: inner.x, y: inner.y + inner.height - 1, width: inner.width, role: .overlay)
    }

    static func drawConfirm(_ plan: MovePlan, _ state: AppState, into grid: inout CellGrid) {
        let n = NumberText.grouped(plan.customers.count)
        let inner = Box.draw(title: "Confirm", width: 60, height: 6, into: &grid)
        grid.put("Move \(n) customers to \(state.stages[plan.target].name)?", x: inner.x, y: inner.y, width: inner.width, role: .overlayKey)
        grid.put(plan.note.isEmpty ? "(no note)" : "Note: " + plan.note, x: inner.x, y: inner.y + 1, width: inner.width, role: .overlay)
        grid.put("y or Enter: move them · n or Esc: cancel", x: inner.x, y: inner.y + 3, width: inner.width, role: .overlay)
    }

    static func drawQuitPrompt(into grid: inout CellGrid) {
        let inner = Box.draw(title: "Unsaved changes", width: 64, height: 7, into: &grid)
        grid.put("Your changes are safe in the journal beside the file and come", x: inner.x, y: inner.y, width: inner.width, role: .overlay)
        grid.put("back when you open it again; w writes them into the file now.", x: inner.x, y: inner.y + 1, width: inner.width, role: .overlay)
        grid.put("w: save and quit · q: quit · Esc: stay", x: inner.x, y: inner.y + 3, width: inner.width, role: .overlayKey)
    }
}
