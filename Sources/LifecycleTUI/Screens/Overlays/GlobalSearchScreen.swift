import LifecycleKit

/// The search across every stage, typed on the funnel (`/`) or in a list (`a`): each key asks
/// for the customer the query finds (an exact id first, else the first match in funnel
/// order), the line says at once when there is none, and Enter opens that customer's stage
/// with the cursor on them.
public struct GlobalSearchScreen: Screen {
    public static let contexts: [KeyContext] = [.globalSearch]
    public var context: KeyContext { .globalSearch }
    public var search = GlobalSearchState()
    /// A search is on its way; Enter meanwhile opens what it finds.
    var searching = false
    var submitted = false

    public init() {}

    public mutating func update(_ input: ScreenInput, _ app: inout AppState, _ commands: inout ScreenCommands) {
        switch input {
        case .action(.open, _):
            if searching { submitted = true } else { submit(&commands) }
            return
        case .action(.back, _):
            commands.close()
            app.status = nil
            return
        default:
            guard InputLine.edit(&search.input, input) else { return }
        }
        (search.found, search.label) = (nil, nil)
        app.status = nil
        find(app, &commands)
    }

    private mutating func submit(_ commands: inout ScreenCommands) {
        commands.close()
        if let found = search.found { commands.ask(.showFound(found, label: search.label ?? found.customerID, query: search.input)) }
    }

    private mutating func find(_ app: AppState, _ commands: inout ScreenCommands) {
        let query = search.input, idsOnly = app.indexing, stages = app.stages
        guard !query.isEmpty else { return searching = false }
        searching = true
        commands.run("find", Message(.prSearching, .text(query))) { env in
            try Found.search(query, idsOnly: idsOnly, stages: stages, in: env.store)
        }
    }

    public mutating func receive(_ slot: String, _ result: Result<EffectValue, EffectFailure>, _ app: inout AppState,
                                 _ commands: inout ScreenCommands) {
        searching = false
        switch result {
        case .failure(let f): app.status = StatusMessage(.stFailed, .message(Message(.prSearchingPlain)), .error(f.error), kind: .error)
        case .success(let v):
            guard let found = v.value as? Found else { return }
            if let location = found.location {
                (search.found, search.label) = (location, found.label)
            } else {
                app.status = found.idsOnly
                    ? StatusMessage(.stNoCustomerWithID, .text(found.query), kind: .warning)
                    : Dashboard.noMatch(found.query)
            }
        }
        if submitted { submit(&commands) }
    }

    public func draw(_ app: AppState, into grid: inout CellGrid) {}

    public func inputLine(_ app: AppState) -> InputLine? {
        .query(app.text(.uiAllStagesQuery, .text(search.input)), found: search.label.map { app.text(.uiEnterOpens, .text($0)) })
    }
}

/// What a search across stages found: where the customer is, and `Name · id · Stage`.
struct Found: Sendable {
    var query: String
    var idsOnly: Bool
    var location: CustomerLocation?
    var label: String?

    /// The store's search across every stage; only an exact id (one indexed look-up) while a
    /// big SQLite file's list index is being built: until then a search of every name would
    /// read every customer through SQL for each key typed.
    static func search(_ query: String, idsOnly: Bool, stages: [Stage], in store: any SnapshotStore) throws -> Found {
        let location = idsOnly ? try store.customer(id: query).map { CustomerLocation(customerID: $0.id, stage: $0.stage) }
            : try store.findCustomer(query)
        var found = Found(query: query, idsOnly: idsOnly, location: location)
        if let location {
            let name = try store.customer(id: location.customerID)?.name
            let stage = stages.first { $0.id == location.stage }?.name ?? location.stage
            found.label = [name, location.customerID, stage].compactMap { $0 }.joined(separator: " · ")
        }
        return found
    }
}

/// A search across every stage, typed on the funnel (`/`) or in a list (`a`): the customer
/// it finds so far, opened with Enter.
public struct GlobalSearchState: Sendable, Hashable {
    public var input = ""
    public var found: CustomerLocation?
    /// What the status bar says of the customer found: name · id · stage.
    public var label: String?

    public init() {}
}
