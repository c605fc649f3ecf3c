import GRDBSQLite

/// What a SQLite file holds besides its customers' stages, cheaply told (a few indexed
/// look-ups and one count of the transitions): enough to see that another program only
/// added transitions (stage changes) since, and which ones, or that something else changed.
///
/// Seen: customers added or removed (count, least and greatest rowid), touchpoints added
/// (greatest rowid), transitions added, removed or replaced (count, greatest id and that
/// row's content, which also catches a deleted last row whose id was reused), and any
/// change of the schema. Not seen: an edit in place that adds no row (a renamed customer, a
/// touchpoint's value changed or one deleted that was not the last).
struct SQLiteFileMark: Equatable, Sendable {
    var customers: Int
    var customersMinRowid: Int
    var customersMaxRowid: Int
    var touchpointsMaxRowid: Int
    var transitions: Int
    var transitionsMaxID: Int
    /// `customer_id`, `to_stage` and `at` of the transition `transitionsMaxID`.
    var lastTransition: String
    var schemaVersion: Int

    /// The mark of the state `db` reads (call inside one read transaction).
    static func read(_ db: OpaquePointer) throws -> SQLiteFileMark {
        let s = try SQLiteStatement(db, """
            SELECT (SELECT count(*) FROM customers), (SELECT ifnull(min(rowid), 0) FROM customers),
                   (SELECT ifnull(max(rowid), 0) FROM customers), (SELECT ifnull(max(rowid), 0) FROM touchpoints),
                   (SELECT count(*) FROM transitions), (SELECT ifnull(max(rowid), 0) FROM transitions)
            """)
        _ = try s.step()
        let maxID = s.int(5)
        let schema = try SQLiteStatement(db, "PRAGMA schema_version")
        _ = try schema.step()
        return SQLiteFileMark(customers: s.int(0), customersMinRowid: s.int(1), customersMaxRowid: s.int(2),
                              touchpointsMaxRowid: s.int(3), transitions: s.int(4), transitionsMaxID: maxID,
                              lastTransition: try transitionKey(maxID, db), schemaVersion: schema.int(0))
    }

    /// The content of transition `id` that the mark keeps ("" when there is none).
    static func transitionKey(_ id: Int, _ db: OpaquePointer) throws -> String {
        let s = try SQLiteStatement(db, "SELECT quote(customer_id) || ' ' || quote(to_stage) || ' ' || quote(at) FROM transitions WHERE rowid = ?1")
        s.bind(1, id)
        return try s.step() ? s.string(0) ?? "" : ""
    }

    /// The same file after `added` transitions, the last `lastID` (with content `lastKey`), and
    /// nothing else: what a stage change written by this store leaves.
    func adding(_ added: Int, lastID: Int, lastKey: String, schemaVersion: Int) -> SQLiteFileMark {
        var next = self
        next.transitions += added
        next.transitionsMaxID = max(transitionsMaxID, lastID)
        if lastID >= transitionsMaxID { next.lastTransition = lastKey }
        next.schemaVersion = schemaVersion
        return next
    }

    /// What differs from `old`, field by field (for `CLC_READ_LOG`).
    func changes(since old: SQLiteFileMark) -> String {
        zip(Mirror(reflecting: old).children, Mirror(reflecting: self).children)
            .filter { "\($0.value)" != "\($1.value)" }
            .map { "\($0.label ?? "?") \($0.value) → \($1.value)" }.joined(separator: ", ")
    }

    /// True when `now` differs from this mark by added transitions only (`added` of them,
    /// all with ids above this mark's greatest), this mark's last transition unchanged.
    func onlyTransitionsAdded(_ added: Int, now: SQLiteFileMark, lastTransitionNow: String) -> Bool {
        added > 0 && now.customers == customers && now.customersMinRowid == customersMinRowid
            && now.customersMaxRowid == customersMaxRowid && now.touchpointsMaxRowid == touchpointsMaxRowid
            && now.schemaVersion == schemaVersion && now.transitions == transitions + added
            && lastTransitionNow == lastTransition
    }
}
