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
