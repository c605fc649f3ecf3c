import LifecycleKit

/// The JSON file's journal cannot be replayed: `s` sets it aside, Esc browses read-only,
/// `q` quits; nothing is changed unless `s`.
public struct StaleJournalScreen: Screen {
    public static let contexts: [KeyContext] = [.staleJournal]
    public var context: KeyContext { .staleJournal }
    public var stale: StaleJournal

    public init(_ stale: StaleJournal) { self.stale = stale }

    public mutating func update(_ input: ScreenInput, _ app: inout AppState, _ commands: inout ScreenCommands) {
        guard case .action(let action, _) = input else { return }
        switch action {
        case .setAside:
            commands.close()
            commands.ask(.setAsideJournal)
        case .back:
            commands.close()
            app.status = StatusMessage(.stReadOnlyWhileJournal, kind: .warning)
        case .quit:
            commands.close()
            app.shouldQuit = true
        default:
            break
        }
    }

    public func draw(_ app: AppState, into grid: inout CellGrid) { StaleJournalOverlay.draw(stale, app, into: &grid) }
}
