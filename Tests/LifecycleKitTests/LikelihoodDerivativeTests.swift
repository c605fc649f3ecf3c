import Foundation
import Testing
@testable import LifecycleKit

/// The fits' analytic gradients and Hessians (one pass over the data) against central
/// differences on the CDNOW sample, the special functions they need, and what a fit costs.
@Suite struct LikelihoodDerivativeTests {
    static let histories = WeightedHistories(ValueModelTests.sample.map(\.history))
    static let spends = ValueModelTests.sample.filter { $0.history.frequency > 0 && $0.monetary > 0 }
        .map { (frequency: $0.history.frequency, monetary: $0.monetary, weight: 1.0) }

    /// The gradient of `f` by central differences with Richardson's extrapolation (steps h and
    /// h/2, h = 1e-4 relative: error of order h⁴).
    static func centralGradient(_ f: ([Double]) -> Double, at x: [Double]) -> [Double] {
        x.indices.map { i in
            func difference(_ h: Double) -> Double {
                var up = x, down = x
                up[i] += h
                down[i] -= h
                return (f(up) - f(down)) / (2 * h)
            }
            let h = 1e-4 * max(abs(x[i]), 1e-3)
            return (4 * difference(h / 2) - difference(h)) / 3
        }
    }

    /// `got` is `want` to 1e-5 relative, each entry (against the largest entry where `want`
    /// is near zero, as a gradient at the optimum is).
    static func agree(_ got: [Double], _ want: [Double]) -> Bool {
        let scale = want.map(abs).max() ?? 1
        return zip(got, want).allSatisfy { abs($0 - $1) <= 1e-5 * max(abs($1), 1e-3 * scale) }
    }

    static func check(_ derivatives: ([Double]) -> Derivatives, _ value: ([Double]) -> Double, at p: [Double]) {
        let d = derivatives(p)
        #expect(d.value.bitPattern == value(p).bitPattern)
        let gradient = Self.centralGradient(value, at: p)
        #expect(Self.agree(d.gradient, gradient), "gradient \(d.gradient) vs \(gradient)")
        for i in p.indices {
            let row = Self.centralGradient({ derivatives($0).gradient[i] }, at: p)
            #expect(Self.agree(d.hessian[i], row), "Hessian row \(i): \(d.hessian[i]) vs \(row)")
        }
    }

    @Test(arguments: [[0.243, 4.414, 0.793, 2.426], [0.5, 10, 0.3, 4], [1.5, 2, 2.5, 0.9]])
    func bgnbdDerivativesMatchCentralDifferences(p: [Double]) {
        let likelihood = BGNBDLikelihood(Self.histories)
        func model(_ p: [Double]) -> BGNBD { BGNBD(r: p[0], alpha: p[1], a: p[2], b: p[3]) }
        Self.check({ likelihood.derivatives(model($0)) }, { likelihood.value(model($0)) }, at: p)
    }

    @Test(arguments: [[6.25, 3.74, 15.44], [2, 3, 30], [12, 1.5, 4]])
    func gammaGammaDerivativesMatchCentralDifferences(p: [Double]) {
        let likelihood = GammaGammaLikelihood(Self.spends)
        func model(_ p: [Double]) -> GammaGamma { GammaGamma(p: p[0], q: p[1], v: p[2]) }
        Self.check({ likelihood.derivatives(model($0)) }, { likelihood.value(model($0)) }, at: p)
    }

    /// Over the logs of the parameters (what the fits search), the chain rule, back and forth.
    @Test func derivativesInLogsMatchCentralDifferences() {
        let likelihood = BGNBDLikelihood(Self.histories)
        @Sendable func model(_ u: [Double]) -> BGNBD { BGNBD(r: exp(u[0]), alpha: exp(u[1]), a: exp(u[2]), b: exp(u[3])) }
        let derivatives = { (u: [Double]) in likelihood.derivatives(model(u)).inLogs(at: u.map(exp)) }
        let u = [log(0.5), log(10), log(0.3), log(4)]
        Self.check(derivatives, { likelihood.value(model($0)) }, at: u)
        let back = derivatives(u).fromLogs(at: u.map(exp)), natural = likelihood.derivatives(model(u))
        #expect(Self.agree(back.gradient, natural.gradient))
        #expect(zip(back.hessian, natural.hessian).allSatisfy { Self.agree($0, $1) })
    }

    /// Summed in two halves on two threads (over 20,000 histories), the value keeps the bits
    /// of `value(_:)`.
    @Test func derivativesOfManyHistoriesKeepTheValue() {
        let data = FastLikelihoodTests.histories(30_000)
        let likelihood = BGNBDLikelihood(data), model = BGNBD(r: 0.3, alpha: 25, a: 0.8, b: 2.5)
        #expect(likelihood.derivatives(model).value.bitPattern == likelihood.value(model).bitPattern)
    }

    @Test func digammaAndTrigammaHaveTheirKnownValues() {
        let eulerGamma = 0.5772156649015329
        let cases: [(Double, Double, Double)] = [  // x, ψ(x), ψ′(x)
            (1, -eulerGamma, Double.pi * Double.pi / 6),
            (0.5, -eulerGamma - 2 * log(2.0), Double.pi * Double.pi / 2),
            (2, 1 - eulerGamma, Double.pi * Double.pi / 6 - 1),
            (0.25, -eulerGamma - Double.pi / 2 - 3 * log(2.0), Double.pi * Double.pi + 8 * 0.915965594177219015),
        ]
        for (x, psi, tri) in cases {
            #expect(abs(SpecialFunctions.digamma(x) - psi) < 1e-13 * max(1, abs(psi)), "ψ(\(x))")
            #expect(abs(SpecialFunctions.trigamma(x) - tri) < 1e-13 * tri, "ψ′(\(x))")
        }
        // Above the recurrence's threshold: the derivative of ln Γ by central differences.
        for x in [10.0, 37.5, 1_000, 2e6] {
            let h = 1e-4 * x
            #expect(abs(SpecialFunctions.digamma(x) - (lgamma(x + h) - lgamma(x - h)) / (2 * h)) < 1e-7 * log(x))
        }
        // ψ(x + 1) = ψ(x) + 1/x across the threshold.
        #expect(abs(SpecialFunctions.digamma(10.5) - SpecialFunctions.digamma(9.5) - 1 / 9.5) < 1e-15)
    }

    @Test func logAddExpAndShareHasTheBitsOfLogAddExp() {
        let pairs: [(Double, Double)] = [(0, 0), (-3, 2), (2, -3), (-745, 0), (700, 709), (-.infinity, 1), (1, -.infinity), (-50.25, -50.5)]
        for (a, b) in pairs {
            let (value, share) = SpecialFunctions.logAddExpAndShare(a, b)
            #expect(value.bitPattern == SpecialFunctions.logAddExp(a, b).bitPattern)
            #expect(abs(share - exp(b - value)) <= 1e-12 * share)
        }
    }

    /// From the sample's optimum, Newton on every term needs a few passes over them (the
    /// numerical Hessian took 33 evaluations per step and 33 more for the standard errors).
    @Test func aSampledFitPassesOverEveryTermAFewTimes() throws {
        let likelihood = BGNBDLikelihood(Self.histories)
        let values = Protected(0), passes = Protected(0)
        @Sendable func model(_ u: [Double]) -> BGNBD { BGNBD(r: exp(u[0]), alpha: exp(u[1]), a: exp(u[2]), b: exp(u[3])) }
        let minimizer = Minimizer(function: { u in
            values.withLock { $0 += 1 }
            return -likelihood.value(model(u))
        }) { u in
            passes.withLock { $0 += 1 }
            return likelihood.derivatives(model(u)).negated.inLogs(at: u.map(exp))
        }
        let sample = try #require(FitSample.of(Self.histories.weights, limit: 200))
        var sampled = WeightedHistories()
        for (i, w) in sample { sampled.add(Self.histories.histories[i], weight: w) }
        let approximation = BGNBDLikelihood(sampled)
        let result = minimizer.minimize(from: [log(0.5), log(8), log(0.5), log(2)]) { u in -approximation.value(model(u)) }
        #expect(values.withLock { $0 } == 0)
        #expect(passes.withLock { $0 } <= 6, "\(passes.withLock { $0 }) passes")
        #expect(abs(exp(result.point[0]) - ValueModelTests.bgnbd.model.r) < 1e-6)
        #expect(result.derivatives != nil)
    }
}
