import LifecycleKit

/// The dashboard's update: events in, a new `state` out. It asks the store for the data
/// the screens need (a page of rows, a journey) and never draws; views never ask the store.
public struct Dashboard {
    public internal(set) var state: AppState
    public let store: any SnapshotStore
    /// The one way stages change, with the undo/redo history.
    var mover: StageMover
    /// Ticks since the file was last checked for other programs' changes.
    var ticksSinceRefresh = 0

    /// Opens on the funnel. Reads only what the first frame needs: the stage counts (given,
    /// when the caller counted them already, else asked for).
    public init(store: any SnapshotStore, width: Int, height: Int, fileLabel: String, user: String = "unknown",
                stageCounts: [Int]? = nil, clock: @escaping () -> Timestamp = StageMover.now) throws {
        self.store = store
        mover = StageMover(user: user, clock: clock)
        state = AppState(width: width, height: height, info: store.info, stages: store.stages,
                         fileLabel: fileLabel, funnel: FunnelState(counts: try stageCounts ?? store.stageCounts()))
        if store.problems.warningCount > 0 {
            let n = store.problems.warningCount
            state.status = StatusMessage("\(NumberText.grouped(n)) warning\(n == 1 ? "" : "s") in this file (clc validate lists them)", kind: .warning)
        }
        state.readOnly = store.isReadOnly
        if store.isReadOnly, state.status == nil, let why = SnapshotFile.writeProtectionReason(store.path) {
            state.status = StatusMessage(why, kind: .warning)
        }
        state.unsaved = store.hasUnsavedChanges
    }

    /// Shows `text` as a warning in the status bar, before any message already there.
    public mutating func showWarning(_ text: String) {
        state.status = StatusMessage(state.status.map { text + " · " + $0.text } ?? text, kind: .warning)
    }

    /// The figures were recomputed for the current data (the runner calls this).
    public mutating func figuresRequested() { state.figuresStale = false }

    public mutating func handle(_ event: Event) {
        switch event {
        case .resize(let w, let h):
            state.width = w
            state.height = h
            relayout()
        case .tick:
            ticksSinceRefresh += 1
            if ticksSinceRefresh >= 5 {
                ticksSinceRefresh = 0
                if attempt("checking for changes", { try $0.refresh() }) == true {
                    reloadAfterChange()
                    if state.status == nil { state.status = StatusMessage("updated: another program changed the file") }
                }
            }
        case .reportReady(let report):
            state.funnel.reportError = nil
            state.funnel.report = report
        case .indexing(let busy):
            state.indexing = busy
        case .reportFailed(let message):
            state.funnel.reportError = message
            state.status = StatusMessage("figures could not be computed: \(message)", kind: .error)
        case .key(let key):
            if state.isTooSmall {
                if KeyBindings.action(for: key, in: .funnel) == .quit { state.shouldQuit = true }
                return
            }
            handleKey(key)
        }
    }

    private mutating func handleKey(_ key: Key) {
        if state.noteInput != nil {
            handleNoteInput(key)
            return
        }
        if state.saveAsInput != nil {
            handleSaveAsInput(key)
            return
        }
        if case .stageList(let list) = state.screen, list.searchInput != nil, state.overlay == nil {
            handleSearchInput(key)
            return
        }
        guard let action = KeyBindings.action(for: key, in: state.context) else { return }
        state.status = nil
        switch state.overlay {
        case .help(let scroll):
            handleHelp(action, scroll: scroll)
            return
        case .filterPicker(let picker):
            handleFilterPicker(action, picker)
            return
        case .stagePicker(let plan):
            handleStagePicker(action, key: key, plan)
            return
        case .confirm(let plan):
            state.overlay = nil
            if action == .confirm { perform(plan) } else { state.status = StatusMessage("nothing moved") }
            return
        case .quitPrompt:
            handleQuitPrompt(action)
            return
        case nil:
            break
        }
        switch action {
        case .quit:
            if store.hasUnsavedChanges { state.overlay = .quitPrompt } else { state.shouldQuit = true }
        case .help: state.overlay = .help(scroll: 0)
        case .back: goBack()
        case .undo: undo()
        case .redo: redo()
        case .save: save()
        case .move: startMove()
        default:
            switch state.screen {
            case .funnel: handleFunnel(action)
            case .stageList(var list):
                handleStageList(action, &list)
                if case .stageList = state.screen { state.screen = .stageList(list) }
            case .journey(var journey):
                handleJourney(action, &journey)
                state.screen = .journey(journey)
            }
        }
    }

    private mutating func goBack() {
        if state.stack.count > 1 {
            state.stack.removeLast()
            relayout()
        }
    }

    /// Runs a store call; on failure shows the error instead of crashing.
    mutating func attempt<T>(_ what: String, _ body: (any SnapshotStore) throws -> T) -> T? {
        do {
            return try body(store)
        } catch {
            state.status = StatusMessage("\(what) failed: \(error)", kind: .error)
            return nil
        }
    }

    /// After a resize or a return to a screen: keep selections visible and rows loaded.
    mutating func relayout() {
        switch state.screen {
        case .funnel: break
        case .stageList(var list):
            scrollIntoView(&list)
            loadRows(&list)
            state.screen = .stageList(list)
        case .journey(var journey):
            clampJourneyScroll(&journey)
            state.screen = .journey(journey)
        }
    }

    // MARK: help

    private mutating func handleHelp(_ action: Action, scroll: Int) {
        // As many lines as the overlay shows: the screen less frame, footer and margins.
        let maxScroll = max(0, KeyBindings.bindings(in: state.screen.context).count - (state.height - 6))
        switch action {
        case .back: state.overlay = nil
        case .down: state.overlay = .help(scroll: min(maxScroll, scroll + 1))
        case .up: state.overlay = .help(scroll: max(0, scroll - 1))
        case .pageDown: state.overlay = .help(scroll: min(maxScroll, scroll + state.height / 2))
        case .pageUp: state.overlay = .help(scroll: max(0, scroll - state.height / 2))
        case .top: state.overlay = .help(scroll: 0)
        case .bottom: state.overlay = .help(scroll: maxScroll)
        default: break
        }
    }

    // MARK: funnel

    private mutating func handleFunnel(_ action: Action) {
        let n = state.stages.count
        switch action {
        case .down: state.funnel.selected = min(n - 1, state.funnel.selected + 1)
        case .up: state.funnel.selected = max(0, state.funnel.selected - 1)
        case .top: state.funnel.selected = 0
        case .bottom: state.funnel.selected = max(0, n - 1)
        case .open: openStageList(state.funnel.selected)
        default: break
        }
    }

    mutating func openStageList(_ index: Int) {
        var list = StageListState(stageIndex: index)
        reload(&list)
        state.stack.append(.stageList(list))
    }
}
