import LifecycleKit

/// The customers of one stage: a page of rows around the cursor, sort, filter, marks and
/// search. Rows, counts and matches come from effects; keys change the state at once.
public struct StageListScreen: Screen {
    public static let contexts: [KeyContext] = [.stageList, .listSearch]
    public static let helpTitle = MessageKey.uiKeysStageList
    public var list: StageListState
    /// A reload (count and page) is on its way: pages are asked for once it is in.
    var reloading = false

    public var context: KeyContext { list.searchInput == nil ? .stageList : .listSearch }
    public var isOverlay: Bool { false }
    public var helpContexts: [KeyContext] { [.stageList, .listSearch, .globalSearch] }

    /// A list of stage `index`, loaded by the reload it asks for once pushed.
    public init(opening index: Int) {
        list = StageListState(stageIndex: index)
        reloading = true
    }

    /// Said in the status bar once the list is loaded.
    var announcement: Message?

    /// `list` as it is, re-read once pushed; `announcement` is said once it is in.
    init(_ list: StageListState, announcing announcement: Message? = nil) {
        self.list = list
        self.announcement = announcement
    }

    public mutating func update(_ input: ScreenInput, _ app: inout AppState, _ commands: inout ScreenCommands) {
        switch input {
        case .typed(let c): typeSearch(.typed(c), &app, &commands)
        case .pick(let i): moveCursor(to: list.top + i, app, &commands)
        case .action(let action, _) where list.searchInput != nil: typeSearch(.action(action, nil), &app, &commands)
        case .action(let action, _): handle(action, &app, &commands)
        }
    }

    mutating func handle(_ action: Action, _ app: inout AppState, _ commands: inout ScreenCommands) {
        let page = StageListLayout.visibleRows(height: app.height)
        switch action {
        case .down: moveCursor(to: list.cursor + 1, app, &commands)
        case .up: moveCursor(to: list.cursor - 1, app, &commands)
        case .pageDown: moveCursor(to: list.cursor + page, app, &commands)
        case .pageUp: moveCursor(to: list.cursor - page, app, &commands)
        case .top: moveCursor(to: 0, app, &commands)
        case .bottom: moveCursor(to: list.total - 1, app, &commands)
        case .nextStage, .previousStage:
            let n = app.stages.count
            list.stageIndex = (list.stageIndex + (action == .nextStage ? 1 : n - 1)) % n
            app.funnel.selected = list.stageIndex
            (list.cursor, list.top) = (0, 0)
            reload(app, &commands)
        case .sortNext, .sortFlip: resort(action, &app, &commands)
        case .search, .searchNext, .searchPrevious: startSearch(action, &app, &commands)
        case .filter:
            let current = list.filter
            let values: ValueChoices = app.valuesInLists ? .ready(app.valueChoices) : app.valuesError != nil ? .unavailable : .computing
            let changes = app.comparison?.choices ?? []
            commands.run("filter", Message(.prReadingFilters)) { env in
                FilterPickerState(segments: try env.store.segments(), channels: try env.store.channels(), current: current,
                                  values: values, changes: changes)
            }
        case .clearFilter:
            guard !list.filter.isEmpty else { return }
            applyFilter(.none, &app, &commands)
        case .open:
            guard let row = list.row(at: list.cursor) else { return }
            let id = row.customer.id
            commands.run("journey", Message(.prOpeningJourney)) { env in JourneyLoad(id: id, journey: try StageListLoading.journey(id, in: env.store)) }
        case .move: startMove(&commands)
        case .export: startExport(app, &commands)
        case .back: commands.close()
        default: marks(action, &app, &commands)
        }
    }

    /// Space, `*` and `c`.
    mutating func marks(_ action: Action, _ app: inout AppState, _ commands: inout ScreenCommands) {
        switch action {
        case .mark:
            guard let row = list.row(at: list.cursor) else { return }
            list.toggleMark(row.customer.id, stage: row.customer.stage)
            moveCursor(to: list.cursor + 1, app, &commands)
        case .markAll:
            let q = list.query(app.stages), total = list.total, marks = list.marked, version = list.marksVersion
            commands.run("markAll", .inProgress(.prMarking, .count(total)), total: total) { env in
                try StageListLoading.MarkAll.run(q, total: total, marks: marks, version: version, env: env)
            }
        case .clearMarks:
            list.clearMarks()
            app.status = StatusMessage(.stMarksCleared)
        default: break
        }
    }

    /// `m`: the marked customers, else the selected one.
    func startMove(_ commands: inout ScreenCommands) {
        if !list.marked.isEmpty {
            commands.ask(.startMove(customers: list.marked, label: ""))
        } else if let row = list.row(at: list.cursor) {
            commands.ask(.startMove(customers: [row.customer.id: row.customer.stage], label: row.customer.name))
        }
    }

    mutating func resort(_ action: Action, _ app: inout AppState, _ commands: inout ScreenCommands) {
        if action == .sortFlip {
            list.sort.descending.toggle()
        } else {
            let cycle = StageListState.sortCycle + (app.valuesInLists ? CustomerSort.Field.valueFields : [])
            list.sort = CustomerSort(cycle[((cycle.firstIndex(of: list.sort.field) ?? -1) + 1) % cycle.count], descending: false)
        }
        (list.cursor, list.top) = (0, 0)
        reload(app, &commands, saying: StageListColumns.sortedBy(list.sort))
    }

    mutating func applyFilter(_ filter: CustomerFilter, _ app: inout AppState, _ commands: inout ScreenCommands) {
        list.filter = filter
        (list.cursor, list.top) = (0, 0)
        reload(app, &commands, saying: Message(filter.isEmpty ? .stFilterCleared : .stFiltered))
    }

    /// A new comparison: a "since OLD" filter takes the new id set of its entry (after a
    /// stage change the customers changed since OLD are others).
    mutating func renewIDFilter(_ choices: [ChangeFilterChoice], _ app: inout AppState, _ commands: inout ScreenCommands) {
        guard let ids = list.filter.ids, let renewed = choices.first(where: { $0.ids.label == ids.label }), renewed.ids != ids else { return }
        list.filter.ids = renewed.ids
        reload(app, &commands)
    }

    mutating func moveCursor(to index: Int, _ app: AppState, _ commands: inout ScreenCommands) {
        guard list.total > 0 else { return }
        list.cursor = max(0, min(list.total - 1, index))
        list.scrollIntoView(height: app.height)
        loadRows(app, &commands)
    }

    /// Asks for the page's rows unless they are loaded (or a reload will bring them).
    mutating func loadRows(_ app: AppState, _ commands: inout ScreenCommands) {
        guard !reloading, let window = list.missingWindow(height: app.height) else { return }
        let q = list.query(app.stages)
        commands.run("rows", Message(.prLoadingCustomers)) { env in try StageListLoading.rows(q, offset: window.offset, limit: window.limit, in: env.store) }
    }

    /// Re-reads the count and the rows around the cursor (new stage, filter or sort; after a change, on `anchor`).
    mutating func reload(_ app: AppState, _ commands: inout ScreenCommands, anchor: CursorAnchor? = nil, saying: Message? = nil) {
        reloading = true
        let list = self.list, q = list.query(app.stages), height = app.height
        commands.run("reload", Message(.prCountingCustomers)) { env in
            ReloadReply(reloaded: try StageListLoading.reload(list, q, height: height, anchor: anchor, in: env.store),
                        requestedCursor: list.cursor, saying: saying)
        }
    }

    public mutating func opened(_ app: inout AppState, _ commands: inout ScreenCommands) {
        reload(app, &commands, saying: announcement)
        announcement = nil
    }

    public mutating func relayout(_ app: inout AppState, _ commands: inout ScreenCommands) {
        list.scrollIntoView(height: app.height)
        loadRows(app, &commands)
    }

    public mutating func reloadAfterChange(moved: [Transition], _ app: inout AppState, _ commands: inout ScreenCommands) {
        list.unmark(moved.map(\.customerID))
        reload(app, &commands, anchor: CursorAnchor(list, stage: app.stages[list.stageIndex].id, moved: moved))
    }

    public func draw(_ app: AppState, into grid: inout CellGrid) { StageListView.draw(list, app, loading: reloading, into: &grid) }

    public func inputLine(_ app: AppState) -> InputLine? { list.searchInput.map { .query("/" + $0, found: nil) } }

    /// A click on a row selects it (the index is the row on the page).
    public func hitRegions(_ app: AppState) -> [HitRegion] {
        let page = StageListLayout.visibleRows(height: app.height)
        return (0..<max(0, min(page, list.total - list.top))).map {
            HitRegion(x: 0, y: StageListLayout.headerRows + $0, width: app.width, index: $0)
        }
    }
}

/// A reload's result, and what the status bar says once it is in.
struct ReloadReply: Sendable {
    var reloaded: StageListLoading.Reloaded
    /// The cursor when it was asked for: a cursor moved since stays where the keys put it.
    var requestedCursor: Int
    var saying: Message?
}

/// A journey read for opening.
struct JourneyLoad: Sendable {
    var id: String
    var journey: JourneyState?

    /// Opens the journey, or says the customer is gone.
    func open(_ app: inout AppState, _ commands: inout ScreenCommands) {
        guard let journey else {
            app.status = StatusMessage(.stCustomerGone, .text(id), kind: .warning)
            return
        }
        commands.push(JourneyScreen(journey))
    }
}
