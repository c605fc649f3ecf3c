import Testing
@testable import LifecycleKit

/// Large fits run the simplex on a sample of the terms and polish on all of them: they end where
/// the simplex on every term ends (the CDNOW sample with a low `sampleAbove`).
@Suite struct SampledFitTests {
    static func relative(_ a: Double, _ b: Double) -> Double { abs(a - b) / abs(b) }

    @Test func theSampleKeepsHeavyTermsAndTheTotalWeight() throws {
        let weights: [Double] = (0..<1_000).map { $0 % 100 == 0 ? 50 : 1 }
        let sample = try #require(FitSample.of(weights, limit: 100))
        #expect(FitSample.of(weights, limit: 1_000) == nil)
        #expect(sample.count < 200)
        #expect(sample.filter { weights[$0.index] == 50 }.count == 10)
        #expect(abs(sample.reduce(0) { $0 + $1.weight } - weights.reduce(0, +)) < 1e-9)
        #expect(sample.map(\.index) == sample.map(\.index).sorted())
    }

    @Test func bgnbdFromASampleEndsAtTheFullFit() throws {
        let data = WeightedHistories(ValueModelTests.sample.map(\.history))
        let sampled = try #require(BGNBD.fit(data, sampleAbove: 200))
        let full = ValueModelTests.bgnbd
        #expect(FitSample.of(data.weights, limit: 200) != nil)
        for (ours, theirs) in [(sampled.model.r, full.model.r), (sampled.model.alpha, full.model.alpha),
                               (sampled.model.a, full.model.a), (sampled.model.b, full.model.b)] {
            #expect(Self.relative(ours, theirs) < 1e-6, "\(ours) vs \(theirs)")
        }
        #expect(abs(sampled.logLikelihood - full.logLikelihood) < 1e-6)
        #expect(sampled.converged)
    }

    @Test func gammaGammaFromASampleEndsAtTheFullFit() throws {
        let buyers = ValueModelTests.sample.map { ($0.history.frequency, $0.monetary, 1.0) }
        let sampled = try #require(GammaGamma.fit(buyers, sampleAbove: 100))
        let full = try #require(GammaGamma.fit(buyers))
        for (ours, theirs) in [(sampled.model.p, full.model.p), (sampled.model.q, full.model.q), (sampled.model.v, full.model.v)] {
            #expect(Self.relative(ours, theirs) < 1e-6, "\(ours) vs \(theirs)")
        }
        #expect(sampled.converged)
    }

    /// The CDNOW sample (2,357 buyers) is fitted whole, as the paper fits it.
    @Test func theCDNOWSampleIsNotSampled() {
        #expect(FitSample.of(WeightedHistories(ValueModelTests.sample.map(\.history)).weights) == nil)
    }

    /// Histories gathered by whole days are those of the plain gathering, in the same order,
    /// and take more histories afterwards.
    @Test func historiesByDaysAreThePlainOnes() {
        let buyers: [PurchaseSummary] = (0..<3_000).map { i in
            PurchaseSummary(purchases: 1 + i % 6, recencyDays: i % 6 == 0 ? 0 : i % 50, ageDays: 60 + i % 70, monetary: 0, total: 0)
        }
        var byDays = WeightedHistories(days: buyers)
        var plain = WeightedHistories(buyers.map(\.history))
        #expect(byDays.histories == plain.histories && byDays.weights == plain.weights)
        #expect(byDays.histories.count < 3_000)
        let known = buyers[7].history, new = PurchaseHistory(frequency: 9, recency: 1_000, age: 2_000)
        for h in [known, new] {
            byDays.add(h, weight: 2)
            plain.add(h, weight: 2)
        }
        #expect(byDays.histories == plain.histories && byDays.weights == plain.weights)
        let odd = [PurchaseSummary(purchases: 2, recencyDays: 3, ageDays: 1 << 22, monetary: 0, total: 0)]
        #expect(WeightedHistories(days: odd).histories == [odd[0].history])
    }
}
