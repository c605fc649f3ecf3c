import Foundation
import GRDBSQLite
import Testing
@testable import LifecycleKit

/// `clc model`'s path: a SQLite store reads the purchases alone (one scan in SQL), and finds
/// every buyer's summary the streaming pass finds; the models fitted on them are the same.
@Suite struct BuyerSummariesTests {
    static func sorted(_ s: [PurchaseSummary]) -> [PurchaseSummary] {
        s.sorted { ($0.purchases, $0.recencyDays, $0.ageDays, $0.total) < ($1.purchases, $1.recencyDays, $1.ageDays, $1.total) }
    }

    @Test func theScanOfPurchasesFindsWhatTheStreamingPassFinds() throws {
        let path = try SQLiteValueCacheTests.file()
        // Two purchases on one day (one day's amount), one after as_of (left out), in rowid order before the others.
        try SQLiteListIndexTests.sql(path, """
            INSERT INTO touchpoints (id, customer_id, at, channel, type, value) VALUES
              ('T-x1', 'C-0000002', '2026-10-30T23:00:00Z', 'web', 'purchase', 5),
              ('T-x2', 'C-0000002', '2026-10-30T01:00:00+00:00', 'web', 'purchase', NULL),
              ('T-x3', 'C-0000002', '2026-12-30T01:00:00Z', 'web', 'purchase', 7)
            """)
        let store = try SQLiteSnapshotStore(path: path)
        let end = store.info.asOf
        let scanned = try store.buyerSummaries(until: end)
        let streamed = (try store.stream([PurchaseAnalysis(observationEnd: end)])[0] as! PurchaseAnalysis).finish()
        #expect(scanned.customers == 1_500)
        let expected = Self.sorted(streamed.summaries.compactMap { $0 })
        let got = Self.sorted(scanned.buyers)
        #expect(got.count == expected.count)
        for (a, b) in zip(got, expected) {
            #expect(a.purchases == b.purchases && a.recencyDays == b.recencyDays && a.ageDays == b.ageDays)
            #expect(abs(a.monetary - b.monetary) < 1e-9 && abs(a.total - b.total) < 1e-9)
        }
        let model = try store.customerValueModel().model
        let full = try store.customerValues().model
        #expect(model.buyers == full.buyers && model.repeatBuyers == full.repeatBuyers)
        let (x, y) = (try #require(model.bgnbd?.model), try #require(full.bgnbd?.model))
        for (u, v) in [(x.r, y.r), (x.alpha, y.alpha), (x.a, y.a), (x.b, y.b)] { #expect(abs(u / v - 1) < 1e-6) }
    }

    /// Every purchase row's customer, day and amount, in rowid order, as one reader would add them.
    static func oneScan(_ store: SQLiteSnapshotStore, until end: Timestamp) throws -> [PurchaseSummary] {
        try store.read { db in
            var purchases = BuyerPurchases()
            let s = try SQLiteStatement(db, "SELECT customer_id, at, value FROM touchpoints WHERE type = 'purchase' ORDER BY rowid")
            while try s.step() {
                let at = try #require(Timestamp.parse(s.bytes(1)))
                if at <= end { purchases.add(customer: s.bytes(0), day: at.utcDay, amount: s.isNull(2) ? 0 : s.double(2)) }
            }
            return purchases.summaries(end: end)
        }
    }

    @Test func twoHalvesGiveTheVeryBitsOfOneScanInRowidOrder() throws {
        let path = try SQLiteValueCacheTests.file()
        // Late rows (upper half) for customers of the lower half, out of day order, one day
        // bought twice, amounts whose sum depends on their order.
        try SQLiteListIndexTests.sql(path, """
            INSERT INTO touchpoints (id, customer_id, at, channel, type, value) VALUES
              ('T-y1', 'C-0000003', '2026-06-02T10:00:00+02:00', 'web', 'purchase', 0.1),
              ('T-y2', 'C-0000001', '2026-01-05T00:00:00Z', 'web', 'purchase', 0.2),
              ('T-y3', 'C-0000003', '2026-06-02T23:59:59.500000Z', 'web', 'purchase', 0.3),
              ('T-y4', 'C-0000001', '2026-01-05', 'web', 'purchase', NULL)
            """)
        let store = try SQLiteSnapshotStore(path: path)
        let end = store.info.asOf
        let split = try store.read { db in try SQLiteSnapshotStore.middleRowid(of: "touchpoints", db) }
        let lastRowid = try store.read { db in try ChunkedPass.count("touchpoints", db) }
        #expect(split > 1 && split < lastRowid)
        let scanned = try store.buyerSummaries(until: end)
        #expect(scanned.customers == 1_500)
        // Equal arrays: the same buyers in the same order (of their first purchase row), each
        // with the same bits, so the fits on them are the same bits too.
        #expect(scanned.buyers == (try Self.oneScan(store, until: end)))
    }

    @Test func appendedLaterRowsCountAsIfAddedInOneRun() {
        let rows: [(id: String, day: Int64, amount: Double)] = [
            ("b", 10, 0.1), ("a", 3, 0.7), ("b", 12, 0.2), ("c", 5, 1), ("a", 1, 0.3), ("b", 12, 0.4), ("a", 3, 0.11), ("d", 2, 0)]
        func purchases(_ part: ArraySlice<(id: String, day: Int64, amount: Double)>) -> BuyerPurchases {
            var p = BuyerPurchases(buyers: 1)
            for r in part { Array(r.id.utf8).withUnsafeBufferPointer { p.add(customer: $0, day: r.day, amount: r.amount) } }
            return p
        }
        let end = Timestamp(microseconds: 20 * 86_400_000_000)
        for cut in 0...rows.count {
            var joined = purchases(rows[..<cut])
            joined.append(purchases(rows[cut...]))
            #expect(joined.summaries(end: end) == purchases(rows[...]).summaries(end: end))
        }
        let summaries = purchases(rows[...]).summaries(end: end)
        #expect(summaries.map(\.purchases) == [2, 2, 1, 1])   // b, a, c, d: in order of their first row
        #expect(summaries[0].monetary == 0.2 + 0.4 && summaries[1].ageDays == 19)
    }

    @Test func theMiddleRowidSplitsAnyRangeAndAnEmptyTableIsOneHalf() throws {
        let path = try SQLiteListIndexTests.file()
        try SQLiteListIndexTests.sql(path, """
            CREATE TABLE t1 (x); CREATE TABLE t2 (x); CREATE TABLE t3 (x);
            INSERT INTO t1 (rowid, x) VALUES (1, 0), (10, 0);
            INSERT INTO t2 (rowid, x) VALUES (-9223372036854775807, 0), (9223372036854775807, 0);
            """)
        let store = try SQLiteSnapshotStore(path: path)
        let middles = try store.read { db in try ["t1", "t2", "t3"].map { try SQLiteSnapshotStore.middleRowid(of: $0, db) } }
        #expect(middles == [5, 0, Int.max])
    }

    /// Runs `statement` on a connection of its own that waits for readers' locks.
    static func write(_ path: String, _ statement: String) throws {
        var db: OpaquePointer?
        guard sqlite3_open(path, &db) == SQLITE_OK else { throw OperationError("open") }
        defer { sqlite3_close(db) }
        sqlite3_busy_timeout(db, 10_000)
        guard sqlite3_exec(db, statement, nil, nil, nil) == SQLITE_OK else { throw OperationError(String(cString: sqlite3_errmsg(db))) }
    }

    @Test func aChangeWhileEitherHalfReadsStartsBothOver() throws {
        let path = try SQLiteListIndexTests.file()
        let store = try SQLiteSnapshotStore(path: path)
        let attempts = Protected(0)
        let (lower, upper) = try store.chunkedPasses { pass, half -> Int in
            if half == 1, attempts.withLock({ $0 += 1; return $0 }) == 1 {
                try Self.write(path, "UPDATE customers SET segment = 'late' WHERE rowid = 1")
            }
            var segments = 0
            try pass.rows("segment", of: "customers", chunk: 50) { s in segments += s.string(1) == "late" ? 1 : 0 }
            return segments
        }
        #expect(attempts.withLock { $0 } == 2)
        #expect(lower == 1 && upper == 1)   // both read the file after the change
    }
}
