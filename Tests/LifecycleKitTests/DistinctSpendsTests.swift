import Testing
@testable import LifecycleKit

/// The Gamma-Gamma fit's data, gathered by sorting (no hash table of summaries at first open).
@Suite struct DistinctSpendsTests {
    static let buyers: [PurchaseSummary] = (0..<400).map { i in
        PurchaseSummary(purchases: 1 + i % 5, recencyDays: i % 40, ageDays: 60, monetary: Double(10 + i % 13), total: 0)
    }

    @Test func theBuyersOrderDoesNotChangeTheFit() {
        let end = Timestamp(microseconds: 0)
        let forward = CustomerValueModel.fitted(Self.buyers, observationEnd: end)
        let backward = CustomerValueModel.fitted(Self.buyers.reversed(), observationEnd: end)
        #expect(forward.gammaGamma != nil)
        #expect(forward.gammaGamma == backward.gammaGamma)
    }

    @Test func equalSpendsAreWeighted() {
        let spends = CustomerValueModel.distinctSpends(Self.buyers.filter { $0.frequency > 0 })
        #expect(spends.count == 4 * 13)
        #expect(spends.reduce(0) { $0 + $1.weight } == 320)
        #expect(spends.first! == (1, 10, 6))
    }
}
