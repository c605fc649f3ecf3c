import Foundation

/// Every command refuses what `clc validate` calls an error, with the same messages: the
/// validator runs before a SQLite file is converted and before its figures are computed
/// (funnel figures in the side cache were computed from a file that passed it).
extension SQLiteSnapshotStore {
    /// Throws `SnapshotError` with every problem when the file has an error (`integrity_check`
    /// included). Runs on a connection of its own that this store's stage changes interrupt,
    /// with a small page cache, as the scans (the dashboard's memory stays flat).
    public func requireValid() throws { _ = try validatedTotals() }

    /// As `requireValid`, returning the totals the validator's row pass counted (those of
    /// `totals()`, to the last digit): a cold report reads no table a third time for them.
    func validatedTotals() throws -> SnapshotTotals {
        let database = try SQLiteSchema.openReadOnly(path, cacheMiB: 8)
        let token = scans.register(database)
        defer {
            scans.unregister(token)
            try? database.close()
        }
        let (problems, totals) = SQLiteValidator.validateCounting(path: path, on: database)
        noteTableReads(["customers", "touchpoints", "transitions"])
        if problems.hasErrors { throw SnapshotError(path: path, problems: problems) }
        return try totals ?? self.totals()
    }
}
