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
}
