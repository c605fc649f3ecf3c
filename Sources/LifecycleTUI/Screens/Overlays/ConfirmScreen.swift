import LifecycleKit

/// Moving several customers asks first.
public struct ConfirmScreen: Screen {
    public static let contexts: [KeyContext] = [.confirm]
    public var context: KeyContext { .confirm }
    public var plan: MovePlan

    public init(_ plan: MovePlan) { self.plan = plan }

    public mutating func update(_ input: ScreenInput, _ app: inout AppState, _ commands: inout ScreenCommands) {
        guard case .action(let action, _) = input else { return }
        commands.close()
        if action == .confirm { commands.ask(.perform(plan)) } else { app.status = StatusMessage(.stNothingMoved) }
    }

    public func draw(_ app: AppState, into grid: inout CellGrid) { MoveOverlays.drawConfirm(plan, app, into: &grid) }
}
