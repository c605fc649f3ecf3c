import Testing
@testable import LifecycleKit

/// Degenerate data gets an answer with its reason, never a crash (issue 12).
@Suite struct CustomerValueTests {
    static let end = Timestamp("2026-06-01")!
    static func buyer(_ purchases: Int, recency: Int, age: Int, monetary: Double) -> PurchaseSummary {
        PurchaseSummary(purchases: purchases, recencyDays: recency, ageDays: age, monetary: monetary,
                        total: monetary * Double(purchases))
    }

    @Test func noBuyers() {
        let (model, scores) = CustomerValueModel.fit([nil, nil], observationEnd: Self.end)
        #expect(model.buyers == 0 && model.bgnbd == nil && model.gammaGamma == nil)
        #expect(model.bgnbdProblem == .noPurchases && model.clvProblem == .noPurchases)
        #expect(scores == [nil, nil])
    }

    @Test func nobodyRepeats() {
        let (model, scores) = CustomerValueModel.fit([Self.buyer(1, recency: 0, age: 30, monetary: 0), nil,
                                                      Self.buyer(1, recency: 0, age: 10, monetary: 0)], observationEnd: Self.end)
        #expect(model.buyers == 2 && model.repeatBuyers == 0 && model.bgnbd == nil)
        #expect(model.bgnbdProblem == .nobodyRepeats && model.clvProblem == .nobodyRepeats)
        #expect(scores[0]?.probabilityAlive == nil && scores[0]?.clv == nil && scores[1] == nil)
        // R: the second bought more recently: one of two buyers is strictly worse → 1 + ⌊5 × 1 ÷ 2⌋ = 3.
        #expect(scores.compactMap { $0?.rfm.digits } == ["111", "311"])
    }

    @Test func repeatsWithoutAmountsGiveNoCLV() {
        let buyers: [PurchaseSummary?] = (0..<40).map { i in Self.buyer(1 + i % 4, recency: 3 * (i % 4) + i % 3, age: 40 + i, monetary: 0) }
        let (model, scores) = CustomerValueModel.fit(buyers, observationEnd: Self.end)
        #expect(model.bgnbd != nil && model.gammaGamma == nil)
        #expect(model.clvProblem == .noAmounts)
        #expect(scores.allSatisfy { $0?.clv == nil && $0?.probabilityAlive != nil })
    }

    @Test func oneBuyerIsAnsweredToo() {
        let (model, scores) = CustomerValueModel.fit([Self.buyer(3, recency: 20, age: 30, monetary: 12)], observationEnd: Self.end)
        #expect(model.buyers == 1 && model.repeatBuyers == 1)
        #expect(scores[0]?.rfm.digits == "111")
        // Whatever the fit makes of one buyer, it is said and the figures are finite or absent.
        if let p = scores[0]?.probabilityAlive { #expect(p >= 0 && p <= 1) }
        #expect(model.bgnbd != nil || model.bgnbdProblem != nil)
    }
}
