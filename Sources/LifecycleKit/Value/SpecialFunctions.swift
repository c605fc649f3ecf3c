import Foundation

/// The special functions the customer-value models need, in log space where values overflow.
enum SpecialFunctions {
    /// ln Γ(x) for x > 0.
    static func logGamma(_ x: Double) -> Double { lgamma(x) }

    /// ψ(x) = d ln Γ(x) / dx for x > 0: the recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 10, then
    /// the asymptotic series (error below 1e-15 relative there).
    static func digamma(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return x == .infinity ? .infinity : .nan }
        var x = x, shift = 0.0
        while x < 10 { shift -= 1 / x; x += 1 }
        let s = 1 / (x * x)
        let series = s * (1.0 / 12 - s * (1.0 / 120 - s * (1.0 / 252 - s * (1.0 / 240 - s * (1.0 / 132)))))
        return shift + log(x) - 0.5 / x - series
    }

    /// ψ′(x) = d² ln Γ(x) / dx² for x > 0: ψ′(x) = ψ′(x + 1) + 1/x² up to x ≥ 10, then the
    /// asymptotic series.
    static func trigamma(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return x == .infinity ? 0 : .nan }
        var x = x, shift = 0.0
        while x < 10 { shift += 1 / (x * x); x += 1 }
        let s = 1 / (x * x)
        let series = 1 + s * (1.0 / 6 - s * (1.0 / 30 - s * (1.0 / 42 - s * (1.0 / 30 - s * (5.0 / 66)))))
        return shift + (series / x + 0.5 * s)
    }

    /// ln(e^a + e^b), exact for very different magnitudes: m + ln(e^(a−m) + e^(b−m)) with
    /// m = max(a, b). For finite a and b one of the two powers is e^0, exactly 1, so only the
    /// other is computed (the same bits, one `exp` fewer per likelihood term).
    static func logAddExp(_ a: Double, _ b: Double) -> Double {
        if a == -.infinity { return b }
        if b == -.infinity { return a }
        guard a.isFinite, b.isFinite else {
            let m = max(a, b)
            return m + log(exp(a - m) + exp(b - m))
        }
        return a >= b ? a + log(1 + exp(b - a)) : b + log(exp(a - b) + 1)
    }

    /// `logAddExp(a, b)` (the very bits) with e^b / (e^a + e^b), the share of the second term,
    /// from the same power: what the derivatives of a log-sum need.
    static func logAddExpAndShare(_ a: Double, _ b: Double) -> (value: Double, share: Double) {
        guard a.isFinite, b.isFinite else {
            let value = logAddExp(a, b)
            return (value, exp(b - value))
        }
        if a >= b {
            let e = exp(b - a)
            return (a + log(1 + e), e / (1 + e))
        }
        let e = exp(a - b)
        return (b + log(e + 1), 1 / (e + 1))
    }

    /// ln ₂F₁(a, b; c; z) for 0 ≤ z < 1 by its power series (c not 0, −1, −2…); nil when the
    /// sum is not positive or does not converge.
    static func logHypergeometric2F1(_ a: Double, _ b: Double, _ c: Double, _ z: Double) -> Double? {
        guard z >= 0, z < 1 else { return nil }
        var term = 1.0
        var sum = 1.0
        var n = 0.0
        while n < 100_000 {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z
            sum += term
            n += 1
            if !sum.isFinite { return nil }   // before the test below, which an infinite sum passes
            if abs(term) <= 1e-17 * abs(sum) { return sum > 0 ? log(sum) : nil }
        }
        return nil
    }

    /// ln ₂F₁(a, b; c; z) through Euler's transformation, ₂F₁(a, b; c; z) =
    /// (1 − z)^(c−a−b) ₂F₁(c − a, c − b; c; z): for the models' large a and b (they grow with a
    /// customer's purchases) the transformed series has small parameters and stays finite.
    static func logHypergeometric2F1Euler(_ a: Double, _ b: Double, _ c: Double, _ z: Double) -> Double? {
        guard let rest = logHypergeometric2F1(c - a, c - b, c, z) else { return logHypergeometric2F1(a, b, c, z) }
        return (c - a - b) * log1p(-z) + rest
    }
}
