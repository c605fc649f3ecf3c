import Foundation
import Testing
@testable import LifecycleKit

/// BG/NBD and Gamma-Gamma on the CDNOW sample of Fader, Hardie & Lee (2,357 buyers, weeks,
/// 39-week calibration): the published parameters, log-likelihood and a worked value.
@Suite struct ValueModelTests {
    /// (x, t_x, T, mean repeat amount) per buyer, from lifetimes' datasets folder.
    static let sample: [(history: PurchaseHistory, monetary: Double)] = {
        let text = try! String(contentsOfFile: Fixtures.fixturePath("cdnow-sample-summary.csv"), encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).dropFirst().map { line in
            let f = line.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces))! }
            return (PurchaseHistory(frequency: f[1], recency: f[2], age: f[3]), f[4])
        }
    }()

    static let bgnbd = BGNBD.fit(WeightedHistories(sample.map(\.history)))!

    /// `value` shown to `digits` decimals is `published` (±1 in the last digit).
    func matches(_ value: Double, _ published: Double, digits: Int) -> Bool {
        let scale = pow(10, Double(digits))
        return abs((value * scale).rounded() - published * scale) <= 1
    }

    @Test func theSampleIsTheOneOfThePaper() {
        #expect(Self.sample.count == 2357)
        #expect(Self.sample.filter { $0.history.frequency > 0 }.count == 946)
    }

    @Test func bgnbdReproducesThePublishedFit() {
        let m = Self.bgnbd.model
        #expect(matches(m.r, 0.243, digits: 3), "r \(m.r)")
        #expect(matches(m.alpha, 4.414, digits: 3), "alpha \(m.alpha)")
        #expect(matches(m.a, 0.793, digits: 3), "a \(m.a)")
        #expect(matches(m.b, 2.426, digits: 3), "b \(m.b)")
        #expect(matches(Self.bgnbd.logLikelihood, -9582.4, digits: 1), "LL \(Self.bgnbd.logLikelihood)")
        #expect(Self.bgnbd.converged)
        #expect(Self.bgnbd.standardErrors?.count == 4)
    }

    @Test func theWorkedExampleOfThePaper() {
        // E[purchases in the next 39 weeks | x = 2, t_x = 30.43, T = 38.86] ≈ 1.226.
        let e = Self.bgnbd.model.expectedPurchases(within: 39, PurchaseHistory(frequency: 2, recency: 30.43, age: 38.86))
        #expect(matches(e, 1.226, digits: 3), "\(e)")
    }

    @Test func gammaGammaReproducesThePublishedFit() throws {
        let fit = try #require(GammaGamma.fit(Self.sample.map { ($0.history.frequency, $0.monetary, 1) }))
        #expect(matches(fit.model.p, 6.25, digits: 2), "p \(fit.model.p)")
        #expect(matches(fit.model.q, 3.74, digits: 2), "q \(fit.model.q)")
        #expect(matches(fit.model.v, 15.44, digits: 2), "v \(fit.model.v)")
    }

    @Test func aliveAndExpectedPurchasesBehave() {
        let m = Self.bgnbd.model
        // Never repeated: alive by the model's assumption.
        #expect(m.probabilityAlive(PurchaseHistory(frequency: 0, recency: 0, age: 30)) == 1)
        // The same purchases, the last one longer ago: less likely alive, fewer expected.
        let recent = PurchaseHistory(frequency: 3, recency: 35, age: 38)
        let lapsed = PurchaseHistory(frequency: 3, recency: 5, age: 38)
        #expect(m.probabilityAlive(recent) > m.probabilityAlive(lapsed))
        #expect(m.expectedPurchases(within: 10, recent) > m.expectedPurchases(within: 10, lapsed))
        #expect(m.expectedPurchases(within: 0, recent) == 0)
        // Cumulative: more time, more purchases.
        #expect(m.expectedPurchases(within: 20, recent) < m.expectedPurchases(within: 40, recent))
    }

    /// A fit whose a and b run off together (everyone drops out with the same probability
    /// a / (a + b), as on the generator's data) still gives finite figures: the hypergeometric
    /// series that overflows is caught, not returned as infinity (it made E[X] −∞ and CLV null).
    @Test func expectedPurchasesStayFiniteWhenDropoutHasNoHeterogeneity() {
        let h = PurchaseHistory(frequency: 3, recency: 19, age: 104)
        let huge = BGNBD(r: 1.2447, alpha: 27.2831, a: 1_828_451, b: 8_409_159)
        let larger = BGNBD(r: 1.2447, alpha: 27.2831, a: 182_845_100, b: 840_915_900)
        let e = huge.expectedPurchases(within: 90, h), limit = larger.expectedPurchases(within: 90, h)
        #expect(e.isFinite && e > 0)
        #expect(abs(e - limit) / limit < 1e-4)
        #expect(SpecialFunctions.logHypergeometric2F1(10_000_000, 1_828_451, 10_237_610, 0.4) == nil)
    }
}

/// The same data through Python's `lifetimes` 0.11.3 (its BetaGeoFitter, GammaGammaFitter and
/// customer_lifetime_value with time=12, discount_rate=0.01, freq="W"), numbers copied here:
/// parameters agree to 0.1 %, per-buyer figures to 3 decimals.
@Suite struct LifetimesAgreementTests {
    static let lifetimesBGNBD = BGNBD(r: 0.242592928279822, alpha: 4.413532265271825, a: 0.7928859664406758, b: 2.4257523826258134)
    static let lifetimesGG = GammaGamma(p: 6.248802496075072, q: 3.744588460923138, v: 15.44774806492988)
    /// Rows 0, 1, 9, 100, 1000: P(alive), E[purchases in 13 weeks], E[Z], CLV.
    static let rows: [(row: Int, alive: Double, expected13: Double, amount: Double, clv: Double)] = [
        (0, 0.72660914, 0.45715678716585545, 24.658616189236568, 36.27849576362572),
        (1, 0.21222739, 0.07469799170558841, 18.91147986992935, 4.637466328569656),
        (9, 1.0, 0.0698112375095285, 35.17100215250669, 8.344093121809827),
        (100, 0.86295004, 1.2705545051879437, 18.899360577049087, 74.9705042198837),
        (1000, 1.0, 0.0790921602367679, 35.17100215250669, 9.353455768784492),
    ]

    static func relative(_ a: Double, _ b: Double) -> Double { abs(a - b) / abs(b) }

    @Test func parametersAgreeToATenthOfAPercent() throws {
        let m = ValueModelTests.bgnbd.model
        for (ours, theirs) in [(m.r, Self.lifetimesBGNBD.r), (m.alpha, Self.lifetimesBGNBD.alpha), (m.a, Self.lifetimesBGNBD.a), (m.b, Self.lifetimesBGNBD.b)] {
            #expect(Self.relative(ours, theirs) < 0.001, "\(ours) vs \(theirs)")
        }
        let gg = try #require(GammaGamma.fit(ValueModelTests.sample.map { ($0.history.frequency, $0.monetary, 1) })).model
        for (ours, theirs) in [(gg.p, Self.lifetimesGG.p), (gg.q, Self.lifetimesGG.q), (gg.v, Self.lifetimesGG.v)] {
            #expect(Self.relative(ours, theirs) < 0.001, "\(ours) vs \(theirs)")
        }
    }

    @Test func perBuyerFiguresAgreeToThreeDecimals() throws {
        let m = ValueModelTests.bgnbd.model
        let gg = try #require(GammaGamma.fit(ValueModelTests.sample.map { ($0.history.frequency, $0.monetary, 1) })).model
        let clv = LifetimeValue(months: 12, discount: 0.01, monthLength: 4.345)
        for r in Self.rows {
            let (h, monetary) = ValueModelTests.sample[r.row]
            let amount = gg.expectedAverageAmount(frequency: h.frequency, monetary: monetary)
            #expect(abs(m.probabilityAlive(h) - r.alive) < 0.0005, "row \(r.row)")
            #expect(abs(m.expectedPurchases(within: 13, h) - r.expected13) < 0.0005, "row \(r.row)")
            #expect(abs(amount - r.amount) < 0.0005, "row \(r.row): \(amount)")
            #expect(abs(clv.value(h, averageAmount: amount, model: m) - r.clv) < 0.0005, "row \(r.row): \(clv.value(h, averageAmount: amount, model: m))")
        }
    }
}
