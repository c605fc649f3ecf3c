import Foundation
import Testing
@testable import LifecycleKit

/// Another program's stage changes on a SQLite file: the list index of a store that has the
/// file open follows them in place (no rebuild); anything else changed rebuilds it; a store
/// without an index in memory (`clc move`) keeps the side cache current.
@Suite(.serialized) struct SQLiteFollowTests {
    typealias Index = SQLiteListIndexTests

    /// Moves the first `count` customers of stage 0 (by id) to stage 2 through `store`, at `time`.
    static func move(_ count: Int, in store: SQLiteSnapshotStore, at time: String) throws -> [String] {
        var mover = StageMover(user: "other", clock: { Timestamp(time)! })
        let first = try store.customers(inStage: store.stages[0].id, filter: .none, sort: CustomerSort(.id), offset: 0, limit: count)
        _ = try mover.move(first.map { ($0.customer.id, $0.customer.stage) }, to: store.stages[2].id, note: nil, in: store)
        return first.map(\.customer.id)
    }

    /// The lists and counts of `store` equal those SQL gives and those of a fresh open.
    static func expectSameAsFresh(_ store: SQLiteSnapshotStore, _ path: String) throws {
        let bySQL = try SQLiteSnapshotStore(path: path, readOnly: true)
        #expect(try Index.lists(store) == Index.lists(bySQL))
        #expect(try store.stageCounts() == bySQL.stageCountsBySQL())
        let fresh = try Fixtures.indexedSQLiteStore(path)
        #expect(try Index.lists(store) == Index.lists(fresh))
    }

    /// After another program's changes the dashboard asks for the funnel figures again each
    /// time; a request superseded while another full pass runs gives up instead of queueing
    /// (they queued, one thread and one whole scan each, holding the read lock against writers).
    @Test func aSupersededFunnelRequestGivesUpWhileAnotherPassRuns() throws {
        let store = try SQLiteSnapshotStore(path: try Index.file())
        SQLiteSnapshotStore.heavyPasses.lock()
        #expect(throws: CancellationError.self) { try store.funnelReport(shouldStop: { true }) }
        SQLiteSnapshotStore.heavyPasses.unlock()
        // Not superseded: it scans (and keeps the figures), then answers from what it kept.
        let report = try store.funnelReport(shouldStop: { false })
        #expect(report == (try store.scannedFunnelReport()))
        SQLiteSnapshotStore.heavyPasses.lock()
        defer { SQLiteSnapshotStore.heavyPasses.unlock() }
        #expect(try store.funnelReport(shouldStop: { true }) == report)
    }

    @Test func anotherStoresMovesAreFollowedInPlace() throws {
        let path = try Index.file()
        let a = try Fixtures.indexedSQLiteStore(path)
        let index = try #require(a.listIndex.current)
        let builds = a.listIndexBuilds.current
        let b = try SQLiteSnapshotStore(path: path)
        var moved = try Self.move(3, in: b, at: "2031-01-01T00:00:00Z")
        moved += try Self.move(2, in: b, at: "2031-01-02T00:00:00Z")
        let seen = try #require(try a.refreshChanges())
        #expect(seen.map(\.customerID) == moved)
        #expect(a.listIndex.current === index)
        #expect(a.listIndexBuilds.current == builds)
        #expect(try a.refreshChanges() == nil)
        try Self.expectSameAsFresh(a, path)
        // Its own moves after that are followed too, and so are the other's next ones.
        _ = try Self.move(1, in: a, at: "2031-01-03T00:00:00Z")
        _ = try Self.move(1, in: b, at: "2031-01-04T00:00:00Z")
        #expect(try a.refreshChanges()?.count == 1)
        #expect(a.listIndex.current === index)
        try Self.expectSameAsFresh(a, path)
    }

    @Test func anotherStoresMoveJustBeforeOneOfOursIsFollowedToo() throws {
        let path = try Index.file()
        let a = try Fixtures.indexedSQLiteStore(path)
        let index = try #require(a.listIndex.current)
        let b = try SQLiteSnapshotStore(path: path)
        let theirs = try Self.move(2, in: b, at: "2031-01-01T00:00:00Z")
        // Before `a` looked: its own change sees theirs in its write transaction.
        _ = try Self.move(1, in: a, at: "2031-01-02T00:00:00Z")
        #expect(a.listIndex.current === index)
        #expect(try a.refreshChanges()?.map(\.customerID) == theirs)
        #expect(try a.refreshChanges() == nil)
        #expect(a.listIndex.current === index)
        try Self.expectSameAsFresh(a, path)
    }

    @Test func customersAddedElsewhereRebuild() throws {
        let path = try Index.file()
        let a = try Fixtures.indexedSQLiteStore(path)
        let stage = a.stages[1].id
        // A customer added without a transition, then a stage change of another one.
        try Index.sql(path, """
            INSERT INTO customers(id, name, stage, stage_entered_at) VALUES ('NEW-1', 'Zed', '\(stage)', '2031-01-01T00:00:00Z');
            """)
        _ = try Self.move(1, in: try SQLiteSnapshotStore(path: path), at: "2031-01-02T00:00:00Z")
        #expect(try a.refreshChanges() == [])
        #expect(a.listIndex.current == nil)
        #expect(try a.prepareListIndex() == .built)
        #expect(a.listIndexBuilds.current == 2)
        try Self.expectSameAsFresh(a, path)
    }

    @Test(arguments: ["deleted", "reused"])
    func aDeletedTransitionRebuilds(how: String) throws {
        let path = try Index.file()
        let a = try Fixtures.indexedSQLiteStore(path)
        let b = try SQLiteSnapshotStore(path: path)
        if how == "deleted" {
            try Index.sql(path, "DELETE FROM transitions WHERE rowid = (SELECT min(rowid) FROM transitions)")
            _ = try Self.move(1, in: b, at: "2031-01-01T00:00:00Z")
        } else {
            // The last transition deleted, its id given to a new one: counts and greatest id as if one was added.
            try Index.sql(path, "DELETE FROM transitions WHERE rowid = (SELECT max(rowid) FROM transitions)")
            _ = try Self.move(2, in: b, at: "2031-01-01T00:00:00Z")
        }
        #expect(try a.refreshChanges() == [])
        #expect(a.listIndex.current == nil)
        try Self.expectSameAsFresh(a, path)
    }

    @Test func aChangeWithoutATransitionRebuilds() throws {
        let path = try Index.file()
        let a = try Fixtures.indexedSQLiteStore(path)
        try Index.sql(path, "UPDATE customers SET stage = '\(a.stages[3].id)' WHERE rowid = 1")
        #expect(try a.refreshChanges() == [])
        #expect(a.listIndex.current == nil)
    }

    @Test func anotherProgramsTimeBeforeTheLatestRebuilds() throws {
        let path = try Index.file()
        let a = try Fixtures.indexedSQLiteStore(path)
        let b = try SQLiteSnapshotStore(path: path)
        _ = try Self.move(1, in: b, at: "2001-01-01T00:00:00Z")
        #expect(try a.refreshChanges()?.count == 1)
        #expect(a.listIndex.current == nil)
        try Self.expectSameAsFresh(a, path)
    }

    @Test func aMoveWithoutAnIndexKeepsTheSideCacheCurrent() throws {
        let path = try Index.file()
        do { _ = try Fixtures.indexedSQLiteStore(path) }
        // As `clc move` does: a store that never prepared its index.
        let moved = try Self.move(2, in: try SQLiteSnapshotStore(path: path), at: "2031-01-01T00:00:00Z")
        let next = try SQLiteSnapshotStore(path: path)
        #expect(try next.prepareListIndex() == .loadedFromCache)
        let list = try next.customers(inStage: next.stages[2].id, filter: .none, sort: CustomerSort(.stageEnteredAt, descending: true),
                                      offset: 0, limit: 2)
        #expect(list.map(\.customer.id) == moved.sorted().reversed())
        #expect(next.indexedList(stage: next.stages[2].id, filter: .none, field: .stageEnteredAt) != nil)
        try Self.expectSameAsFresh(next, path)
    }

    @Test func aCacheNotFollowedAfterACommitIsNotTakenForCurrent() throws {
        let path = try Index.file()
        do { _ = try Fixtures.indexedSQLiteStore(path) }
        // The commit of a move that crashed before its cache update: the file changed, the cache did not.
        try Index.sql(path, """
            INSERT INTO transitions(customer_id, to_stage, at, by)
              SELECT id, stage, '2031-01-01T00:00:00Z', 'crash' FROM customers WHERE rowid = 1;
            """)
        let next = try SQLiteSnapshotStore(path: path)
        #expect(try next.prepareListIndex() == .built)
    }
}
