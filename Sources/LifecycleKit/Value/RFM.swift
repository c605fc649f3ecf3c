/// RFM scores over the buyers: R = days since the last purchase day (fewer is better),
/// F = purchase days, M = total amount. Each score is 1 + ⌊5 × (buyers strictly worse) ÷
/// buyers⌋, so equal values score equally; `rfm` is the three digits (`"545"`).
public struct RFMScore: Hashable, Sendable, Codable {
    public var recency: Int
    public var frequency: Int
    public var monetary: Int

    public var digits: String { "\(recency)\(frequency)\(monetary)" }
    public var segment: RFMSegment { RFMSegment(recency: recency, frequency: frequency) }

    /// The scores of every summary, in the same order.
    public static func scores(_ buyers: [PurchaseSummary]) -> [RFMScore] {
        let columns = Self.columns(buyers)
        return buyers.indices.map { columns.score($0) }
    }

    /// The three scores of every summary as columns of bytes (a million buyers: 3 MB).
    struct Columns {
        var r: [UInt8], f: [UInt8], m: [UInt8]
        func score(_ i: Int) -> RFMScore { RFMScore(recency: Int(r[i]), frequency: Int(f[i]), monetary: Int(m[i])) }
    }

    static func columns(_ buyers: [PurchaseSummary]) -> Columns {
        Columns(r: Self.ranks(buyers.map { -Double($0.daysSinceLast) }), f: Self.ranks(buyers.map { Double($0.purchases) }),
                m: Self.ranks(buyers.map(\.total)))
    }

    /// 1 + ⌊5 × (values strictly below) ÷ count⌋ per value (higher is better).
    static func ranks(_ values: [Double]) -> [UInt8] {
        let sorted = values.sorted()
        let n = values.count
        return values.map { v in
            var low = 0, high = n
            while low < high {
                let mid = (low + high) / 2
                if sorted[mid] < v { low = mid + 1 } else { high = mid }
            }
            return UInt8(1 + 5 * low / n)
        }
    }
}

/// The common RFM segment map, by the R and F scores:
///
/// | R \ F | 1 | 2 | 3 | 4 | 5 |
/// | --- | --- | --- | --- | --- | --- |
/// | 5 | New | Potential loyalist | Potential loyalist | Champions | Champions |
/// | 4 | Promising | Potential loyalist | Potential loyalist | Loyal | Loyal |
/// | 3 | About to sleep | About to sleep | Need attention | Loyal | Loyal |
/// | 2 | Hibernating | Hibernating | At risk | At risk | Can't lose |
/// | 1 | Lost | Hibernating | At risk | At risk | Can't lose |
public enum RFMSegment: String, CaseIterable, Hashable, Sendable, Codable {
    case champions = "Champions"
    case loyal = "Loyal"
    case potentialLoyalist = "Potential loyalist"
    case new = "New"
    case promising = "Promising"
    case needAttention = "Need attention"
    case aboutToSleep = "About to sleep"
    case atRisk = "At risk"
    case cantLose = "Can't lose"
    case hibernating = "Hibernating"
    case lost = "Lost"

    public init(recency r: Int, frequency f: Int) {
        switch (r, f) {
        case (5, 4...): self = .champions
        case (3...4, 4...): self = .loyal
        case (4...5, 2...3): self = .potentialLoyalist
        case (5, _): self = .new
        case (4, _): self = .promising
        case (3, 3): self = .needAttention
        case (3, _): self = .aboutToSleep
        case (_, 5): self = .cantLose
        case (_, 3...4): self = .atRisk
        case (1, 1): self = .lost
        default: self = .hibernating
        }
    }
}
