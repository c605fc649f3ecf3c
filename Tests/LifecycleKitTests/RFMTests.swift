import Testing
@testable import LifecycleKit

/// Purchase summaries and RFM scores on purchases worked out by hand.
@Suite struct RFMTests {
    func t(_ s: String) -> Timestamp { Timestamp(s)! }

    @Test func purchasesCountPerDayUpToTheEnd() throws {
        let s = try #require(PurchaseSummary.of([
            (t("2026-01-01T09:00:00Z"), 10), (t("2026-01-01T23:59:59Z"), 5),   // one day: 15
            (t("2026-01-04T00:00:00+01:00"), nil),                             // 2026-01-03 UTC, no amount
            (t("2026-01-10T12:00:00Z"), 30),
            (t("2026-02-01T00:00:00Z"), 99),                                   // after the end: left out
        ], until: t("2026-01-20T18:00:00Z")))
        #expect(s.purchases == 3 && s.frequency == 2)
        #expect(s.recencyDays == 9 && s.ageDays == 19 && s.daysSinceLast == 10)
        #expect(s.monetary == 15 && s.total == 45)
        #expect(PurchaseSummary.of([(t("2026-02-01"), 1)], until: t("2026-01-20")) == nil)
        let once = try #require(PurchaseSummary.of([(t("2026-01-05"), 7)], until: t("2026-01-20")))
        #expect(once.frequency == 0 && once.monetary == 0 && once.total == 7 && once.ageDays == 15)
    }

    @Test func scoresCountTheBuyersStrictlyWorse() {
        func buyer(since: Int, purchases: Int, total: Double) -> PurchaseSummary {
            PurchaseSummary(purchases: purchases, recencyDays: 0, ageDays: since, monetary: 0, total: total)
        }
        let scores = RFMScore.scores([buyer(since: 10, purchases: 3, total: 45), buyer(since: 0, purchases: 1, total: 100),
                                      buyer(since: 10, purchases: 1, total: 5), buyer(since: 50, purchases: 2, total: 45)])
        #expect(scores.map(\.digits) == ["242", "414", "211", "132"])
        #expect(scores.map(\.segment) == [.atRisk, .promising, .hibernating, .atRisk])
    }

    @Test func theSegmentMapCoversEveryScore() {
        #expect(RFMSegment(recency: 5, frequency: 5) == .champions)
        #expect(RFMSegment(recency: 5, frequency: 1) == .new)
        #expect(RFMSegment(recency: 4, frequency: 4) == .loyal)
        #expect(RFMSegment(recency: 3, frequency: 3) == .needAttention)
        #expect(RFMSegment(recency: 3, frequency: 2) == .aboutToSleep)
        #expect(RFMSegment(recency: 1, frequency: 5) == .cantLose)
        #expect(RFMSegment(recency: 2, frequency: 3) == .atRisk)
        #expect(RFMSegment(recency: 1, frequency: 1) == .lost)
        #expect(RFMSegment(recency: 1, frequency: 2) == .hibernating)
        let all = Set((1...5).flatMap { r in (1...5).map { RFMSegment(recency: r, frequency: $0) } })
        #expect(all == Set(RFMSegment.allCases))
    }
}
