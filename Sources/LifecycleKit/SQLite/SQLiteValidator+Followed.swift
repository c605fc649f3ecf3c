import GRDBSQLite

/// The checks of `clc validate` on what another program's stage changes added to a file that
/// passed them (at `SQLiteFileMark` `mark`): the transitions added since and the customers they
/// touch. A few indexed look-ups in one short read, where the whole check reads the file for
/// seconds (28 s at a million customers) and holds off every writer meanwhile.
extension SQLiteValidator {
    /// The problems of the transitions added since `mark` and of their customers, with the
    /// file's mark now (none when the file is still at `mark`); nil when anything else changed (the whole file must be checked then).
    /// Call inside one read transaction. Not checked again: SQLite's `integrity_check` and the
    /// rows no transition since touches (an edit in place that adds no row is not seen, as
    /// by the list index that follows the same changes).
    static func validateFollowed(since mark: SQLiteFileMark, asOf: Timestamp?, hasReverts: Bool,
                                 on connection: OpaquePointer) throws -> (problems: ProblemList, mark: SQLiteFileMark)? {
        let now = try SQLiteFileMark.read(connection)
        let added = try SQLiteStatement(connection, "SELECT count(*) FROM transitions WHERE rowid > ?1")
        added.bind(1, mark.transitionsMaxID)
        _ = try added.step()
        // Nothing since the mark: a check whose fingerprint was taken before a commit its mark
        // saw (the next fingerprint differs, the file does not).
        if added.int(0) == 0, now == mark { return (ProblemList(), now) }
        let lastBefore = try SQLiteFileMark.transitionKey(mark.transitionsMaxID, connection)
        guard mark.onlyTransitionsAdded(added.int(0), now: now, lastTransitionNow: lastBefore) else { return nil }
        var checker = Checker(connection: connection, asOf: asOf, hasReverts: hasReverts)
        try checker.runFollowed(since: mark.transitionsMaxID)
        return (checker.problems, now)
    }
}

extension SQLiteValidator.Checker {
    /// Every check of `run` on the transitions with a rowid above `lastSeen` and on the
    /// customers they name (through the indexes on `transitions.rowid` and `customers.id`).
    mutating func runFollowed(since lastSeen: Int) throws {
        let added = "rowid > \(lastSeen)"
        let touched = "id IN (SELECT customer_id FROM transitions WHERE rowid > \(lastSeen))"
        try checkCustomerRows(where: touched)
        try checkTransitionRows(where: added)
        try checkDuplicates(.customers, where: touched)
        try checkReferences(.customers, hasID: true, .stage, to: "stages", where: "r." + touched)
        try checkReferences(.transitions, hasID: false, .customerID, to: "customers", where: "r." + added)
        try checkReferences(.transitions, hasID: false, .from, to: "stages", where: "r." + added)
        try checkReferences(.transitions, hasID: false, .to, to: "stages", where: "r." + added)
        try checkStageMismatches(where: "c." + touched)
        if hasReverts { try checkReverts(where: "r." + added) }
    }
}
