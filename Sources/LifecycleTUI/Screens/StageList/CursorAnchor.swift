import LifecycleKit

/// After a change the list's cursor stays on its customer, or, when that one left the list,
/// goes to the next one that stayed (not to the row number it had).
struct CursorAnchor: Sendable {
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
