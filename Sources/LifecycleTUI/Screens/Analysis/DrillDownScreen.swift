import LifecycleKit

/// The customers behind a number of an analysis (a second pass picked them): id, name and
/// current stage; sorted by name or id, `/` narrows them to those whose name, email or id
/// contains the text, Enter opens a journey, marks and `m` move them through the app's one
/// move path, `e` exports what it shows. A screen of its own rather than a stage list: the
/// customers span stages, and the list is already in memory.
public struct DrillDownScreen: Screen {
    public static let contexts: [KeyContext] = [.drillDown, .drillSearch]
    public static let helpTitle = MessageKey.uiKeysDrillDown
    public var context: KeyContext { searchInput == nil ? .drillDown : .drillSearch }
    public var helpContexts: [KeyContext] { [.drillDown, .drillSearch] }
    public var isOverlay: Bool { false }

    /// What the customers are (`Converters into Purchase credited to email by linear (5)`).
    public let title: Message
    /// Every customer of the list, in id order (the order of the pass).
    public internal(set) var customers: [Row]
    /// The rows shown, in their order: positions in `customers` (narrowed by `search`,
    /// sorted by name when `byName`); made off the input thread (`DrillDownArranged`).
    public internal(set) var order: [Int]
    /// The ids of the marked customers.
    public internal(set) var marked: Set<String> = []
    /// Sorted by name, in the stage lists' order (`NaturalOrder`), else by id (the order of the pass).
    public internal(set) var byName = false
    /// The text the list is narrowed to (nil: the whole list).
    public internal(set) var search: String?
    /// The search being typed (nil when not typing).
    public internal(set) var searchInput: String?
    /// Every customer's email, read once for the first search (nil until then).
    var emails: [String?]?
    public var selected = 0
    public var scroll = 0

    /// One customer of the list.
    public struct Row: Hashable, Sendable {
        public var id: String, name: String, stage: Int
    }

    public init(title: Message, list: CustomerListAnalysis) {
        self.title = title
        customers = list.ids.indices.map { Row(id: list.ids[$0], name: list.names[$0], stage: list.stages[$0]) }
        order = Array(customers.indices)
    }

    /// The rows in their shown order.
    public var rows: [Row] { order.map { customers[$0] } }

    /// The shown row at `index`.
    public func row(at index: Int) -> Row? { order[safe: index].map { customers[$0] } }

    /// `rows` by name as the stage lists sort names, ties by id.
    static func sortedByName(_ rows: [Row]) -> [Row] {
        DrillDownArranged.sorted(Array(rows.indices), rows, byName: true).map { rows[$0] }
    }

    public mutating func update(_ input: ScreenInput, _ app: inout AppState, _ commands: inout ScreenCommands) {
        if searchInput != nil { return typeSearch(input, &app, &commands) }
        let page = DrillDownView.visibleRows(app.height)
        if let moved = cursorMove(input, selected, page: page) { selected = moved }
        switch input {
        case .action(.sortNext, _):
            byName.toggle()
            arrange(&commands)
        case .action(.search, _): searchInput = search ?? ""
        case .action(.mark, _):
            guard let id = row(at: selected)?.id else { return }
            if marked.remove(id) == nil { marked.insert(id) }
            selected += 1
        case .action(.markAll, _): marked.formUnion(order.map { customers[$0].id })
        case .action(.clearMarks, _):
            marked.removeAll()
            app.status = StatusMessage(.stMarksCleared)
        case .action(.move, _): startMove(app, &commands)
        case .action(.export, _): startExport(app, &commands)
        case .action(.open, _):
            guard let id = row(at: selected)?.id else { return }
            commands.run("journey", Message(.prOpeningJourney)) { env in
                JourneyLoad(id: id, journey: try StageListLoading.journey(id, in: env.store))
            }
        case .action(.back, _):
            // A narrowed list is widened first; Esc again goes back.
            if search != nil { narrow(to: nil, &commands) } else { commands.close() }
        default: break
        }
        clamp(app)
    }

    /// Offers to move the marked customers, else the selected one (`StageMover` does it).
    func startMove(_ app: AppState, _ commands: inout ScreenCommands) {
        let chosen = marked.isEmpty ? row(at: selected).map { [$0] } ?? [] : customers.filter { marked.contains($0.id) }
        guard !chosen.isEmpty else { return }
        let seen = Dictionary(uniqueKeysWithValues: chosen.map { ($0.id, app.stages[$0.stage].id) })
        commands.ask(.startMove(customers: seen, label: chosen.count == 1 ? chosen[0].name : ""))
    }

    /// After a stage change: the moved customers show their new stage and lose their mark.
    public mutating func reloadAfterChange(moved: [Transition], _ app: inout AppState, _ commands: inout ScreenCommands) {
        for t in moved {
            marked.remove(t.customerID)
            guard let i = customers.firstIndex(where: { $0.id == t.customerID }),
                  let stage = app.stages.firstIndex(where: { $0.id == t.to }) else { continue }
            customers[i].stage = stage
        }
    }

    mutating func clamp(_ app: AppState) {
        ListCursor.clamp(selected: &selected, scroll: &scroll, count: order.count, page: DrillDownView.visibleRows(app.height))
    }

    public mutating func relayout(_ app: inout AppState, _ commands: inout ScreenCommands) { clamp(app) }

    public mutating func receive(_ slot: String, _ result: Result<EffectValue, EffectFailure>, _ app: inout AppState,
                                 _ commands: inout ScreenCommands) {
        if case .failure(let f) = result {
            app.status = StatusMessage(.stFailed, .message(Message(slot == "export" ? .prExportingPlain : .prSearchingPlain)),
                                       .error(f.error), kind: .error)
            return
        }
        guard case .success(let v) = result else { return }
        switch v.value {
        case let arranged as DrillDownArranged: take(arranged, app)
        case let load as JourneyLoad: load.open(&app, &commands)
        default: break
        }
    }

    public func draw(_ app: AppState, into grid: inout CellGrid) { DrillDownView.draw(self, app, into: &grid) }

    public func inputLine(_ app: AppState) -> InputLine? { searchInput.map { .query("/" + $0, found: nil) } }

    public func hitRegions(_ app: AppState) -> [HitRegion] {
        (0..<max(0, min(DrillDownView.visibleRows(app.height), order.count - scroll))).map {
            HitRegion(x: 0, y: 4 + $0, width: app.width, index: scroll + $0)
        }
    }
}

/// Where a key moves the cursor of a list on an analysis screen (nil: not a move); the
/// screen clamps it to its rows.
func cursorMove(_ input: ScreenInput, _ selected: Int, page: Int) -> Int? {
    switch input {
    case .action(.down, _): selected + 1
    case .action(.up, _): selected - 1
    case .action(.pageDown, _): selected + page
    case .action(.pageUp, _): selected - page
    case .action(.top, _): 0
    case .action(.bottom, _): Int.max / 2
    case .pick(let i): i
    default: nil
    }
}

extension Screen {
    /// Opens the drill-down list that `drillDown` asked for, or says why there is none; false
    /// for another slot.
    func receiveDrillDown(_ slot: String, _ result: Result<EffectValue, EffectFailure>, _ app: inout AppState,
                          _ commands: inout ScreenCommands) -> Bool {
        guard slot == "drillDown" else { return false }
        switch result {
        case .success(let v): if let list = v.value as? DrillDownScreen { commands.push(list) }
        case .failure(let f): app.status = StatusMessage(.uiAnalysisFailed, .error(f.error), kind: .warning)
        }
        return true
    }

    /// Lists the customers `list` picks (a pass of its own, cancellable), then opens them in a
    /// `DrillDownScreen` titled `title` (its count added).
    func drillDown(_ list: CustomerListAnalysis, title: Message, _ commands: inout ScreenCommands, total: Int) {
        commands.run("drillDown", Message.inProgress(.prListingCustomers), total: total) { env in
            DrillDownScreen(title: title, list: try env.run(list))
        }
    }
}
