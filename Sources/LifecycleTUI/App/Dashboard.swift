import LifecycleKit

/// The dashboard's update: events in, a new `state` and effects out. Keys go to the screen
/// on top of the stack (`Screen`); the store work they need goes out as effects, which the
/// runner does off the input thread and hands back as `.effectDone` events. Views never ask
/// the store either.
public struct Dashboard {
    public internal(set) var state: AppState
    public let store: any SnapshotStore
    /// The one way stages change, with the undo/redo history.
    var mover: StageMover
    /// Ticks since the file was last checked for other programs' changes.
    var ticksSinceRefresh = 0
    var nextScreenID = 1
    var nextRequestID = 1
    /// The current request of each slot; a result of any other is dropped.
    var pending: [String: Pending] = [:]
    /// Effects issued by the update in progress.
    var outbox: [IssuedEffect] = []

    struct Pending {
        var issued: IssuedEffect
        var slot: String
        var target: Effect.Target
    }

    /// Opens on the funnel, speaking `language`. Reads only what the first frame needs: the
    /// stage counts (given, when the caller counted them already, else asked for).
    public init(store: any SnapshotStore, width: Int, height: Int, fileLabel: String, user: String = "unknown",
                language: Language = .en, stageCounts: [Int]? = nil, clock: @escaping @Sendable () -> Timestamp = StageMover.now) throws {
        self.store = store
        mover = StageMover(user: user, clock: clock)
        state = AppState(width: width, height: height, info: store.info, stages: store.stages,
                         fileLabel: fileLabel, funnel: FunnelState(counts: try stageCounts ?? store.stageCounts()))
        state.language = language
        state.rulesFile = RulesFile.path(besideSnapshot: store.path)
        // A stale journal is one of the warnings: its prompt says more.
        let n = store.problems.warningCount - (store.staleJournal == nil ? 0 : 1)
        if n > 0 {
            state.status = StatusMessage(.stWarningsInFile, .count(n), kind: .warning)
        }
        state.readOnly = store.isReadOnly
        if store.isReadOnly, state.status == nil, let why = SnapshotFile.writeProtectionReason(store.path) {
            state.status = StatusMessage(why, kind: .warning)
        }
        state.unsaved = store.hasUnsavedChanges
        state.staleJournal = store.staleJournal
        if let stale = store.staleJournal { push(StaleJournalScreen(stale)) }
    }

    /// Shows `text` as a warning in the status bar, before any message already there.
    public mutating func showWarning(_ text: String) {
        let warning = Message(.stText, .text(text))
        state.status = StatusMessage(state.status.map { Message(.stJoined, .message(warning), .message($0.message)) } ?? warning, kind: .warning)
    }

    /// Handles `event` and runs the effects it leads to here and now, to the end (tests, the
    /// benchmark): the same updates as with a runner, without threads.
    public mutating func handle(_ event: Event) {
        var queue = update(event)
        while !queue.isEmpty {
            let next = queue.removeFirst()
            queue += update(next.run(store: store))
        }
    }

    /// Handles `event`; returns the effects to run (by an `EffectRunner`). Never calls the store.
    public mutating func update(_ event: Event) -> [IssuedEffect] {
        switch event {
        case .resize(let w, let h):
            state.width = w
            state.height = h
            relayout()
        case .tick: tick()
        case .reportReady(let report): showFigures(report)
        case .reportFailed(let message): figuresFailed(message)
        case .indexing(let busy): state.indexing = busy
        case .effectDone(let id, let result): receive(id, result)
        case .progress(let id, let done): progress(id, done)
        case .mouse(let mouse): click(mouse)
        case .key(let key):
            if state.isTooSmall {
                if KeyBindings.action(for: key, in: .funnel) == .quit { state.shouldQuit = true }
            } else {
                handleKey(key)
            }
        }
        defer { outbox = [] }
        return outbox
    }

    mutating func handleKey(_ key: Key) {
        if key == .escape, let busy = state.busy, busy.cancellable { return cancel(busy) }
        let top = state.top
        let typing = top.inputLine(state) != nil
        let action = KeyBindings.action(for: key, in: top.context)
        if let action, !top.isOverlay, handleGlobal(action) { return }
        if !typing, action != nil { state.status = nil }
        if let action {
            dispatch(.action(action, key))
        } else if typing, case .char(let c) = key {
            dispatch(.typed(c))
        }
    }

    /// The keys every screen shares: quit, help, undo, redo, save, the search across stages.
    private mutating func handleGlobal(_ action: Action) -> Bool {
        switch action {
        case .quit: request(.quit)
        case .help:
            state.status = nil
            push(HelpScreen(for: state.top))
        case .undo, .redo:
            state.status = nil
            replayHistory(undo: action == .undo)
        case .save:
            state.status = nil
            request(.save)
        case .searchAll:
            state.status = nil
            push(GlobalSearchScreen())
        default: return false
        }
        return true
    }

    /// After a resize: every screen keeps its selection visible and its rows loaded.
    mutating func relayout() {
        for entry in state.stack { onScreen(entry.id) { $0.relayout(&$1, &$2) } }
    }

    /// Hands `input` to the screen on top.
    mutating func dispatch(_ input: ScreenInput) {
        onScreen(state.stack[state.stack.count - 1].id) { $0.update(input, &$1, &$2) }
    }
}
