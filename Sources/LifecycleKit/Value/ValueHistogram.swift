/// Counts of values in bins of equal width, for the model screen's histograms.
public struct ValueHistogram: Hashable, Sendable {
    /// Each bin's lower bound; bin k holds [lower[k], lower[k + 1]), the last one its upper bound too.
    public var lower: [Double]
    public var upper: Double
    public var counts: [Int]

    /// `bins` bins of equal width over [low, high] (high > low, or one bin).
    public static func of(_ values: some Sequence<Double>, bins: Int, low: Double, high: Double) -> ValueHistogram {
        let n = max(1, bins)
        let width = high > low ? (high - low) / Double(n) : 1
        var counts = Array(repeating: 0, count: n)
        for v in values where v.isFinite {
            // (v − low) · n / span, not (v − low) / width: 0.3 lands in 30–40 %, not 20–30 %.
            let k = high > low ? ((v - low) * Double(n) / (high - low)).rounded(.down) : 0
            counts[max(0, min(n - 1, Int(k)))] += 1
        }
        return ValueHistogram(lower: (0..<n).map { low + Double($0) * width }, upper: high > low ? high : low + width, counts: counts)
    }

    public var total: Int { counts.reduce(0, +) }
}

extension CustomerValueTable {
    /// P(alive) of every buyer that has one, in ten bins of 10 %.
    public func probabilityAliveHistogram(bins: Int = 10) -> ValueHistogram {
        ValueHistogram.of(probabilityAlive.lazy.filter { !$0.isNaN }.map(Double.init), bins: bins, low: 0, high: 1)
    }

    /// CLV of every buyer that has one, in `bins` bins from 0 (or the least, when below) to the
    /// largest; nil when no buyer has a CLV.
    public func clvHistogram(bins: Int = 8) -> ValueHistogram? {
        let values = clv.filter { !$0.isNaN }.map(Double.init)
        guard let top = values.max(), let least = values.min() else { return nil }
        return ValueHistogram.of(values, bins: bins, low: min(0, least), high: top)
    }
}
