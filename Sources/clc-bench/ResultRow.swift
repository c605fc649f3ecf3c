/// One line of the result table: our figures, the reference's, and the limit of the issue.
struct ResultRow {
    /// `count`: how many times something happened (failed moves, say).
    enum Unit { case seconds, bytes, count }

    /// What a row must satisfy.
    enum Limit {
        /// Our median at most this multiple of the reference's.
        case ratio(Double)
        /// Our 99th percentile (with few samples, the maximum) at most this.
        case p99(Double)
    }

    var target: String
    var unit: Unit
    var ours: Samples
    var reference = ""
    var referenceMedian: Double?
    var limit: Limit?
    /// Why the measurement did not run (the row has no figures then).
    var failure: String?

    /// Our median over the reference's.
    var ratio: Double? { referenceMedian.map { ours.median / $0 } }

    /// Nil when there is no limit or nothing was measured.
    var met: Bool? {
        guard failure == nil, let limit else { return nil }
        switch limit {
        case .ratio(let r): return ratio.map { $0 <= r }
        case .p99(let v): return ours.p99 <= v
        }
    }

    static func failed(_ target: String, _ reason: String) -> ResultRow {
        ResultRow(target: target, unit: .seconds, ours: Samples([]), failure: reason)
    }
}

/// What one measurement found: its rows and the notes printed under the table.
struct Measured {
    var rows: [ResultRow] = []
    var notes: [String] = []
}
