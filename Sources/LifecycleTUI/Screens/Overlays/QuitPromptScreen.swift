/// Quitting with unsaved changes (JSON): save and quit, quit, or stay.
public struct QuitPromptScreen: Screen {
    public static let contexts: [KeyContext] = [.quitPrompt]
    public var context: KeyContext { .quitPrompt }

    public init() {}

    public mutating func update(_ input: ScreenInput, _ app: inout AppState, _ commands: inout ScreenCommands) {
        guard case .action(let action, _) = input else { return }
        commands.close()
        switch action {
        case .save: commands.ask(.saveAndQuit)
        case .quit: app.shouldQuit = true
        default: break
        }
    }

    public func draw(_ app: AppState, into grid: inout CellGrid) { MoveOverlays.drawQuitPrompt(app, into: &grid) }
}
