import Foundation
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
}
