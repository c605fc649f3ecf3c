import LifecycleKit

/// `m`: which stage to move to; Enter goes on to the note.
public struct StagePickerScreen: Screen {
    public static let contexts: [KeyContext] = [.stagePicker]
    public var context: KeyContext { .stagePicker }
    public var plan: MovePlan

    public init(_ plan: MovePlan) { self.plan = plan }

    public mutating func update(_ input: ScreenInput, _ app: inout AppState, _ commands: inout ScreenCommands) {
        let n = app.stages.count
        switch input {
        case .action(.back, _): commands.close()
        case .action(.down, _): plan.target = min(n - 1, plan.target + 1)
        case .action(.up, _): plan.target = max(0, plan.target - 1)
        case .action(.top, _): plan.target = 0
        case .action(.bottom, _): plan.target = n - 1
        case .action(.pickDigit, .char(let c)?):
            if let d = c.wholeNumberValue, d >= 1, d <= n { plan.target = d - 1 }
        case .pick(let i): plan.target = max(0, min(n - 1, i))
        case .action(.open, _):
            commands.close()
            if plan.customers.count == 1, plan.customers.first?.value == app.stages[plan.target].id {
                app.status = StatusMessage(.stAlreadyIn, .text(plan.label), .text(app.stages[plan.target].name))
                return
            }
            commands.push(NoteInputScreen(plan))
        default: break
        }
    }

    public func draw(_ app: AppState, into grid: inout CellGrid) { MoveOverlays.drawPicker(plan, app, into: &grid) }

    public func hitRegions(_ app: AppState) -> [HitRegion] { MoveOverlays.pickerRegions(plan, app) }
}
