import Foundation
import GRDB
import GRDBSQLite

/// Stage changes written into a SQLite snapshot: one `BEGIN IMMEDIATE` transaction per
/// action on the store's writable connection, committed (durably) before `apply` returns.
/// Other programs may write the same file: a customer they moved since the user saw it is
/// reported as a conflict, never overwritten.
extension SQLiteSnapshotStore {
    public var isReadOnly: Bool { writer == nil }

    public func apply(_ request: MoveRequest) throws -> MoveOutcome {
        guard let writer else { throw MoveError(.readOnly, path: path) }
        for change in request.changes where stageIndex[change.targetStage] == nil {
            throw MoveError(.unknownStage(change.targetStage), path: path)
        }
        if request.changes.isEmpty { return MoveOutcome(applied: [], conflicts: []) }
        scans.interruptAll()
        let at = request.at.iso8601
        let indexed = listIndex.currentWithMark
        do {
            var moved: [SQLiteListIndex.Move] = []
            var written = WrittenState()
            let outcome = try writer.writeWithoutTransaction { db in
                var outcome = MoveOutcome(applied: [], conflicts: [])
                try db.inTransaction(.immediate) {
                    // No other connection can commit while this transaction holds its lock:
                    // a change seen now happened before it, and is for `refresh()` to report.
                    let connection = try SQLiteSchema.connection(db)
                    if try self.dataVersion() != self.lastDataVersion {
                        self.changedElsewhere = true
                        // Read before this change adds its own rows: what the other program added.
                        written.elsewhereNow = true
                        written.elsewhere = try indexed.flatMap { try self.readChanges(since: $0.1, connection) }
                    }
                    written.before = try self.stateBeforeWriting(connection)
                    outcome = try self.applyInTransaction(request, at: at, connection, moved: &moved)
                    let base = written.elsewhereNow ? written.elsewhere?.mark : indexed?.1
                    written.mark = try base.map { try self.mark(after: outcome, from: $0, connection) }
                    return .commit
                }
                // This store's own commit is not a change "elsewhere".
                self.lastDataVersion = (try? self.dataVersion()) ?? self.lastDataVersion
                return outcome
            }
            if !outcome.applied.isEmpty { didWrite(at: request.at) }
            if request.changes.contains(where: { $0.reverting != nil }) { transitionsHaveReverts = true }
            followAfterWriting(moved, written)
            if let before = written.before, !moved.isEmpty { updateSideCache(after: moved, from: before) }
            return outcome
        } catch let error as MoveError {
            throw error
        } catch {
            throw moveError(error)
        }
    }

    /// The changes of `request`, inside the open write transaction.
    private func applyInTransaction(_ request: MoveRequest, at: String, _ db: OpaquePointer,
                                    moved: inout [SQLiteListIndex.Move]) throws -> MoveOutcome {
        let reverting = request.changes.contains { $0.reverting != nil }
        if reverting { try addRevertsColumn(db) }
        let current = try SQLiteStatement(db, "SELECT stage, rowid, stage_entered_at FROM customers WHERE id = ?1")
        let update = try SQLiteStatement(db, "UPDATE customers SET stage = ?1, stage_entered_at = ?2 WHERE id = ?3")
        let insert = try SQLiteStatement(db, reverting ? """
            INSERT INTO transitions(customer_id, from_stage, to_stage, at, by, note, reverts) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            """ : """
            INSERT INTO transitions(customer_id, from_stage, to_stage, at, by, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            """)
        var outcome = MoveOutcome(applied: [], conflicts: [])
        for change in request.changes {
            current.bind(1, change.customerID)
            let stage: String?? = try current.step() ? .some(current.string(0)) : .none
            let rowid = Int64(current.int(1))
            let enteredBefore = Timestamp.parse(current.bytes(2))
            current.reset()
            guard case .some(let actual) = stage else {
                if request.changes.count == 1 { throw MoveError(.unknownCustomer(change.customerID), path: path) }
                outcome.conflicts.append(MoveConflict(customerID: change.customerID, expectedStage: change.expectedStage,
                                                      actualStage: nil, lastTransition: nil))
                continue
            }
            if actual == change.targetStage {
                outcome.alreadyThere.append(AlreadyThere(customerID: change.customerID, stage: change.targetStage,
                                                         lastTransition: try lastTransition(of: change.customerID, db)))
                continue
            }
            guard actual == change.expectedStage else {
                outcome.conflicts.append(MoveConflict(customerID: change.customerID, expectedStage: change.expectedStage,
                                                      actualStage: actual, lastTransition: try lastTransition(of: change.customerID, db)))
                continue
            }
            let entered = change.reverting.map { $0.stageEnteredAt } ?? request.at
            update.bind(1, change.targetStage)
            update.bind(2, entered?.iso8601)
            update.bind(3, change.customerID)
            try update.run()
            insert.bind(1, change.customerID)
            insert.bind(2, actual)
            insert.bind(3, change.targetStage)
            insert.bind(4, at)
            insert.bind(5, request.user)
            insert.bind(6, request.note)
            if reverting { insert.bind(7, change.reverting?.transitionID) }
            try insert.run()
            moved.append(SQLiteListIndex.Move(rowid: rowid, customerID: change.customerID, stage: stageIndex[change.targetStage]!,
                                              enteredAt: entered))
            outcome.applied.append(Transition(customerID: change.customerID, from: actual, to: change.targetStage,
                                              at: request.at, by: request.user, note: request.note,
                                              id: sqlite3_last_insert_rowid(db), reverts: change.reverting?.transitionID))
            outcome.previousStageEnteredAt.append(enteredBefore)
        }
        return outcome
    }

    /// Adds the format's optional `transitions.reverts` column when the file lacks it (inside
    /// the open write transaction: it comes with the first undo, or not at all).
    private func addRevertsColumn(_ db: OpaquePointer) throws {
        let columns = try SQLiteStatement(db, "SELECT 1 FROM pragma_table_info('transitions') WHERE name = 'reverts'")
        guard try !columns.step() else { return }
        columns.reset()
        try SQLiteStatement(db, "ALTER TABLE transitions ADD COLUMN reverts INTEGER REFERENCES transitions(id)").run()
    }

    /// The customer's latest transition in time order (ties: the later row), nil when none
    /// is readable.
    private func lastTransition(of customerID: String, _ db: OpaquePointer) throws -> Transition? {
        let rows = transitionRows
        let s = try SQLiteStatement(db, rows.select("WHERE customer_id = ?1 ORDER BY rowid"))
        s.bind(1, customerID)
        var last: Transition?
        while try s.step() {
            var reader = SQLiteRows.Reader(s, rows)
            guard let t = SQLiteRows.transition(&reader) else { continue }
            if last.map({ t.at >= $0.at }) ?? true { last = t }
        }
        return last
    }

    /// A failed write as the `MoveError` a user sees; nothing was written (the transaction
    /// was rolled back).
    private func moveError(_ error: Error) -> MoveError {
        guard let (code, message) = SQLiteSchema.failure(error) else { return MoveError(.io("\(error)"), path: path) }
        switch code {
        case SQLITE_BUSY, SQLITE_LOCKED: return MoveError(.busy, path: path)
        case SQLITE_READONLY: return MoveError(.readOnly, path: path)
        default: return MoveError(.io(message), path: path)
        }
    }

    public func refresh() throws -> Bool { try refreshChanges() != nil }

    /// `PRAGMA data_version` of the read connection: it changes with every commit of any
    /// other connection, this store's writable one included (which `apply` accounts for).
    func dataVersion() throws -> Int { try read { db in try readDataVersion(db) } }
}
