/// What the value models say of one customer, as lists, the journey and the funnel show it.
public struct CustomerValueFigures: Hashable, Sendable {
    /// Purchase days up to the observation end.
    public var purchases: Int
    public var probabilityAlive: Double?
    public var expectedPurchases90: Double?
    public var clv: Double?
    public var rfm: RFMScore

    public var rfmSegment: RFMSegment { rfm.segment }

    public init(purchases: Int, probabilityAlive: Double?, expectedPurchases90: Double?, clv: Double?, rfm: RFMScore) {
        self.purchases = purchases
        self.probabilityAlive = probabilityAlive
        self.expectedPurchases90 = expectedPurchases90
        self.clv = clv
        self.rfm = rfm
    }
}

/// Every customer's value figures in compact columns, in id order (UTF-8 bytes), with the
/// fitted models: what the dashboard shows, sorts and filters by. Built once from a
/// `CustomerValueReport` in the background; stage changes leave it valid (they change no
/// purchase), so it is kept until the touchpoints or `as_of` change.
///
/// Memory: the ids plus 26 bytes per customer (a million customers: about 40 MB).
public struct CustomerValueTable: Sendable {
    public let model: CustomerValueModel
    /// Every customer's id, ascending by UTF-8 bytes (the streaming pass's order).
    public let ids: [String]
    /// Per row: purchase days (0: not a buyer, no figures).
    let purchases: [Int32]
    /// Per row; NaN where there is no figure.
    let probabilityAlive: [Double]
    let expectedPurchases90: [Double]
    let clv: [Double]
    /// Per row: R·100 + F·10 + M (0 for a non-buyer).
    let rfm: [UInt16]

    /// The table of `report` (its customers in id order, as the streaming pass gives them).
    public init(_ report: CustomerValueReport) {
        let n = report.scores.count
        var purchases = [Int32](repeating: 0, count: n)
        var alive = [Double](repeating: .nan, count: n)
        var expected = [Double](repeating: .nan, count: n)
        var clv = [Double](repeating: .nan, count: n)
        var rfm = [UInt16](repeating: 0, count: n)
        for (i, score) in report.scores.enumerated() {
            guard let score else { continue }
            purchases[i] = Int32(clamping: score.summary.purchases)
            alive[i] = score.probabilityAlive ?? .nan
            expected[i] = score.expectedPurchases90 ?? .nan
            clv[i] = score.clv ?? .nan
            rfm[i] = UInt16(score.rfm.recency * 100 + score.rfm.frequency * 10 + score.rfm.monetary)
        }
        self.init(model: report.model, ids: report.customers.ids, purchases: purchases, probabilityAlive: alive,
                  expectedPurchases90: expected, clv: clv, rfm: rfm)
    }

    /// A table from its columns (the side cache reads them back); all of one length, `ids` ascending.
    public init(model: CustomerValueModel, ids: [String], purchases: [Int32], probabilityAlive: [Double],
                expectedPurchases90: [Double], clv: [Double], rfm: [UInt16]) {
        precondition([purchases.count, probabilityAlive.count, expectedPurchases90.count, clv.count, rfm.count]
            .allSatisfy { $0 == ids.count }, "value table columns differ in length")
        self.model = model
        self.ids = ids
        self.purchases = purchases
        self.probabilityAlive = probabilityAlive
        self.expectedPurchases90 = expectedPurchases90
        self.clv = clv
        self.rfm = rfm
    }

    /// Customers in the table (buyers or not).
    public var count: Int { ids.count }

    /// The row of customer `id` (binary search over the ids' bytes); nil when not in the table.
    public func row(of id: String) -> Int? {
        var low = 0, high = ids.count
        while low < high {
            let mid = (low + high) / 2
            if ids[mid].utf8.lexicographicallyPrecedes(id.utf8) { low = mid + 1 } else { high = mid }
        }
        return low < ids.count && ids[low] == id ? low : nil
    }

    /// The figures of row `row`; nil for a customer without a purchase.
    public func figures(atRow row: Int) -> CustomerValueFigures? {
        guard purchases[row] > 0 else { return nil }
        let digits = Int(rfm[row])
        return CustomerValueFigures(
            purchases: Int(purchases[row]), probabilityAlive: Self.optional(probabilityAlive[row]),
            expectedPurchases90: Self.optional(expectedPurchases90[row]), clv: Self.optional(clv[row]),
            rfm: RFMScore(recency: digits / 100, frequency: digits / 10 % 10, monetary: digits % 10))
    }

    /// The figures of customer `id`; nil for a non-buyer or a customer not in the table.
    public func figures(of id: String) -> CustomerValueFigures? { row(of: id).flatMap(figures(atRow:)) }

    /// The columns, for the side cache.
    public var columns: (purchases: [Int32], probabilityAlive: [Double], expectedPurchases90: [Double], clv: [Double], rfm: [UInt16]) {
        (purchases, probabilityAlive, expectedPurchases90, clv, rfm)
    }

    private static func optional(_ v: Double) -> Double? { v.isNaN ? nil : v }
}

/// Which customers a list shows by their value figures (the filter picker's value entries).
public enum ValueFilter: Hashable, Sendable {
    /// Buyers whose P(alive) is below `threshold` (the config's `at_risk_below`, default 0.5).
    case atRisk(below: Double)
    /// Buyers in this RFM segment.
    case rfmSegment(RFMSegment)
    /// Buyers whose CLV lies in [min, max) (nil: unbounded).
    case clv(min: Double?, max: Double?)

    /// True when a customer with `figures` (nil: no purchase) passes.
    public func accepts(_ figures: CustomerValueFigures?) -> Bool {
        guard let figures else { return false }
        switch self {
        case .atRisk(let below):
            guard let p = figures.probabilityAlive else { return false }
            return p < below
        case .rfmSegment(let segment): return figures.rfmSegment == segment
        case .clv(let min, let max):
            guard let v = figures.clv else { return false }
            return (min.map { v >= $0 } ?? true) && (max.map { v < $0 } ?? true)
        }
    }
}

extension SnapshotReading {
    /// Every customer's value figures with the default CLV settings (see `valueTable(lifetime:)`).
    public func valueTable() throws -> CustomerValueTable { try valueTable(lifetime: LifetimeValue()) }

    /// Fits the value models on every purchase up to `as_of` and returns every customer's
    /// figures as a table (one streaming pass plus the fits; slow on a big file: call it off
    /// the input path). A SQLite store keeps them in a side cache.
    public func valueTable(lifetime: LifetimeValue) throws -> CustomerValueTable { try computedValueTable(lifetime: lifetime) }

    /// The value figures, computed (never from a cache).
    public func computedValueTable(lifetime: LifetimeValue = LifetimeValue()) throws -> CustomerValueTable {
        let pass = try run(ValueTableAnalysis(observationEnd: info.asOf))
        return pass.table(pass.fit(lifetime: lifetime))
    }
}
