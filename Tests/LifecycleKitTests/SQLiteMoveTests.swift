import Foundation
import GRDBSQLite
import Testing
@testable import LifecycleKit

/// Helpers for the stage-change tests: a fresh fixture file, raw SQL reads outside the
/// project's code, and moves.
enum SQLiteMoveFixtures {
    static func t(_ text: String) -> Timestamp { Timestamp(text)! }

    /// A fresh copy of the hand-made SQLite fixture.
    static func file() throws -> String {
        let path = try SQLiteFixtures.directory() + "/shop.sqlite"
        try SQLiteFixtures.write(to: path)
        return path
    }

    /// The rows of a query, every column as text (NULL as nil), read by a separate connection.
    static func rows(_ path: String, _ sql: String) throws -> [[String?]] {
        var db: OpaquePointer?
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK else { throw OperationError("cannot open \(path)") }
        defer { sqlite3_close_v2(db) }
        sqlite3_busy_timeout(db, 5000)
        var s: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &s, nil) == SQLITE_OK else { throw OperationError(String(cString: sqlite3_errmsg(db))) }
        defer { sqlite3_finalize(s) }
        var out: [[String?]] = []
        while sqlite3_step(s) == SQLITE_ROW {
            out.append((0..<sqlite3_column_count(s)).map { i in
                sqlite3_column_type(s, i) == SQLITE_NULL ? nil : String(cString: sqlite3_column_text(s, i))
            })
        }
        return out
    }

    static func count(_ path: String, _ table: String) throws -> Int {
        Int(try rows(path, "SELECT count(*) FROM \(table)")[0][0]!)!
    }

    static func request(_ changes: [(String, String, String)], note: String? = nil, user: String = "ana",
                        at: Timestamp = t("2026-11-02T10:42:00Z")) -> MoveRequest {
        MoveRequest(changes: changes.map { StageChange(customerID: $0.0, expectedStage: $0.1, targetStage: $0.2) },
                    note: note, user: user, at: at)
    }

    static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// A clock that ticks one minute per call from `start`.
    static func clock(from start: Timestamp = t("2026-11-02T09:00:00Z")) -> @Sendable () -> Timestamp {
        let ticks = Protected(start)
        return {
            ticks.withLock { next in
                defer { next = next.adding(seconds: 60) }
                return next
            }
        }
    }
}

@Suite struct SQLiteMoveTests {
    typealias F = SQLiteMoveFixtures

    @Test func aWritableFileOpensWritableWithoutChangingIt() throws {
        let path = try F.file()
        let before = try F.bytes(path)
        let store = try SQLiteSnapshotStore(path: path)
        #expect(!store.isReadOnly)
        _ = try store.stageCounts()
        #expect(try store.refresh() == false)
        #expect(try F.bytes(path) == before)
        #expect(try F.rows(path, "PRAGMA journal_mode") == [["delete"]])
    }

    @Test func singleMoveWritesCustomerAndOneTransition() throws {
        let path = try F.file()
        let store = try SQLiteSnapshotStore(path: path)
        let others = try ["C-1", "C-3", "C-10", "C-4", "C-5"].map { try store.customer(id: $0) }
        let otherRows = try F.rows(path, "SELECT * FROM customers WHERE id <> 'C-2' ORDER BY rowid")
        let oldTransitions = try F.rows(path, "SELECT * FROM transitions ORDER BY id")
        #expect(try store.stageCounts() == [1, 0, 4, 1])
        #expect(try store.funnelReport().stages[3].reached == 1)

        let at = F.t("2026-11-02T10:42:00.25Z")
        let outcome = try store.apply(F.request([("C-2", "purchase", "retention")], note: "called back", user: "ana", at: at))
        let expected = Transition(customerID: "C-2", from: "purchase", to: "retention", at: at, by: "ana", note: "called back", id: 7)
        #expect(outcome == MoveOutcome(applied: [expected], conflicts: [], previousStageEnteredAt: [F.t("2026-02-01")]))

        // The file, read by another connection.
        #expect(try F.rows(path, "SELECT stage, stage_entered_at FROM customers WHERE id = 'C-2'")
                == [["retention", "2026-11-02T10:42:00.250000Z"]])
        #expect(try F.rows(path, "SELECT * FROM customers WHERE id <> 'C-2' ORDER BY rowid") == otherRows)
        let allTransitions = try F.rows(path, "SELECT * FROM transitions ORDER BY id")
        #expect(allTransitions.count == oldTransitions.count + 1)
        #expect(Array(allTransitions.prefix(oldTransitions.count)) == oldTransitions)
        #expect(Array(allTransitions.last!.dropFirst())
                == ["C-2", "purchase", "retention", "2026-11-02T10:42:00.250000Z", "ana", "called back", nil])

        // The store's answers.
        let c2 = try #require(try store.customer(id: "C-2"))
        #expect(c2.stage == "retention")
        #expect(c2.stageEnteredAt == at)
        #expect(try store.transitions(ofCustomer: "C-2").last == expected)
        #expect(try store.transitions(ofCustomer: "C-2").count == 2)
        #expect(try ["C-1", "C-3", "C-10", "C-4", "C-5"].map { try store.customer(id: $0) } == others)
        #expect(try store.stageCounts() == [1, 0, 3, 2])
        #expect(try store.totals().transitions == 7)
        #expect(try store.customerCount(inStage: "retention", filter: CustomerFilter()) == 2)
        #expect(try store.customers(inStage: "retention", filter: CustomerFilter(), sort: CustomerSort(.id), offset: 0, limit: 10)
                    .map(\.customer.id) == ["C-2", "C-5"])
        #expect(try store.customers(inStage: "purchase", filter: CustomerFilter(), sort: CustomerSort(.id), offset: 0, limit: 10)
                    .map(\.customer.id) == ["C-1", "C-10", "C-3"])
        let report = try store.funnelReport()
        #expect(report.stages[3].customers == 2)
        #expect(report.stages[3].reached == 2)
        #expect(report.stages[2].customers == 3)

        // Durable and committed: a new store sees it, and the store's own change is not "another program's".
        #expect(try SQLiteSnapshotStore(path: path).customer(id: "C-2")?.stage == "retention")
        #expect(try store.refresh() == false)
        #expect(try F.rows(path, "PRAGMA journal_mode") == [["delete"]])
    }

    @Test func withoutAsOfTheSnapshotIsAsOfItsLatestMove() throws {
        let path = try SQLiteFixtures.directory() + "/no-as-of.sqlite"
        try SQLiteFixtures.write(to: path, asOf: nil)
        let store = try SQLiteSnapshotStore(path: path)
        let before = store.info.asOf
        #expect(before < F.t("2026-11-02T10:42:00Z"))
        _ = try store.apply(F.request([("C-2", "purchase", "retention")], at: F.t("2026-11-02T10:42:00Z")))
        #expect(store.info.asOf == F.t("2026-11-02T10:42:00Z"))
        #expect(store.info.declaredAsOf == nil)
        #expect(try SQLiteSnapshotStore(path: path).info.asOf == F.t("2026-11-02T10:42:00Z"))
        // A move dated earlier than the latest timestamp leaves it.
        _ = try store.apply(F.request([("C-3", "purchase", "retention")], at: F.t("2026-05-01T00:00:00Z")))
        #expect(store.info.asOf == F.t("2026-11-02T10:42:00Z"))
    }

    @Test func unknownStageOrCustomerRefusesTheWholeAction() throws {
        let path = try F.file()
        let store = try SQLiteSnapshotStore(path: path)
        let before = try F.bytes(path)
        #expect(throws: MoveError(.unknownStage("gone"), path: path)) {
            try store.apply(F.request([("C-1", "purchase", "retention"), ("C-2", "purchase", "gone")]))
        }
        #expect(throws: MoveError(.unknownCustomer("C-99"), path: path)) {
            try store.apply(F.request([("C-99", "purchase", "retention")]))
        }
        #expect(try F.bytes(path) == before)
        #expect(try store.stageCounts() == [1, 0, 4, 1])
    }

    @Test func bulkReportsAnUnknownCustomerAsAConflictAndSkipsNoOps() throws {
        let path = try F.file()
        let store = try SQLiteSnapshotStore(path: path)
        let outcome = try store.apply(F.request([
            ("C-99", "purchase", "retention"),   // unknown: conflict, actual nil
            ("C-5", "retention", "retention"),   // already there: skipped
            ("C-4", "purchase", "awareness"),    // target is the current stage, though not the one seen: skipped
            ("C-1", "purchase", "retention"),
        ]))
        #expect(outcome.conflicts == [MoveConflict(customerID: "C-99", expectedStage: "purchase", actualStage: nil, lastTransition: nil)])
        #expect(outcome.applied.map(\.customerID) == ["C-1"])
        #expect(try F.count(path, "transitions") == 7)
        #expect(try store.stageCounts() == [1, 0, 3, 2])
    }

    @Test func bulkMoveUndoAndRedoThroughStageMover() throws {
        let path = try F.file()
        let store = try SQLiteSnapshotStore(path: path)
        var mover = StageMover(user: "ana", clock: F.clock())
        let seen = [(id: "C-1", seenIn: "purchase"), (id: "C-2", seenIn: "purchase"), (id: "C-10", seenIn: "purchase")]

        let first = try mover.move(seen, to: "retention", note: "campaign", in: store)
        #expect(first.applied.map(\.customerID) == ["C-1", "C-2", "C-10"])
        #expect(first.applied.allSatisfy { $0.from == "purchase" && $0.to == "retention" && $0.at == F.t("2026-11-02T09:00:00Z") })
        #expect(first.conflicts.isEmpty)
        #expect(try store.stageCounts() == [1, 0, 1, 4])
        // One action, one timestamp: one transaction.
        #expect(try F.rows(path, "SELECT DISTINCT at, note FROM transitions WHERE id > 6") == [["2026-11-02T09:00:00Z", "campaign"]])

        let second = try mover.move([(id: "C-1", seenIn: "retention")], to: "consideration", note: nil, in: store)
        #expect(second.applied.count == 1)
        #expect(try store.stageCounts() == [1, 1, 1, 3])

        // Undo twice: every customer back in purchase, history only grows.
        let undo2 = try #require(try mover.undo(in: store))
        #expect(second.applied.map(\.id) == [10])
        #expect(undo2.applied == [Transition(customerID: "C-1", from: "consideration", to: "retention",
                                             at: F.t("2026-11-02T09:02:00Z"), by: "ana", note: "undo", id: 11, reverts: 10)])
        // C-1 is back in retention since the first action, not since the undo.
        #expect(try store.customer(id: "C-1")?.stageEnteredAt == F.t("2026-11-02T09:00:00Z"))
        let undo1 = try #require(try mover.undo(in: store))
        #expect(undo1.applied.map(\.to) == ["purchase", "purchase", "purchase"])
        #expect(undo1.applied.allSatisfy { $0.note == "undo: campaign" })
        #expect(try store.stageCounts() == [1, 0, 4, 1])
        #expect(try mover.undo(in: store) == nil)
        #expect(try F.count(path, "transitions") == 6 + 3 + 1 + 1 + 3)
        #expect(try F.rows(path, "SELECT count(*) FROM transitions WHERE note LIKE 'undo%'") == [["4"]])

        // Redo twice: back where the two actions left them.
        let redo1 = try #require(try mover.redo(in: store))
        #expect(redo1.applied.map(\.to) == ["retention", "retention", "retention"])
        #expect(redo1.applied.allSatisfy { $0.note == "redo: campaign" })
        let redo2 = try #require(try mover.redo(in: store))
        #expect(redo2.applied.map(\.to) == ["consideration"])
        #expect(try store.stageCounts() == [1, 1, 1, 3])
        #expect(try mover.redo(in: store) == nil)
        #expect(try F.count(path, "transitions") == 6 + 3 + 1 + 1 + 3 + 3 + 1)

        // Every customer's last transition leads to its stage.
        for id in ["C-1", "C-2", "C-10"] {
            #expect(try store.transitions(ofCustomer: id).last?.to == store.customer(id: id)?.stage)
        }
        #expect(try store.customer(id: "C-1")?.stageEnteredAt == F.t("2026-11-02T09:05:00Z"))
    }

    @Test func anotherConnectionsMoveIsAConflictNamingWhoAndWhen() throws {
        let path = try F.file()
        let mine = try SQLiteSnapshotStore(path: path)
        let theirs = try SQLiteSnapshotStore(path: path)
        #expect(try mine.refresh() == false)
        #expect(try theirs.refresh() == false)

        _ = try theirs.apply(F.request([("C-1", "purchase", "awareness")], user: "ben", at: F.t("2026-11-02T10:42:00Z")))
        #expect(try mine.refresh() == true)
        #expect(try mine.refresh() == false)
        #expect(try theirs.refresh() == false)

        let outcome = try mine.apply(F.request([("C-1", "purchase", "retention"), ("C-2", "purchase", "retention")],
                                               user: "ana", at: F.t("2026-11-02T10:45:00Z")))
        let conflict = try #require(outcome.conflicts.first)
        #expect(outcome.conflicts.count == 1)
        #expect(conflict.customerID == "C-1")
        #expect(conflict.actualStage == "awareness")
        #expect(conflict.lastTransition?.by == "ben")
        #expect(conflict.lastTransition?.at == F.t("2026-11-02T10:42:00Z"))
        #expect(conflict.description == "C-1 was moved to awareness by ben at 2026-11-02T10:42:00Z")
        #expect(outcome.applied.map(\.customerID) == ["C-2"])
        #expect(try mine.customer(id: "C-1")?.stage == "awareness")
        #expect(try theirs.customer(id: "C-2")?.stage == "retention")
        #expect(try theirs.refresh() == true)
        #expect(try mine.refresh() == false)

        // They move C-3 to where ana is about to move it: ana's change is "already there", named.
        _ = try theirs.apply(F.request([("C-3", try theirs.customer(id: "C-3")!.stage, "awareness")], user: "ben",
                                       at: F.t("2026-11-02T11:00:00Z")))
        let same = try mine.apply(F.request([("C-3", "purchase", "awareness")], user: "ana", at: F.t("2026-11-02T11:05:00Z")))
        #expect(same.applied.isEmpty && same.conflicts.isEmpty)
        #expect(same.alreadyThere.map(\.customerID) == ["C-3"] && same.alreadyThere.first?.stage == "awareness")
        #expect(same.alreadyThere.first?.lastTransition?.by == "ben")
        #expect(same.alreadyThere.first?.description == "C-3 is already in awareness (moved there by ben at 2026-11-02T11:00:00Z)")

        // A program that is not clc (a raw connection) is noticed too.
        try SQLiteFixtures.execute(path, "UPDATE meta SET value = 'Renamed' WHERE key = 'name'")
        #expect(try mine.refresh() == true)
        #expect(try theirs.refresh() == true)
    }

    @Test func aChangeElsewhereIsReportedEvenWhenThisStoreMovedSince() throws {
        let path = try F.file()
        let mine = try SQLiteSnapshotStore(path: path)
        let theirs = try SQLiteSnapshotStore(path: path)
        _ = try theirs.apply(F.request([("C-1", "purchase", "awareness")], user: "ben"))
        _ = try mine.apply(F.request([("C-2", "purchase", "retention")]))
        _ = try mine.apply(F.request([("C-3", "purchase", "retention")]))
        #expect(try mine.refresh() == true)
        #expect(try mine.refresh() == false)
        #expect(try theirs.refresh() == true)
        // Many own moves in a row are never taken for another program's.
        for i in 0..<20 {
            let (from, to) = i % 2 == 0 ? ("retention", "purchase") : ("purchase", "retention")
            #expect(try mine.apply(F.request([("C-2", from, to)])).applied.count == 1)
            #expect(try mine.refresh() == false)
        }
        #expect(try theirs.refresh() == true)
        #expect(try theirs.refresh() == false)
    }

    @Test func aStoreOpenedReadOnlyRefusesToMove() throws {
        let path = try F.file()
        let before = try F.bytes(path)
        let store = try SQLiteSnapshotStore(path: path, readOnly: true)
        #expect(store.isReadOnly)
        #expect(throws: MoveError(.readOnly, path: path)) {
            try store.apply(F.request([("C-1", "purchase", "retention")]))
        }
        #expect(try store.refresh() == false)
        _ = try SQLiteSnapshotStore(path: path).apply(F.request([("C-2", "purchase", "retention")]))
        #expect(try store.refresh() == true)
        #expect(try store.customer(id: "C-2")?.stage == "retention")
        #expect(try F.bytes(path) != before)
    }

    @Test(.enabled(if: getuid() != 0, "root writes read-only files")) func aReadOnlyFileOrDirectoryRefusesToMove() throws {
        let path = try F.file()
        #expect(chmod(path, 0o444) == 0)
        let before = try F.bytes(path)
        let store = try SQLiteSnapshotStore(path: path)
        #expect(store.isReadOnly)
        #expect(throws: MoveError(.readOnly, path: path)) { try store.apply(F.request([("C-1", "purchase", "retention")])) }
        #expect(try F.bytes(path) == before)

        let other = try F.file()
        let directory = (other as NSString).deletingLastPathComponent
        #expect(chmod(directory, 0o555) == 0)
        defer { chmod(directory, 0o755) }
        let otherBefore = try F.bytes(other)
        let inReadOnlyDirectory = try SQLiteSnapshotStore(path: other)
        #expect(inReadOnlyDirectory.isReadOnly)
        #expect(throws: MoveError(.readOnly, path: other)) { try inReadOnlyDirectory.apply(F.request([("C-1", "purchase", "retention")])) }
        #expect(try F.bytes(other) == otherBefore)
    }
}

@Suite(.serialized) struct SQLiteMoveLockTests {
    typealias F = SQLiteMoveFixtures

    /// Another connection holding `sql` (a lock) until `release`.
    final class Holder {
        var db: OpaquePointer?
        init(_ path: String, _ sql: String) throws {
            guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK,
                  sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { throw OperationError("cannot lock \(path)") }
        }
        func release() {
            sqlite3_exec(db, "ROLLBACK", nil, nil, nil)
            sqlite3_close_v2(db)
            db = nil
        }
        deinit { if db != nil { release() } }
    }

    @Test func aWriteLockHeldElsewhereIsBusyAndNothingIsWritten() throws {
        let path = try F.file()
        let store = try SQLiteSnapshotStore(path: path)
        let before = try F.bytes(path)
        let holder = try Holder(path, "BEGIN EXCLUSIVE")
        let start = Date()
        #expect(throws: MoveError(.busy, path: path)) {
            try store.apply(F.request([("C-1", "purchase", "retention"), ("C-2", "purchase", "retention")]))
        }
        let waited = Date().timeIntervalSince(start)
        #expect(waited >= 1.5 && waited < 10)
        holder.release()
        #expect(try F.bytes(path) == before)
        #expect(try store.stageCounts() == [1, 0, 4, 1])
        // Once the lock is gone, the same action goes through.
        #expect(try store.apply(F.request([("C-1", "purchase", "retention")])).applied.count == 1)
    }

    @Test func aReaderThatNeverFinishesMakesTheCommitBusyAndItIsRolledBack() throws {
        let path = try F.file()
        let store = try SQLiteSnapshotStore(path: path)
        let before = try F.bytes(path)
        // A shared lock: BEGIN IMMEDIATE succeeds, the commit cannot get its exclusive lock.
        let holder = try Holder(path, "BEGIN; SELECT count(*) FROM customers;")
        #expect(throws: MoveError(.busy, path: path)) {
            try store.apply(F.request([("C-1", "purchase", "retention"), ("C-2", "purchase", "retention")]))
        }
        holder.release()
        #expect(try F.bytes(path) == before)
        #expect(try F.rows(path, "SELECT stage FROM customers WHERE id IN ('C-1', 'C-2')") == [["purchase"], ["purchase"]])
        #expect(try F.count(path, "transitions") == 6)
        #expect(try store.apply(F.request([("C-1", "purchase", "retention")])).applied.count == 1)
        #expect(try F.count(path, "transitions") == 7)
    }
}
