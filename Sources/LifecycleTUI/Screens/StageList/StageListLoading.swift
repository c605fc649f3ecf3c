import LifecycleKit

/// The store work of a stage list, run by the effect runner (never on the input thread):
/// plain functions of the store and a request, returning values the screen applies.
enum StageListLoading {
    /// A page of rows for a query.
    struct Rows: Sendable {
        var query: StageListState.Query
        var rows: [CustomerSummary]
        var offset: Int
    }

    /// The list re-read: its count, cursor and the rows around it.
    struct Reloaded: Sendable {
        var query: StageListState.Query
        var total: Int
        var cursor: Int
        var top: Int
        var rows: [CustomerSummary]
        var rowsOffset: Int
    }

    static func rows(_ q: StageListState.Query, offset: Int, limit: Int, in store: any SnapshotStore) throws -> Rows {
        Rows(query: q, rows: try store.customers(inStage: q.stage, filter: q.filter, sort: q.sort, offset: offset, limit: limit),
             offset: offset)
    }

    /// Counts, keeps the cursor in range (on `anchor`'s customer, after a change) and loads its page.
    static func reload(_ list: StageListState, _ q: StageListState.Query, height: Int, anchor: CursorAnchor?,
                       in store: any SnapshotStore) throws -> Reloaded {
        var list = list
        list.total = try store.customerCount(inStage: q.stage, filter: q.filter)
        list.cursor = max(0, min(list.cursor, list.total - 1))
        list.rows = []
        if let anchor, list.total > 0 { try follow(anchor, &list, q, height: height, in: store) }
        list.scrollIntoView(height: height)
        if let window = list.missingWindow(height: height) {
            (list.rows, list.rowsOffset) = (try rows(q, offset: window.offset, limit: window.limit, in: store).rows, window.offset)
        }
        return Reloaded(query: q, total: list.total, cursor: list.cursor, top: list.top, rows: list.rows, rowsOffset: list.rowsOffset)
    }

    /// Puts the cursor back on the anchor's customer: searched where it can have gone (its
    /// old position, less those that left, plus those that joined, and a page either way for
    /// changes made by other programs).
    static func follow(_ anchor: CursorAnchor, _ list: inout StageListState, _ q: StageListState.Query, height: Int,
                       in store: any SnapshotStore) throws {
        var found: Int?
        if let target = anchor.candidates.first {
            let page = StageListLayout.visibleRows(height: height)
            let low = max(0, target.index - anchor.left - page)
            let limit = min(20_000, anchor.left + anchor.joined + 2 * page + 1)
            let rows = try store.customers(inStage: q.stage, filter: q.filter, sort: q.sort, offset: low, limit: limit)
            found = rows.firstIndex { $0.customer.id == target.id }.map { low + $0 }
        }
        list.cursor = max(0, min(list.total - 1, found ?? anchor.cursor - anchor.leftAbove))
        list.top = max(0, list.cursor - anchor.offset)
    }

    /// What `*` hands back: the marks it started from with every customer of the list added,
    /// merged off the input thread, so that taking it is an assignment.
    struct MarkAll: Sendable {
        /// The `marksVersion` of the marks `merged` was made from.
        var fromVersion: Int
        /// Every customer of the list (id → stage), for marks changed while it ran.
        var found: [String: String]
        /// The marks at `fromVersion` with `found` added.
        var merged: [String: String]
        /// How many of `merged` were seen in each stage.
        var mergedPerStage: [String: Int]

        /// Reads the list's customers and adds them to `marks` (at `version`).
        static func run(_ q: StageListState.Query, total: Int, marks: [String: String], version: Int,
                        env: EffectEnvironment) throws -> MarkAll {
            let found = try markAll(q, total: total, env: env)
            let merged = marks.isEmpty ? found : marks.merging(found) { $1 }
            return MarkAll(fromVersion: version, found: found, merged: merged, mergedPerStage: StageListState.perStage(merged))
        }
    }

    /// Every customer of the list (id → stage), read in chunks: checks for cancellation and
    /// reports progress between them.
    static func markAll(_ q: StageListState.Query, total: Int, chunk: Int = 20_000, env: EffectEnvironment) throws -> [String: String] {
        var marked: [String: String] = [:]
        var offset = 0
        while offset < total {
            try env.checkCancelled()
            let rows = try env.store.customers(inStage: q.stage, filter: q.filter, sort: q.sort, offset: offset, limit: chunk)
            for r in rows { marked[r.customer.id] = r.customer.stage }
            if rows.count < chunk { break }
            offset += chunk
            env.token.report(marked.count)
        }
        return marked
    }

    /// A search hit: the position of the next match, if any.
    struct Hit: Sendable {
        var query: String
        var index: Int?
        var forward: Bool
        /// The cursor when the search was asked for (to say whether it wrapped).
        var from: Int
    }

    static func match(_ text: String, _ q: StageListState.Query, total: Int, from start: Int, forward: Bool, cursor: Int,
                      in store: any SnapshotStore) throws -> Hit {
        let from = (start % total + total) % total
        let index = try store.indexOfMatch(text, inStage: q.stage, filter: q.filter, sort: q.sort, from: from, forward: forward)
        return Hit(query: text, index: index, forward: forward, from: cursor)
    }

    /// The journey of `id`, nil when the customer no longer exists.
    static func journey(_ id: String, in store: any SnapshotStore) throws -> JourneyState? {
        guard let customer = try store.customer(id: id) else { return nil }
        return JourneyState(customer: customer, transitions: try store.transitions(ofCustomer: id),
                            touchpoints: try store.touchpoints(ofCustomer: id))
    }
}
