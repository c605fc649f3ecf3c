/// Measured values (seconds or bytes) and the order statistics the table shows.
struct Samples: Sendable {
    var values: [Double]

    init(_ values: [Double]) { self.values = values }

    var count: Int { values.count }
    var median: Double { percentile(0.50) }
    var p99: Double { percentile(0.99) }
    var max: Double { values.max() ?? .nan }

    /// Nearest-rank percentile (`p` in 0…1); NaN without values.
    func percentile(_ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let rank = Int((Double(sorted.count) * p).rounded(.up))
        return sorted[Swift.max(0, Swift.min(sorted.count - 1, rank - 1))]
    }

    static func + (a: Samples, b: Samples) -> Samples { Samples(a.values + b.values) }
}
