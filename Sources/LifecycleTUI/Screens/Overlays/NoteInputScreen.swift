import LifecycleKit

/// The optional note of a move, typed in the status bar; Enter moves (after a confirmation
/// for several customers), Esc cancels.
public struct NoteInputScreen: Screen {
    public static let contexts: [KeyContext] = [.noteInput]
    public var context: KeyContext { .noteInput }
    public var plan: MovePlan

    public init(_ plan: MovePlan) { self.plan = plan }

    public mutating func update(_ input: ScreenInput, _ app: inout AppState, _ commands: inout ScreenCommands) {
        switch input {
        case .action(.back, _):
            commands.close()
            app.status = StatusMessage(.stNothingMoved)
        case .action(.open, _):
            commands.close()
            if plan.customers.count > 1 { commands.push(ConfirmScreen(plan)) } else { commands.ask(.perform(plan)) }
        default:
            _ = InputLine.edit(&plan.note, input)
        }
    }

    public func draw(_ app: AppState, into grid: inout CellGrid) {}

    public func inputLine(_ app: AppState) -> InputLine? {
        .prompt(app.text(.uiNotePrompt, .text(app.stages[plan.target].name), .text(KeyBindings.promptKeys(in: .noteInput, app.language))), text: plan.note)
    }
}
