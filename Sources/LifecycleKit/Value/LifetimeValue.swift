import Foundation

/// Customer lifetime value: the expected purchases of each month ahead (BG/NBD) times the
/// expected average amount (Gamma-Gamma), discounted monthly — `lifetimes`'
/// `customer_lifetime_value(time=months, discount_rate=discount, freq=…)`:
/// Σ_{m=1…months} (E[N(m·L)] − E[N((m−1)·L)]) · E[Z] / (1 + discount)^m, with L the month's
/// length in the models' time unit (30 days; 4.345 weeks).
public struct LifetimeValue: Hashable, Sendable, Codable {
    public var months: Int
    public var discount: Double
    public var monthLength: Double

    public init(months: Int = 12, discount: Double = 0.01, monthLength: Double = 30) {
        self.months = months
        self.discount = discount
        self.monthLength = monthLength
    }

    public func value(_ h: PurchaseHistory, averageAmount: Double, model: BGNBD) -> Double {
        var total = 0.0
        var before = 0.0
        for m in 1...max(1, months) where months > 0 {
            let cumulative = model.expectedPurchases(within: Double(m) * monthLength, h)
            total += (cumulative - before) * averageAmount / pow(1 + discount, Double(m))
            before = cumulative
        }
        return total
    }
}
