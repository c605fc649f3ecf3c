import Foundation
import GRDBSQLite
import Testing
@testable import LifecycleKit

/// Reading a file leaves nothing beside it; a lock reads the same whoever holds it; a file
/// whose permissions forbid writing is not written, even by root, without being asked to.
@Suite(.serialized) struct SQLiteOpenSideEffectTests {
    static func names(_ dir: URL) throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() }

    @Test func validateAndReportOnAWALFileLeaveNoFilesBehind() throws {
        let dir = try Fixtures.temporaryDirectory()
        let path = try Fixtures.handMadeFiles(in: dir).sqlite
        try SQLiteListIndexTests.sql(path, "PRAGMA journal_mode = WAL")
        let before = try Self.names(dir)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(!before.contains { $0.hasSuffix("-wal") || $0.hasSuffix("-shm") })
        #expect(!SnapshotFile.validate(path).hasErrors)
        #expect(try Self.names(dir) == before, "after validate: \((try? Self.names(dir)) ?? [])")
        do {
            let store = try SnapshotFile.open(path)
            _ = try store.funnelReport()
            _ = try store.stageCounts()
        }
        #expect(try Self.names(dir) == before, "after the store: \((try? Self.names(dir)) ?? [])")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        // The figures' side cache still describes the unchanged file.
        let cache = try #require(SQLiteReportCache(snapshotPath: path))
        let stages = try SQLiteSnapshotStore(path: path).stages
        #expect(cache.read(fingerprint: try #require(SQLiteFileFingerprint(path: path)), stages: stages) != nil)
    }

    @Test func aLockedFileReadsTheSameWhenReadingAndWhenMoving() throws {
        let dir = try Fixtures.temporaryDirectory()
        let path = try Fixtures.handMadeFiles(in: dir).sqlite
        let store = try SQLiteSnapshotStore(path: path)
        var db: OpaquePointer?
        #expect(sqlite3_open(path, &db) == SQLITE_OK)
        defer { sqlite3_close(db) }
        #expect(sqlite3_exec(db, "BEGIN EXCLUSIVE", nil, nil, nil) == SQLITE_OK)
        let read = #expect(throws: SnapshotError.self) { _ = try SQLiteSnapshotStore(path: path) }
        var mover = StageMover(user: "ana")
        let move = #expect(throws: MoveError.self) { _ = try mover.move([("C4", "awareness")], to: "loyalty", note: nil, in: store) }
        let expected = "\(path): locked by another program; nothing was changed, try again"
        #expect(read?.description == expected)
        #expect(move?.description == expected)
        sqlite3_exec(db, "ROLLBACK", nil, nil, nil)
    }

    @Test(.enabled(if: getuid() == 0)) func rootDoesNotWriteAFileNoOneMayWriteUnlessForced() throws {
        let dir = try Fixtures.temporaryDirectory()
        let (json, sqlite) = try Fixtures.handMadeFiles(in: dir)
        for path in [json, sqlite] {
            chmod(path, 0o444)
            let store = try SnapshotFile.open(path)
            #expect(store.isReadOnly)
            var mover = StageMover(user: "root")
            let error = #expect(throws: MoveError.self) { _ = try mover.move([("C4", "awareness")], to: "loyalty", note: nil, in: store) }
            #expect(error?.description.contains("read-only for others") == true)
            SnapshotFile.writesProtectedFiles = true
            defer { SnapshotFile.writesProtectedFiles = false }
            #expect(try !SnapshotFile.open(path).isReadOnly)
        }
    }
}
