import LifecycleKit

/// The search across every stage: each key asks the store for the customer the query finds
/// (an exact id first, else the first match in funnel order), says at once when there is
/// none, and Enter opens that customer's stage with the cursor on them.
extension Dashboard {
    static func noMatch(_ query: String) -> StatusMessage { StatusMessage("no match for “\(query)”", kind: .warning) }

    mutating func handleGlobalSearchInput(_ key: Key) {
        guard var search = state.globalSearch else { return }
        switch key {
        case .enter:
            state.globalSearch = nil
            if let found = search.found { openFound(found, label: search.label ?? found.customerID, query: search.input) }
            return
        case .escape:
            state.globalSearch = nil
            state.status = nil
            return
        case .backspace:
            if !search.input.isEmpty { search.input.removeLast() }
        case .char(let c):
            search.input.append(c)
        default:
            return
        }
        (search.found, search.label) = (nil, nil)
        state.status = nil
        let query = search.input
        let idsOnly = state.indexing
        if !query.isEmpty, let found = attempt("searching", { try Self.find(query, idsOnly: idsOnly, in: $0) }) {
            if let found {
                search.found = found
                search.label = label(of: found)
            } else {
                state.status = idsOnly
                    ? StatusMessage("no customer with id “\(query)” · names and emails once indexing ends", kind: .warning)
                    : Self.noMatch(query)
            }
        }
        state.globalSearch = search
    }

    /// The store's search across every stage; only an exact id (one indexed look-up) while a
    /// big SQLite file's list index is being built: until then a search of every name would
    /// read every customer through SQL for each key typed.
    private static func find(_ query: String, idsOnly: Bool, in store: any SnapshotStore) throws -> CustomerLocation? {
        guard idsOnly else { return try store.findCustomer(query) }
        return try store.customer(id: query).map { CustomerLocation(customerID: $0.id, stage: $0.stage) }
    }

    /// `Name · id · Stage`.
    private mutating func label(of found: CustomerLocation) -> String {
        let name = attempt("reading the customer") { try $0.customer(id: found.customerID)?.name } ?? nil
        let stage = state.stages.first { $0.id == found.stage }?.name ?? found.stage
        return [name, found.customerID, stage].compactMap { $0 }.joined(separator: " · ")
    }

    /// Shows the customer's row in their stage's list: the list on screen changes stage
    /// (keeping its order, and its filter when the customer passes it), else a list opens.
    private mutating func openFound(_ found: CustomerLocation, label: String, query: String) {
        guard let stageIndex = state.stages.firstIndex(where: { $0.id == found.stage }) else { return }
        var list = StageListState(stageIndex: stageIndex)
        var replacing = false
        if case .stageList(let current) = state.screen {
            (list, replacing) = (current, true)
            list.stageIndex = stageIndex
        }
        var position = self.position(of: found.customerID, in: list)
        if position == nil, !list.filter.isEmpty {
            list.filter = .none
            position = self.position(of: found.customerID, in: list)
        }
        guard let position else {
            state.status = StatusMessage("\(label) is no longer in that stage", kind: .warning)
            return
        }
        (list.cursor, list.top, list.rows, list.rowsOffset) = (position, position, [], 0)
        list.lastSearch = query
        reload(&list)
        state.funnel.selected = stageIndex
        if replacing { state.screen = .stageList(list) } else { state.stack.append(.stageList(list)) }
        state.status = StatusMessage("found \(label)")
    }

    private mutating func position(of id: String, in list: StageListState) -> Int? {
        let stage = state.stages[list.stageIndex].id
        return attempt("finding the customer") { try $0.indexOfCustomer(id, inStage: stage, filter: list.filter, sort: list.sort) } ?? nil
    }
}
