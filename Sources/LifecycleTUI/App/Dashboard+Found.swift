import LifecycleKit

/// Enter on a search across stages: the customer's row in their stage's list. The list on
/// screen changes stage (keeping its order, and its filter when the customer passes it),
/// else a list opens.
extension Dashboard {
    /// The list to show, positioned on the customer (nil: no longer in that stage).
    struct Shown: Sendable {
        var list: StageListState?
        var replacing: Bool
        var label: String
    }

    mutating func showFound(_ found: CustomerLocation, label: String, query: String) {
        guard let stageIndex = state.stages.firstIndex(where: { $0.id == found.stage }) else { return }
        var list = StageListState(stageIndex: stageIndex)
        let current = state.screen(StageListScreen.self)?.list
        if let current { (list, list.stageIndex) = (current, stageIndex) }
        let stages = state.stages, replacing = current != nil, start = list
        issueApp("show", .inProgress(.prFinding, .text(label))) { env in
            var list = start
            func positionIn(_ l: StageListState) throws -> Int? {
                try env.store.indexOfCustomer(found.customerID, inStage: stages[l.stageIndex].id, filter: l.filter, sort: l.sort)
            }
            var position = try positionIn(list)
            if position == nil, !list.filter.isEmpty {
                list.filter = .none
                position = try positionIn(list)
            }
            guard let position else { return Shown(list: nil, replacing: replacing, label: label) }
            (list.cursor, list.top, list.rows, list.rowsOffset) = (position, position, [], 0)
            list.lastSearch = query
            return Shown(list: list, replacing: replacing, label: label)
        }
    }

    mutating func show(_ shown: Shown) {
        guard let list = shown.list else {
            state.status = StatusMessage(.stNoLongerInStage, .text(shown.label), kind: .warning)
            return
        }
        state.funnel.selected = list.stageIndex
        // "found" is said once the list shows the customer.
        let screen = StageListScreen(list, announcing: Message(.stFound, .text(shown.label)))
        if shown.replacing, let entry = state.stack.last(where: { $0.screen is StageListScreen }) {
            onScreen(entry.id) { current, app, commands in
                current = screen
                current.opened(&app, &commands)
            }
        } else {
            push(screen)
        }
    }
}
