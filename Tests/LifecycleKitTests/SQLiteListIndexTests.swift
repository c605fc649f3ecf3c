import Foundation
import GRDBSQLite
import Testing
@testable import LifecycleKit

/// The SQLite list index and its side cache: the same lists as SQL, kept across runs only
/// for the very state of the file it was built from, following this store's stage changes.
@Suite(.serialized) struct SQLiteListIndexTests {
    /// A fresh generated SQLite snapshot (400 customers) in its own directory.
    static func file() throws -> String {
        _ = Fixtures.sideCacheDirectory
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("idx.sqlite").path
        try SnapshotGenerator(customers: 400, touchpointsPerCustomer: 5, seed: 5).generate(into: try SQLiteSnapshotWriter(path: path))
        return path
    }

    /// Every stage's whole list in every order, by the given store.
    static func lists(_ store: SnapshotStore) throws -> [String] {
        var out: [String] = []
        for stage in store.stages {
            for field in CustomerSort.Field.allCases {
                for descending in [false, true] {
                    let page = try store.customers(inStage: stage.id, filter: .none, sort: CustomerSort(field, descending: descending),
                                                   offset: 0, limit: 10_000)
                    out.append("\(stage.id) \(field) \(descending): " + page.map(\.customer.id).joined(separator: ","))
                }
            }
        }
        return out
    }

    static func sql(_ path: String, _ statement: String) throws {
        var db: OpaquePointer?
        guard sqlite3_open(path, &db) == SQLITE_OK else { throw OperationError("open") }
        defer { sqlite3_close(db) }
        guard sqlite3_exec(db, statement, nil, nil, nil) == SQLITE_OK else { throw OperationError(String(cString: sqlite3_errmsg(db))) }
    }

    static let later = Timestamp("2031-01-01T00:00:00Z")!

    @Test func builtOnceThenReadFromTheSideCache() throws {
        let path = try Self.file()
        let first = try SQLiteSnapshotStore(path: path)
        #expect(try first.prepareListIndex() == .built)
        #expect(first.listIndex.current != nil)
        #expect(try first.prepareListIndex() == .notNeeded)
        let second = try SQLiteSnapshotStore(path: path)
        #expect(try second.prepareListIndex() == .loadedFromCache)
        #expect(try Self.lists(second) == Self.lists(SQLiteSnapshotStore(path: path, readOnly: true)))
        // Stage counts for the first frame come from the cache header without a query.
        let third = try SQLiteSnapshotStore(path: path)
        #expect(third.cachedStageCounts() != nil)
        #expect(try third.stageCounts() == SQLiteSnapshotStore(path: path).stageCountsBySQL())
    }

    @Test func anotherProgramsChangeMakesTheCacheStale() throws {
        let path = try Self.file()
        let open = try Fixtures.indexedSQLiteStore(path)
        let victim = try open.customers(inStage: open.stages[0].id, filter: .none, sort: CustomerSort(.name), offset: 0, limit: 1)[0]
        // Same size, same column count: only the change counter and the time tell.
        try Self.sql(path, "UPDATE customers SET name = 'Aaaa " + victim.customer.id + "', stage = '\(open.stages[1].id)' WHERE id = '\(victim.customer.id)'")
        #expect(try open.refresh())
        #expect(open.listIndex.current == nil)
        #expect(try Self.lists(open) == Self.lists(SQLiteSnapshotStore(path: path, readOnly: true)))
        let fresh = try SQLiteSnapshotStore(path: path)
        #expect(fresh.cachedStageCounts() == nil)
        #expect(try fresh.prepareListIndex() == .built)
        #expect(try Self.lists(fresh) == Self.lists(SQLiteSnapshotStore(path: path, readOnly: true)))
    }

    @Test func followsThisStoresStageChangesAndSavesThemForTheNextRun() throws {
        let path = try Self.file()
        var moved: [String] = []
        do {
            let store = try Fixtures.indexedSQLiteStore(path)
            var mover = StageMover(user: "ana", clock: { Self.later })
            let first = try store.customers(inStage: store.stages[0].id, filter: .none, sort: CustomerSort(.name), offset: 0, limit: 3)
            moved = first.map(\.customer.id)
            _ = try mover.move(first.map { ($0.customer.id, $0.customer.stage) }, to: store.stages[2].id, note: nil, in: store)
            #expect(store.listIndex.current != nil)
            #expect(store.listIndex.hasUnsavedChanges)
            #expect(try Self.lists(store) == Self.lists(SQLiteSnapshotStore(path: path, readOnly: true)))
            #expect(try store.stageCounts() == SQLiteSnapshotStore(path: path).stageCountsBySQL())
            // Entered last, so listed last when sorted by time in stage, ties by id.
            let byTime = try store.customers(inStage: store.stages[2].id, filter: .none, sort: CustomerSort(.stageEnteredAt, descending: true),
                                             offset: 0, limit: 3)
            #expect(byTime.map(\.customer.id) == moved.sorted().reversed())
        }
        let next = try SQLiteSnapshotStore(path: path)
        #expect(try next.prepareListIndex() == .loadedFromCache)
        #expect(try Self.lists(next) == Self.lists(SQLiteSnapshotStore(path: path, readOnly: true)))
    }

    @Test func aChangeDatedBeforeOthersDropsTheIndexAndListsStayRight() throws {
        let path = try Self.file()
        let store = try Fixtures.indexedSQLiteStore(path)
        var mover = StageMover(user: "ana", clock: { Timestamp("2001-01-01T00:00:00Z")! })
        let one = try store.customers(inStage: store.stages[1].id, filter: .none, sort: CustomerSort(.id), offset: 0, limit: 1)[0]
        _ = try mover.move([(one.customer.id, one.customer.stage)], to: store.stages[0].id, note: nil, in: store)
        #expect(store.listIndex.current == nil)
        #expect(try Self.lists(store) == Self.lists(SQLiteSnapshotStore(path: path, readOnly: true)))
    }

    @Test(arguments: ["truncated", "garbage", "empty"])
    func aDamagedCacheIsIgnored(damage: String) throws {
        let path = try Self.file()
        _ = try Fixtures.indexedSQLiteStore(path)
        let cache = try #require(SQLiteListIndexCache(snapshotPath: path)).file.url
        let bytes = try Data(contentsOf: cache)
        switch damage {
        case "truncated": try bytes.prefix(bytes.count - 100).write(to: cache)
        case "garbage":
            var b = bytes
            for i in stride(from: b.count - 4000, to: b.count, by: 3) { b[i] = 0xFF }
            try b.write(to: cache)
        default: try Data().write(to: cache)
        }
        let store = try SQLiteSnapshotStore(path: path)
        // The header alone still names the counts when only the columns are damaged.
        #expect(store.cachedStageCounts() == (damage == "empty" ? nil : try store.stageCountsBySQL()))
        #expect(try store.prepareListIndex() == .built)
        #expect(try Self.lists(store) == Self.lists(SQLiteSnapshotStore(path: path, readOnly: true)))
    }

    @Test func aBuildOvertakenByAChangeIsNotInstalled() throws {
        let slot = SQLiteListIndexSlot()
        let index = SQLiteListIndex(rowids: SlotRowids([1]), stages: [0], segments: [-1], channels: [0], touchpointCounts: [0],
                                    lastTouches: [noTimestamp], revenues: [0], segmentNames: [], channelNames: [],
                                    channelsComplete: true, orders: [.id: [0]], latestEntered: 0, stageCount: 1)
        let started = slot.currentGeneration
        slot.drop()
        #expect(!slot.install(index, builtAt: started))
        #expect(slot.install(index, builtAt: slot.currentGeneration))
    }

    /// A pass over a table lets another program commit between its chunks (in rollback-
    /// journal mode one long read would make that program's change fail), and stops when
    /// one did, rather than mixing two states of the file.
    @Test func aChunkedPassLetsOthersCommitAndStopsWhenTheyDid() throws {
        let path = try Self.file()
        var db: OpaquePointer?
        #expect(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK)
        defer { sqlite3_close(db) }
        sqlite3_busy_timeout(db, 5_000)  // as the store's connections: wait while a commit is under way
        let writer = ThreadResult<Bool> {
            var w: OpaquePointer?
            guard sqlite3_open(path, &w) == SQLITE_OK else { return false }
            defer { sqlite3_close(w) }
            sqlite3_busy_timeout(w, 10_000)
            return sqlite3_exec(w, "UPDATE customers SET segment = 'late' WHERE rowid = 1", nil, nil, nil) == SQLITE_OK
        }
        var rows = 0
        #expect(throws: FileChangedDuringPass.self) {
            try ChunkedPass(db!).rows("id", of: "customers", chunk: 10) { _ in
                rows += 1
                usleep(2_000)
            }
        }
        #expect(try writer.value())
        #expect(rows < 400)
    }

    @Test func rowidsAreStoredOnlyWhenNotConsecutive() throws {
        let dense = SlotRowids([7, 8, 9])
        #expect(dense.isConsecutive && dense[2] == 9 && dense.slot(of: 8) == 1 && dense.slot(of: 10) == nil && dense.slot(of: 6) == nil)
        let gaps = SlotRowids([1, 2, 5])
        #expect(!gaps.isConsecutive && gaps[2] == 5 && gaps.slot(of: 5) == 2 && gaps.slot(of: 3) == nil)
        // A file with a gap in its rowids: lists still agree with SQL, built and read back.
        let path = try Self.file()
        try Self.sql(path, "DELETE FROM customers WHERE rowid IN (5, 6, 200)")
        let built = try Fixtures.indexedSQLiteStore(path)
        #expect(built.listIndex.current?.rowids.isConsecutive == false)
        let reference = try Self.lists(SQLiteSnapshotStore(path: path, readOnly: true))
        #expect(try Self.lists(built) == reference)
        let loaded = try SQLiteSnapshotStore(path: path)
        #expect(try loaded.prepareListIndex() == .loadedFromCache)
        #expect(try Self.lists(loaded) == reference)
    }

    @Test func theSnapshotFileIsNeverWritten() throws {
        let path = try Self.file()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let store = try Fixtures.indexedSQLiteStore(path)
        _ = try Self.lists(store)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-journal"))
    }
}

extension SQLiteSnapshotStore {
    /// The stage counts by SQL, bypassing the side cache.
    func stageCountsBySQL() throws -> [Int] {
        try read { db in
            var counts = Array(repeating: 0, count: stages.count)
            let s = try SQLiteStatement(db, "SELECT stage, count(*) FROM customers GROUP BY stage")
            while try s.step() { if let stage = s.string(0), let i = stageIndex[stage] { counts[i] = s.int(1) } }
            return counts
        }
    }
}

/// The funnel figures' side cache: used for the very state of the file only.
@Suite(.serialized) struct SQLiteReportCacheTests {
    @Test func figuresAreKeptForAnUnchangedFileOnly() throws {
        let path = try SQLiteListIndexTests.file()
        let computed = try SQLiteSnapshotStore(path: path).funnelReport()
        #expect(computed == (try SQLiteSnapshotStore(path: path).scannedFunnelReport()))
        // What the cache holds is what an unchanged file reports (proved with a marked copy).
        let cache = try #require(SQLiteReportCache(snapshotPath: path))
        var marked = computed
        marked.stages[0].revenue = -1
        cache.write(marked, fingerprint: try #require(SQLiteFileFingerprint(path: path)))
        #expect(try SQLiteSnapshotStore(path: path).funnelReport() == marked)
        // Any change to the file, and the figures are computed again.
        try SQLiteListIndexTests.sql(path, "UPDATE touchpoints SET value = coalesce(value, 0) + 1 WHERE rowid = 1")
        let fresh = try SQLiteSnapshotStore(path: path).funnelReport()
        #expect(fresh.stages[0].revenue != -1)
        #expect(fresh == (try SQLiteSnapshotStore(path: path).scannedFunnelReport()))
    }

    @Test func cacheFilesOfLongGoneSnapshotsAreRemoved() throws {
        let dir = try Fixtures.temporaryDirectory()
        let old = dir.appendingPathComponent("gone.sqlite-0123456789abcdef.clc-index").path
        let recent = dir.appendingPathComponent("kept.sqlite-0123456789abcdef.clc-report").path
        let other = dir.appendingPathComponent("notes.txt").path
        for path in [old, recent, other] { FileManager.default.createFile(atPath: path, contents: Data("x".utf8)) }
        let longAgo = Date().addingTimeInterval(-40 * 86_400)
        for path in [old, other] { try FileManager.default.setAttributes([.modificationDate: longAgo], ofItemAtPath: path) }
        SideCacheFile.prune(dir)
        #expect(!FileManager.default.fileExists(atPath: old))
        #expect(FileManager.default.fileExists(atPath: recent))
        #expect(FileManager.default.fileExists(atPath: other))
    }
}

/// The funnel figures' pass reads in chunks: another program's change is never held up by
/// it, and the figures are of one state of the file (the pass starts over after a change).
@Suite struct SQLiteChunkedScanTests {
    @Test func anotherProgramCommitsDuringTheFiguresAndTheyStayRight() throws {
        let path = try SQLiteListIndexTests.file()
        let store = try SQLiteSnapshotStore(path: path)
        store.journeyChunk = 7
        var committed: Bool?
        store.betweenJourneyChunks = {
            guard committed == nil else { return }
            // Between two chunks no lock is held: another program commits at once, no waiting.
            var w: OpaquePointer?
            guard sqlite3_open(path, &w) == SQLITE_OK else { committed = false; return }
            defer { sqlite3_close(w) }
            committed = sqlite3_exec(w, "UPDATE touchpoints SET value = coalesce(value, 0) + 1000 WHERE rowid = 1", nil, nil, nil) == SQLITE_OK
        }
        let figures = try store.scannedFunnelReport()
        #expect(committed == true)
        // The pass started over: the figures are all of the file after the change.
        store.betweenJourneyChunks = nil
        let fresh = try SQLiteSnapshotStore(path: path).scannedFunnelReport()
        #expect(figures == fresh)
    }
}
