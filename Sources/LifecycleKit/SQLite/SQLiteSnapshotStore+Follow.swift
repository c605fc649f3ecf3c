import Foundation
import GRDBSQLite

/// Other programs' stage changes, followed rather than rebuilt: when the file changed, the
/// transitions added since the list index's mark are read back, with their customers'
/// stages now, and the index follows them in place (the path this store's own changes
/// take). Anything else changed (customers added or removed, a transition deleted, the
/// schema, a change that wrote no transition) drops it for a rebuild, as before.
extension SQLiteSnapshotStore {
    /// Another program's changes since the last look, read back from the file.
    struct ChangesElsewhere {
        var transitions: [Transition]
        var moves: [SQLiteListIndex.Move]
        var mark: SQLiteFileMark
    }

    public func refreshChanges() throws -> [Transition]? {
        let indexed = listIndex.currentWithMark
        let (version, changes) = try read { db -> (Int, ChangesElsewhere?) in
            let version = try readDataVersion(db)
            guard version != lastDataVersion, let (_, mark) = indexed else { return (version, nil) }
            return (version, try readChanges(since: mark, db))
        }
        let followed = followedElsewhere
        defer { lastDataVersion = version; changedElsewhere = false; followedElsewhere = nil }
        guard changedElsewhere || version != lastDataVersion else { return nil }
        // Only what this store's own change found and followed (`followAfterWriting`).
        if version == lastDataVersion, let followed { return followed }
        guard let changes else {
            listIndex.drop()
            ListIndexLog.note("dropped")
            return []
        }
        // Dropped when it cannot follow (a time before the latest one, say): rebuilt then.
        let done = listIndex.follow(changes.moves, own: false, mark: changes.mark)
        ListIndexLog.note(done ? "followed \(changes.moves.count)" : "dropped")
        return (followed ?? []) + changes.transitions
    }

    /// After this store's own change: when another program's came just before it (seen in
    /// the write transaction), the index follows that one first, then this store's; else it
    /// is dropped. What it followed is for `refreshChanges()` to report.
    func followAfterWriting(_ moved: [SQLiteListIndex.Move], _ written: WrittenState) {
        guard written.elsewhereNow else {
            listIndex.follow(moved, own: true, mark: written.mark)
            return
        }
        guard let elsewhere = written.elsewhere, listIndex.follow(elsewhere.moves, own: false, mark: elsewhere.mark) else {
            listIndex.drop()
            ListIndexLog.note("dropped")
            return
        }
        ListIndexLog.note("followed \(elsewhere.moves.count)")
        followedElsewhere = (followedElsewhere ?? []) + elsewhere.transitions
        listIndex.follow(moved, own: true, mark: written.mark)
    }

    /// The transitions added since `mark` and where their customers are now; nil when
    /// anything else changed, or a customer's stage or time cannot be read.
    func readChanges(since mark: SQLiteFileMark, _ db: OpaquePointer) throws -> ChangesElsewhere? {
        let rows = transitionRows
        let added = try SQLiteStatement(db, rows.select("WHERE rowid > ?1 ORDER BY rowid"))
        added.bind(1, mark.transitionsMaxID)
        var transitions: [Transition] = []
        while try added.step() {
            var reader = SQLiteRows.Reader(added, rows)
            guard let t = SQLiteRows.transition(&reader) else { return nil }
            transitions.append(t)
        }
        let now = try SQLiteFileMark.read(db)
        let lastBefore = try SQLiteFileMark.transitionKey(mark.transitionsMaxID, db)
        guard mark.onlyTransitionsAdded(transitions.count, now: now, lastTransitionNow: lastBefore) else { return nil }
        let current = try SQLiteStatement(db, "SELECT rowid, stage, stage_entered_at FROM customers WHERE id = ?1")
        var moves: [SQLiteListIndex.Move] = []
        var seen = Set<String>()
        for t in transitions where seen.insert(t.customerID).inserted {
            current.bind(1, t.customerID)
            defer { current.reset() }
            guard try current.step(), let stage = current.string(1).flatMap({ stageIndex[$0] }) else { return nil }
            var entered: Timestamp?
            if !current.isNull(2) {
                guard current.type(2) == SQLITE_TEXT, let t = Timestamp.parse(current.bytes(2)) else { return nil }
                entered = t
            }
            moves.append(SQLiteListIndex.Move(rowid: Int64(current.int(0)), customerID: t.customerID, stage: stage, enteredAt: entered))
        }
        return ChangesElsewhere(transitions: transitions, moves: moves, mark: now)
    }

    /// The file's mark when it is still in the state `fingerprint` was taken of (the state a
    /// list index read or built after it describes), else nil.
    func markIfUnchanged(since fingerprint: SQLiteFileFingerprint) -> SQLiteFileMark? {
        try? readOnOwnConnection { db in
            let mark = try SQLiteFileMark.read(db)
            // Inside the read transaction: in rollback-journal mode no commit can come now;
            // in WAL mode an unchanged fingerprint means none came since it was taken.
            return SQLiteFileFingerprint(path: path) == fingerprint ? mark : nil
        }
    }

    /// `PRAGMA data_version` on `db`.
    func readDataVersion(_ db: OpaquePointer) throws -> Int {
        let s = try SQLiteStatement(db, "PRAGMA data_version")
        _ = try s.step()
        return s.int(0)
    }
}

/// With `CLC_INDEX_LOG=FILE`, what became of the list index (`built`, `loaded`, `followed N`,
/// `dropped`) and each validation (`validated`: the whole file; `validated followed`: only
/// what stage changes added), one line each, appended to FILE: how the benchmark tells a
/// rebuild or a whole check.
enum ListIndexLog {
    static let path = ProcessInfo.processInfo.environment["CLC_INDEX_LOG"].flatMap { $0.isEmpty ? nil : $0 }

    static func note(_ what: String) {
        guard let path else { return }
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o600)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let line = Array((what + "\n").utf8)
        _ = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }
}
