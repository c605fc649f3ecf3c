import Testing
@testable import LifecycleKit

/// The fits' likelihoods, arranged for speed, give the models' own log-likelihoods: the same
/// bits below `LikelihoodSum.parallelFrom` terms, and to 1e-12 when summed on two threads.
@Suite struct FastLikelihoodTests {
    static func histories(_ n: Int) -> WeightedHistories {
        var data = WeightedHistories()
        for i in 0..<n {
            let x = Double(i % 7), age = Double(30 + i % 500)
            data.add(PurchaseHistory(frequency: x, recency: x == 0 ? 0 : Double(i % 29), age: age), weight: Double(1 + i % 3))
        }
        return data
    }

    @Test(arguments: [300, 30_000]) func bgnbdMatchesTheModel(n: Int) {
        let data = Self.histories(n)
        let model = BGNBD(r: 0.3, alpha: 25, a: 0.8, b: 2.5)
        let fast = BGNBDLikelihood(data).value(model), plain = model.logLikelihood(data)
        if n < LikelihoodSum.parallelFrom { #expect(fast == plain) } else { #expect(abs(fast / plain - 1) < 1e-12) }
    }

    @Test(arguments: [300, 30_000]) func gammaGammaMatchesTheModel(n: Int) {
        var buyers: [(frequency: Double, monetary: Double, weight: Double)] = []
        for i in 0..<n {
            let amount: Double = 5 + Double(i % 97) * 1.5
            buyers.append((Double(1 + i % 9), amount, Double(1 + i % 2)))
        }
        let model = GammaGamma(p: 6, q: 3.7, v: 15)
        let fast = GammaGammaLikelihood(buyers).value(model)
        var plain = 0.0
        for b in buyers { plain = plain + b.weight * model.logLikelihood(frequency: b.frequency, monetary: b.monetary) }
        if n < LikelihoodSum.parallelFrom { #expect(fast == plain) } else { #expect(abs(fast / plain - 1) < 1e-12) }
    }
}
