import Foundation
import GRDBSQLite

/// Stage changes written by a store without a list index in memory (`clc move`, `clc rules
/// --apply`, a dashboard whose index is not ready yet) keep the side cache current: when the
/// cache described the file right before the change, it is read, follows the change, and is
/// written again, stamped with the file's state right after it. A crash in between leaves
/// the cache stamped with the state before, which the file no longer has: it is rebuilt.
extension SQLiteSnapshotStore {
    /// What `apply` notes inside its write transaction.
    struct WrittenState {
        /// The file's fingerprint and the writing connection's `data_version` before the
        /// change, when a side cache may be kept current (nil: an index is in memory, or no cache).
        var before: (fingerprint: SQLiteFileFingerprint, writerVersion: Int)?
        /// The file's mark after the change, for the installed index.
        var mark: SQLiteFileMark?
        /// Another program changed the file since this store last looked (seen in the transaction).
        var elsewhereNow = false
        /// What it changed, read before this change's own rows (nil: the index cannot follow it).
        var elsewhere: ChangesElsewhere?
    }

    /// Inside the write transaction, before changing anything (no other connection can commit).
    func stateBeforeWriting(_ db: OpaquePointer) throws -> (fingerprint: SQLiteFileFingerprint, writerVersion: Int)? {
        guard listIndex.current == nil, let cache = SQLiteListIndexCache(snapshotPath: path),
              FileManager.default.fileExists(atPath: cache.file.url.path),
              let fingerprint = SQLiteFileFingerprint(path: path) else { return nil }
        return (fingerprint, try readDataVersion(db))
    }

    /// The installed index's mark after this store's change (inside the write transaction).
    func mark(after outcome: MoveOutcome, from mark: SQLiteFileMark, _ db: OpaquePointer) throws -> SQLiteFileMark {
        let schema = try SQLiteStatement(db, "PRAGMA schema_version")
        _ = try schema.step()
        guard let lastID = outcome.applied.compactMap(\.id).max() else {
            var same = mark
            same.schemaVersion = schema.int(0)
            return same
        }
        return mark.adding(outcome.applied.count, lastID: Int(lastID), lastKey: try SQLiteFileMark.transitionKey(Int(lastID), db),
                           schemaVersion: schema.int(0))
    }

    /// After the commit: when no other connection committed since the change began, the side
    /// cache of the state before it follows `moved` and is stamped with the state now.
    func updateSideCache(after moved: [SQLiteListIndex.Move], from before: (fingerprint: SQLiteFileFingerprint, writerVersion: Int)) {
        guard let writer, let cache = SQLiteListIndexCache(snapshotPath: path) else { return }
        var after: SQLiteFileFingerprint?
        try? writer.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                // The lock keeps others from committing while the fingerprint is taken.
                if try self.readDataVersion(SQLiteSchema.connection(db)) == before.writerVersion {
                    after = SQLiteFileFingerprint(path: self.path)
                }
                return .rollback
            }
        }
        let stageIDs = stages.map(\.id)
        guard let after, let index = cache.read(fingerprint: before.fingerprint, stageIDs: stageIDs), index.follow(moved) else { return }
        cache.write(index, fingerprint: after, stageIDs: stageIDs)
        ListIndexLog.note("cache followed \(moved.count)")
    }
}
