import Foundation
import Testing
@testable import LifecycleKit

/// The shortcuts of the fits' arithmetic give the very bits of the plain formulas, so a fit
/// ends where it did before them.
@Suite struct FitArithmeticTests {
    /// ln(e^a + e^b) as it was computed before: both powers.
    static func plainLogAddExp(_ a: Double, _ b: Double) -> Double {
        if a == -.infinity { return b }
        if b == -.infinity { return a }
        let m = max(a, b)
        return m + log(exp(a - m) + exp(b - m))
    }

    static func same(_ x: Double, _ y: Double) -> Bool { x.bitPattern == y.bitPattern || (x.isNaN && y.isNaN) }

    @Test func logAddExpHasTheBitsOfBothPowers() {
        var generator = SystemRandomNumberGenerator()
        var pairs: [(Double, Double)] = [(0, 0), (-0.0, 0), (1, 1), (-745, 0), (0, -745), (700, 709), (-1e-300, 1e-300),
                                         (.infinity, 1), (1, .infinity), (.infinity, .infinity), (-.infinity, 2), (3, -.infinity),
                                         (.nan, 1), (1, .nan), (-.infinity, -.infinity)]
        for _ in 0..<200_000 {
            let scale = [1.0, 10, 100, 1_000][Int.random(in: 0..<4, using: &generator)]
            pairs.append((Double.random(in: -scale...scale, using: &generator), Double.random(in: -scale...scale, using: &generator)))
        }
        let different = pairs.filter { !Self.same(SpecialFunctions.logAddExp($0.0, $0.1), Self.plainLogAddExp($0.0, $0.1)) }
        #expect(different.isEmpty, "\(different.prefix(5))")
    }

    /// The derivatives as they were computed before: each point in turn, where it is used.
    static func plainDerivatives(_ f: ([Double]) -> Double, at x: [Double], value f0: Double) -> (gradient: [Double], hessian: [[Double]]) {
        let n = x.count
        let steps = x.map { 1e-4 * max(1, abs($0)) }
        var h = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        var g = Array(repeating: 0.0, count: n)
        for i in 0..<n {
            for j in i..<n {
                func at(_ di: Double, _ dj: Double) -> Double {
                    var p = x
                    p[i] += di * steps[i]
                    p[j] += dj * steps[j]
                    return f(p)
                }
                if i == j {
                    let (up, down) = (at(1, 0), at(-1, 0))
                    g[i] = (up - down) / (2 * steps[i])
                    h[i][i] = (up - 2 * f0 + down) / (steps[i] * steps[i])
                } else {
                    h[i][j] = (at(1, 1) - at(1, -1) - at(-1, 1) + at(-1, -1)) / (4 * steps[i] * steps[j])
                    h[j][i] = h[i][j]
                }
            }
        }
        return (g, h)
    }

    @Test func derivativesOnTwoThreadsHaveTheBitsOfOneAfterTheOther() throws {
        // A BG/NBD likelihood big enough to be summed in halves (over 20,000 distinct histories).
        var data = WeightedHistories()
        for k in 0..<30_000 {
            let x = Double(k % 17), age = Double(40 + k % 311)
            data.add(PurchaseHistory(frequency: x, recency: x == 0 ? 0 : Double(k % 37) * age / 37, age: age), weight: Double(1 + k % 3))
        }
        let likelihood = BGNBDLikelihood(data)
        let f: @Sendable ([Double]) -> Double = { p in
            -likelihood.value(BGNBD(r: exp(p[0]), alpha: exp(p[1]), a: exp(p[2]), b: exp(p[3])))
        }
        let starts: [[Double]] = [[log(0.25), log(33), log(0.78), log(2.39)], [0.1, 2, -1, 1.5]]
        for x in starts {
            let f0 = f(x)
            let got = try #require(Minimizer.derivatives(f, at: x, value: f0))
            let plain = Self.plainDerivatives(f, at: x, value: f0)
            #expect(zip(got.gradient, plain.gradient).allSatisfy { Self.same($0, $1) })
            #expect(zip(got.hessian.joined(), plain.hessian.joined()).allSatisfy { Self.same($0, $1) })
        }
    }
}
