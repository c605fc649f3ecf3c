import Foundation
import GRDBSQLite
import Testing
@testable import LifecycleKit

/// A chunk of a pass ends on time as well as after so many rows: on a loaded machine a chunk
/// of 200,000 rows read for seconds, and another program's change waiting for it failed.
@Suite struct ChunkedPassTimeTests {
    @Test func aSlowChunkEndsOnTimeSoAWriterGetsIn() throws {
        let path = try SQLiteListIndexTests.file()
        var db: OpaquePointer?
        #expect(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK)
        defer { sqlite3_close(db) }
        sqlite3_busy_timeout(db, 5_000)
        let writer = ThreadResult { () -> Int32 in
            usleep(50_000)
            var w: OpaquePointer?
            guard sqlite3_open(path, &w) == SQLITE_OK else { return -1 }
            defer { sqlite3_close(w) }
            sqlite3_busy_timeout(w, 1_500)
            return sqlite3_exec(w, "UPDATE customers SET segment = 'late' WHERE rowid = 1", nil, nil, nil)
        }
        var rows = 0
        // 2,000 rows of 1 ms each in what would be one chunk: 2 s, longer than the writer waits.
        #expect(throws: FileChangedDuringPass.self) {
            try ChunkedPass(db!).rows("customer_id", of: "touchpoints", chunk: 100_000) { _ in
                rows += 1
                usleep(1_000)
            }
        }
        #expect(try writer.value() == SQLITE_OK)
        #expect(rows < 2_000)
    }

    @Test func aChunkThatTookTooLongHalvesTheNext() {
        #expect(ChunkClock().nextSize(after: 250_000, limit: 250_000) == 250_000)
        var late = ChunkClock()
        usleep(UInt32(ChunkClock.budget / 1000) + 20_000)
        #expect(late.nextSize(after: 250_000, limit: 250_000) == 125_000)
        late = ChunkClock()
        #expect(late.nextSize(after: 1_000, limit: 250_000) == 2_000)
    }
}
