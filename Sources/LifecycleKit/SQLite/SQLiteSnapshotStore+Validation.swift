import Foundation
import GRDB

/// Every command refuses what `clc validate` calls an error, with the same messages: the
/// validator runs before a SQLite file is converted and before its figures are computed
/// (funnel figures in the side cache were computed from a file that passed it).
extension SQLiteSnapshotStore {
    /// The state of the file the last check passed: its fingerprint (taken before the check
    /// read, so never newer than it) and its mark (read by the check).
    struct ValidState {
        var fingerprint: SQLiteFileFingerprint?
        var mark: SQLiteFileMark
    }

    /// Throws `SnapshotError` with every problem when the file has an error (`integrity_check`
    /// included). Runs on a connection of its own that this store's stage changes interrupt,
    /// with a small page cache, as the scans (the dashboard's memory stays flat).
    public func requireValid() throws { _ = try validatedTotals() }

    /// As `requireValid`, returning the totals the validator's row pass counted (those of
    /// `totals()`, to the last digit): a cold report reads no table a third time for them.
    func validatedTotals() throws -> SnapshotTotals {
        let fingerprint = SQLiteFileFingerprint(path: path)
        var mark: SQLiteFileMark?
        let (problems, totals) = try onValidationConnection { database in
            SQLiteValidator.validateCounting(path: path, on: database) { mark = try SQLiteFileMark.read($0) }
        }
        noteTableReads(["customers", "touchpoints", "transitions"])
        validState.withLock { $0 = problems.hasErrors ? nil : mark.map { ValidState(fingerprint: fingerprint, mark: $0) } }
        ListIndexLog.note("validated")
        if problems.hasErrors { throw SnapshotError(path: path, problems: problems) }
        return try totals ?? self.totals()
    }

    /// As `requireValid`, checking only what changed since the last check passed when that is
    /// other programs' (or this store's) stage changes: the transitions they added and the
    /// customers they touch (one short read, where the whole check holds the file's read lock
    /// for seconds and every other program's change fails meanwhile). The whole file when
    /// none passed yet or anything else changed (what makes the list index rebuild too).
    /// Returns the totals when the whole file was checked (its row pass counts them).
    @discardableResult
    func requireValidSinceChecked() throws -> SnapshotTotals? {
        let fingerprint = SQLiteFileFingerprint(path: path)
        guard let known = validState.current else {
            ReadLog.note(0, "whole check", "no check passed yet")
            return try validatedTotals()
        }
        if let fingerprint, known.fingerprint == fingerprint { return nil }
        let asOf = declaredAsOf, hasReverts = transitionsHaveReverts
        let followed = try readOnOwnConnection { db in
            try SQLiteValidator.validateFollowed(since: known.mark, asOf: asOf, hasReverts: hasReverts, on: db)
        }
        guard let (problems, mark) = followed else {
            if ReadLog.path != nil {
                let now = try? readOnOwnConnection { db in try SQLiteFileMark.read(db) }
                ReadLog.note(0, "whole check", "not only transitions added: " + (now?.changes(since: known.mark) ?? "?"))
            }
            return try validatedTotals()
        }
        followedValidations.withLock { $0 += 1 }
        ListIndexLog.note("validated followed")
        validState.withLock { $0 = problems.hasErrors ? nil : ValidState(fingerprint: fingerprint, mark: mark) }
        if problems.hasErrors { throw SnapshotError(path: path, problems: problems) }
        return nil
    }

    /// Funnel figures read from the side cache for the state `fingerprint` were computed from
    /// a file that passed the check: that state counts as checked (so the next stage changes
    /// are checked alone, not the whole file again).
    func noteChecked(_ fingerprint: SQLiteFileFingerprint) {
        guard validState.current?.fingerprint != fingerprint, let mark = markIfUnchanged(since: fingerprint) else { return }
        validState.withLock { $0 = ValidState(fingerprint: fingerprint, mark: mark) }
    }

    /// `body` on a connection of its own for the whole check, which this store's stage
    /// changes interrupt, with a small page cache.
    private func onValidationConnection<T>(_ body: (DatabaseQueue) throws -> T) throws -> T {
        let database = try SQLiteSchema.openReadOnly(path, cacheMiB: 8)
        let token = scans.register(database)
        defer {
            scans.unregister(token)
            try? database.close()
        }
        return try body(database)
    }
}
