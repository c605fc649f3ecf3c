import Foundation
import GRDBSQLite
import Testing
@testable import LifecycleKit

/// After other programs' stage changes, the funnel figures check only what they added (the
/// transitions and the customers they touch), not the whole file: the whole check held the
/// file's read lock for 28 s on the 1M file, and every other program's move failed meanwhile.
@Suite(.serialized) struct SQLiteFollowValidationTests {
    typealias Index = SQLiteListIndexTests

    /// A store that checked the whole file and has its figures.
    static func checkedStore(_ path: String) throws -> SQLiteSnapshotStore {
        let store = try SQLiteSnapshotStore(path: path)
        _ = try store.funnelReport()
        #expect(store.validState.current != nil)
        return store
    }

    /// A transition row for `customer` that only SQL writes (another program).
    static func insertTransition(_ path: String, customer: String, from: String, to: String, at: String) throws {
        try Index.sql(path, """
            INSERT INTO transitions(customer_id, from_stage, to_stage, at, by) VALUES ('\(customer)', '\(from)', '\(to)', '\(at)', 'other');
            """)
    }

    @Test func aFollowedChangeChecksOnlyWhatItAdded() throws {
        let path = try Index.file()
        let a = try Self.checkedStore(path)
        // An error planted behind the store's back, in a row no stage change touches (a
        // touchpoint of no customer, which the figures' scan does not read): not checked again.
        try Index.sql(path, "UPDATE touchpoints SET customer_id = '!nobody' WHERE rowid = 1")
        let moved = try SQLiteFollowTests.move(2, in: try SQLiteSnapshotStore(path: path), at: "2031-01-01T00:00:00Z")
        let report = try a.funnelReport()
        #expect(a.followedValidations.current == 1)
        #expect(report == (try SQLiteSnapshotStore(path: path).scannedFunnelReport()))
        #expect(moved.count == 2)
        // The whole check still finds the planted error.
        #expect(throws: SnapshotError.self) { try a.requireValid() }
    }

    @Test(arguments: ["unknown customer", "malformed time", "stage mismatch"])
    func anInvalidFollowedTransitionIsCaught(what: String) throws {
        let path = try Index.file()
        let a = try Self.checkedStore(path)
        let (s0, s1) = (a.stages[0].id, a.stages[1].id)
        let customer = try #require(try a.customers(inStage: s0, filter: .none, sort: CustomerSort(.id), offset: 0, limit: 1).first).customer.id
        switch what {
        case "unknown customer": try Self.insertTransition(path, customer: "NOBODY", from: s0, to: s1, at: "2031-01-01T00:00:00Z")
        case "malformed time": try Self.insertTransition(path, customer: customer, from: s0, to: s0, at: "yesterday")
        default:
            // The customer's row left in stage 0 while their last transition goes to stage 1:
            // a warning (the figures come), found by the followed check.
            let known = try #require(a.validState.current)
            try Self.insertTransition(path, customer: customer, from: s0, to: s1, at: "2031-01-01T00:00:00Z")
            let found = try a.readOnOwnConnection { db in
                try SQLiteValidator.validateFollowed(since: known.mark, asOf: a.declaredAsOf, hasReverts: a.transitionsHaveReverts, on: db)
            }
            #expect(found?.problems.warnings.map(\.kind).contains(.stageMismatch) == true)
            #expect(found?.problems.hasErrors == false)
            _ = try a.funnelReport()
            #expect(a.followedValidations.current == 1)
            return
        }
        let error = try #require(throws: SnapshotError.self) { try a.funnelReport() }
        #expect(a.followedValidations.current == 1)
        #expect(error.problems.errors.contains { $0.place.hasPrefix("transitions row") })
        #expect(a.validState.current == nil)
    }

    /// The dashboard opens with the figures from the side cache (no check at all): they were
    /// computed from a file that passed it, so the next stage changes are checked alone.
    @Test func figuresFromTheSideCacheCountAsChecked() throws {
        let path = try Index.file()
        _ = try Self.checkedStore(path)
        let a = try SQLiteSnapshotStore(path: path)
        _ = try a.funnelReport()
        #expect(a.validState.current != nil)
        _ = try SQLiteFollowTests.move(1, in: try SQLiteSnapshotStore(path: path), at: "2031-01-01T00:00:00Z")
        _ = try a.funnelReport()
        #expect(a.followedValidations.current == 1)
    }

    @Test func anythingElseChangedChecksTheWholeFile() throws {
        let path = try Index.file()
        let a = try Self.checkedStore(path)
        // A customer added (no transition), then a valid stage change: not a followed change.
        try Index.sql(path, "INSERT INTO customers(id, name, stage) VALUES ('NEW-1', 'Zed', 'nowhere')")
        _ = try SQLiteFollowTests.move(1, in: try SQLiteSnapshotStore(path: path), at: "2031-01-01T00:00:00Z")
        #expect(throws: SnapshotError.self) { try a.funnelReport() }
        #expect(a.followedValidations.current == 0)
    }

    /// Another connection's move, with a short busy timeout, while the dashboard computes its
    /// figures after a followed change: it gets in (the whole check would hold it off).
    @Test func anOutsideMoveGetsInWhileTheFiguresAreComputed() throws {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("mid.sqlite").path
        try SnapshotGenerator(customers: 20_000, touchpointsPerCustomer: 5, seed: 7).generate(into: try SQLiteSnapshotWriter(path: path))
        let a = try Self.checkedStore(path)
        a.journeyChunk = 500
        _ = try SQLiteFollowTests.move(1, in: try SQLiteSnapshotStore(path: path), at: "2031-01-01T00:00:00Z")
        _ = try a.refreshChanges()
        let stage = a.stages[1].id
        let outside = ThreadResult { () -> Int32 in
            usleep(30_000)
            return try Self.outsideMove(path, stage: stage, busyMilliseconds: 150)
        }
        _ = try a.funnelReport()
        // SQLITE_BUSY (5) after its 150 ms while the whole file was checked.
        #expect(try outside.value() == SQLITE_OK)
        #expect(a.followedValidations.current == 1)
    }

    /// A stage change written as another program does (one transaction, `busyMilliseconds`
    /// of waiting for the lock): its result code.
    static func outsideMove(_ path: String, stage: String, busyMilliseconds: Int32) throws -> Int32 {
        var db: OpaquePointer?
        guard sqlite3_open(path, &db) == SQLITE_OK else { throw OperationError("open") }
        defer { sqlite3_close(db) }
        sqlite3_busy_timeout(db, busyMilliseconds)
        let code = sqlite3_exec(db, """
            BEGIN IMMEDIATE;
            INSERT INTO transitions(customer_id, from_stage, to_stage, at, by)
              SELECT id, stage, '\(stage)', '2031-01-02T00:00:00Z', 'other' FROM customers WHERE rowid = 5;
            UPDATE customers SET stage = '\(stage)', stage_entered_at = '2031-01-02T00:00:00Z' WHERE rowid = 5;
            COMMIT;
            """, nil, nil, nil)
        if code != SQLITE_OK { sqlite3_exec(db, "ROLLBACK", nil, nil, nil) }
        return code
    }
}
