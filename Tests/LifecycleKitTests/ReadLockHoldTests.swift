import Foundation
import GRDBSQLite
import Testing
@testable import LifecycleKit

/// No read of the dashboard holds the file's read lock for long while other programs change
/// it (issue 15): found with `CLC_READ_LOG` on the 1M file, where `clc move` waits 2 s.
@Suite(.serialized) struct ReadLockHoldTests {
    typealias Follow = SQLiteFollowValidationTests

    /// Takes `delay` per customer (a busy machine, in small).
    struct SlowAnalysis: Analysis {
        var delay: UInt32
        var seen = 0
        var needs: JourneyNeeds { [.transitions, .revenue] }
        mutating func add(_ customer: CustomerRecord) {
            seen += 1
            usleep(delay)
        }
        func finish() -> Int { seen }
    }

    /// A chunk of the streaming pass (the panel's figures after each change) ends on time,
    /// not only after so many customers: its first chunk, of 20,000 customers, read for
    /// 0.3–0.5 s at load 4 on the 1M file (seconds at load 12+), and a move waiting 2 s failed.
    @Test func aSlowStreamingChunkEndsOnTimeSoAWriterGetsIn() throws {
        let path = try SQLiteListIndexTests.file()
        let store = try SQLiteSnapshotStore(path: path, readOnly: true)
        let stage = store.stages[1].id
        let outside = ThreadResult { () -> Int32 in
            usleep(100_000)
            return try Follow.outsideMove(path, stage: stage, busyMilliseconds: 800)
        }
        // 400 customers of 5 ms each in what was one chunk: 2 s, longer than the writer waits.
        let done = try store.stream([SlowAnalysis(delay: 5_000)], shouldStop: { false })
        #expect(try outside.value() == SQLITE_OK)
        #expect((done[0] as! SlowAnalysis).finish() == 400)
    }

    /// Taking the file's fingerprint (or telling its kind) while a read is open keeps that
    /// read's lock: closing any descriptor of the file would drop all of this process's locks
    /// on it (POSIX's rule), and another program's change then got in under the read.
    @Test func aFingerprintTakenDuringAReadKeepsTheReadsLock() throws {
        let path = try SQLiteListIndexTests.file()
        let stage = try SQLiteSnapshotStore(path: path, readOnly: true).stages[1].id
        let db = try Self.readOnlyConnection(path)
        defer { sqlite3_close(db.value) }
        sqlite3_busy_timeout(db.value, 0)
        // A read transaction: its shared lock lasts until COMMIT.
        #expect(sqlite3_exec(db.value, "BEGIN; SELECT count(*) FROM customers;", nil, nil, nil) == SQLITE_OK)
        #expect(SQLiteFileFingerprint(path: path) != nil)
        #expect(try SnapshotFile.kind(ofFileAt: path) == .sqlite)
        #expect(try Self.moveByAnotherProcess(path, stage: stage, busyMilliseconds: 300) != 0, "a change got in under the read")
        #expect(sqlite3_exec(db.value, "COMMIT", nil, nil, nil) == SQLITE_OK)
        #expect(try Self.moveByAnotherProcess(path, stage: stage, busyMilliseconds: 300) == 0)
    }

    /// Two passes at once, each in chunks of 0.2 s on a connection of its own: SQLite keeps
    /// one read lock per process, so while either reads the lock is never let go, and a
    /// writer waiting 1 s failed (as `clc move` did beside the dashboard, which runs several
    /// passes after each change). The passes now wait for a gap after 0.25 s of reading.
    @Test func overlappingPassesLetAWriterIn() throws {
        let path = try SQLiteListIndexTests.file()
        let stage = try SQLiteSnapshotStore(path: path, readOnly: true).stages[1].id
        // Both connections opened first (closing any other descriptor of the file would drop
        // the process's locks, POSIX's rule), as a pass's connection of its own.
        let connections = try (0..<2).map { _ in try Self.readOnlyConnection(path) }
        defer { connections.forEach { sqlite3_close($0.value) } }
        let reading = Protected(0)
        /// Whether the pass stopped because the file changed under it.
        @Sendable func pass(_ db: Handover<OpaquePointer>) throws -> Bool {
            var rows = 0
            do {
                try ReadGate.shared.yielding(db.value) {
                    // 2,000 rows of 1 ms each: 2 s in chunks that end after 0.2 s.
                    try ChunkedPass(db.value).rows("customer_id", of: "touchpoints", chunk: 100_000) { _ in
                        if rows == 0 { reading.withLock { $0 += 1 } }
                        rows += 1
                        usleep(1_000)
                    }
                }
            } catch is FileChangedDuringPass {
                return true
            }
            return false
        }
        let first = ThreadResult { try pass(connections[0]) }
        while reading.current < 1 { usleep(1_000) }
        usleep(100_000)
        let second = ThreadResult { try pass(connections[1]) }
        while reading.current < 2 { usleep(1_000) }
        // Both read (their chunks end at different times): a writer waiting 1 s.
        #expect(try Self.moveByAnotherProcess(path, stage: stage, busyMilliseconds: 1_000) == 0)
        // It got in before both passes ended (they stopped: the file changed).
        #expect(try first.value())
        #expect(try second.value())
    }

    static func readOnlyConnection(_ path: String) throws -> Handover<OpaquePointer> {
        var db: OpaquePointer?
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK, let db else { throw OperationError("open") }
        sqlite3_busy_timeout(db, 5_000)
        return Handover(db)
    }

    /// `outsideMove` by `sqlite3` (another process: within one, SQLite sees the waiting
    /// writer and holds its readers off): its exit status, 0 when the change was written.
    static func moveByAnotherProcess(_ path: String, stage: String, busyMilliseconds: Int) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", "-bail", "-cmd", ".timeout \(busyMilliseconds)", path, """
            BEGIN IMMEDIATE;
            INSERT INTO transitions(customer_id, from_stage, to_stage, at, by)
              SELECT id, stage, '\(stage)', '2031-01-02T00:00:00Z', 'other' FROM customers WHERE rowid = 5;
            UPDATE customers SET stage = '\(stage)', stage_entered_at = '2031-01-02T00:00:00Z' WHERE rowid = 5;
            COMMIT;
            """]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// A followed check whose fingerprint was taken just before another program's commit that
    /// its mark already saw (the two are read at different moments): the next figures find the
    /// file as that mark says, nothing added since, and take it as checked. It checked the
    /// whole file (7 s of `integrity_check` on the 1M file, holding off every writer).
    @Test func aFileUnchangedSinceTheCheckedMarkIsNotCheckedWhole() throws {
        let path = try SQLiteListIndexTests.file()
        let a = try Follow.checkedStore(path)
        let before = try #require(a.validState.current)
        _ = try SQLiteFollowTests.move(1, in: try SQLiteSnapshotStore(path: path), at: "2031-01-01T00:00:00Z")
        let markNow = try a.readOnOwnConnection { db in try SQLiteFileMark.read(db) }
        a.validState.withLock { $0 = SQLiteSnapshotStore.ValidState(fingerprint: before.fingerprint, mark: markNow) }
        _ = try a.funnelReport()
        #expect(a.followedValidations.current == 1)
        #expect(a.validState.current?.mark == markNow)
        #expect(a.validState.current?.fingerprint == SQLiteFileFingerprint(path: path))
    }
}
