import LifecycleKit

/// After a change the list's cursor stays on its customer, or, when that one left the list,
/// goes to the next one that stayed (not to the row number it had).
struct CursorAnchor {
    /// The cursor's customer, then the loaded ones after it that stayed, with their positions before.
    var candidates: [(id: String, index: Int)]
    /// How many customers at most left the list and joined it.
    var left: Int
    var joined: Int
    /// Rows the cursor was below the top of the screen.
    var offset: Int
    /// Customers that left from loaded rows above the cursor (for the fallback position).
    var leftAbove: Int
    var cursor: Int

    init(_ list: StageListState, stage: String, moved: [Transition]) {
        let out = Set(moved.filter { $0.from == stage && $0.to != stage }.map(\.customerID))
        left = out.count
        joined = moved.filter { $0.to == stage && $0.from != stage }.count
        candidates = (list.cursor..<(list.rowsOffset + list.rows.count)).compactMap { i in
            list.row(at: i).flatMap { out.contains($0.customer.id) ? nil : ($0.customer.id, i) }
        }
        offset = list.cursor - list.top
        leftAbove = (list.rowsOffset..<list.cursor).filter { list.row(at: $0).map { out.contains($0.customer.id) } ?? false }.count
        cursor = list.cursor
    }
}

extension Dashboard {
    /// Puts the cursor of a freshly reloaded list back on the anchor's customer: searched
    /// where it can have gone (its old position, less those that left, plus those that joined,
    /// and a page either way for changes made by other programs).
    mutating func follow(_ anchor: CursorAnchor, in list: inout StageListState) {
        guard list.total > 0 else { return }
        var found: Int?
        if let target = anchor.candidates.first {
            let page = StageListLayout.visibleRows(height: state.height)
            let low = max(0, target.index - anchor.left - page)
            let limit = min(20_000, anchor.left + anchor.joined + 2 * page + 1)
            let stage = state.stages[list.stageIndex].id
            let filter = list.filter, sort = list.sort
            let rows = attempt("finding the customer") {
                try $0.customers(inStage: stage, filter: filter, sort: sort, offset: low, limit: limit)
            } ?? []
            found = rows.firstIndex { $0.customer.id == target.id }.map { low + $0 }
        }
        list.cursor = max(0, min(list.total - 1, found ?? anchor.cursor - anchor.leftAbove))
        list.top = max(0, list.cursor - anchor.offset)
        list.rows = []
        scrollIntoView(&list)
        loadRows(&list)
    }
}
