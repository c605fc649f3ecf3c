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

/// Every buyer's value figures in compact columns, in id order (UTF-8 bytes), with the
/// fitted models: what the dashboard shows, sorts and filters by. A customer without a
/// purchase has no row (and no figures). Built once in the background; stage changes leave it
/// valid (they change no purchase), so it is kept until the touchpoints or `as_of` change.
///
/// Memory: per buyer the id plus 18 bytes (figures as `Float`, about 7 significant digits,
/// more than any screen shows); the 1M-customer file's 323,668 buyers take about 11 MB.
public struct CustomerValueTable: Sendable {
    public let model: CustomerValueModel
    /// Every buyer's id, ascending by UTF-8 bytes (the streaming pass's order).
    public let ids: [String]
    /// Per row: purchase days (≥ 1).
    let purchases: [Int32]
    /// Per row; NaN where there is no figure.
    let probabilityAlive: [Float]
    let expectedPurchases90: [Float]
    let clv: [Float]
    /// Per row: R·100 + F·10 + M.
    let rfm: [UInt16]

    /// The table of `report` (its buyers in id order, as the streaming pass gives them).
    public init(_ report: CustomerValueReport) {
        var ids: [String] = [], purchases: [Int32] = [], rfm: [UInt16] = []
        var alive: [Float] = [], expected: [Float] = [], clv: [Float] = []
        for (i, score) in report.scores.enumerated() {
            guard let score else { continue }
            ids.append(report.customers.ids[i])
            purchases.append(Int32(clamping: score.summary.purchases))
            alive.append(Float(score.probabilityAlive ?? .nan))
            expected.append(Float(score.expectedPurchases90 ?? .nan))
            clv.append(Float(score.clv ?? .nan))
            rfm.append(UInt16(score.rfm.recency * 100 + score.rfm.frequency * 10 + score.rfm.monetary))
        }
        self.init(model: report.model, ids: ids, purchases: purchases, probabilityAlive: alive,
                  expectedPurchases90: expected, clv: clv, rfm: rfm)
    }

    /// A table from its columns (the side cache reads them back); all of one length, `ids` ascending.
    public init(model: CustomerValueModel, ids: [String], purchases: [Int32], probabilityAlive: [Float],
                expectedPurchases90: [Float], clv: [Float], rfm: [UInt16]) {
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

    /// Buyers in the table.
    public var count: Int { ids.count }

    /// The row of customer `id` (binary search over the ids' bytes); nil for a customer
    /// without a purchase or not in the snapshot.
    public func row(of id: String) -> Int? {
        var low = 0, high = ids.count
        while low < high {
            let mid = (low + high) / 2
            if ids[mid].utf8.lexicographicallyPrecedes(id.utf8) { low = mid + 1 } else { high = mid }
        }
        return low < ids.count && ids[low] == id ? low : nil
    }

    /// The figures of row `row`; nil for a customer without a purchase (row -1).
    public func figures(atRow row: Int) -> CustomerValueFigures? {
        guard row >= 0, purchases[row] > 0 else { return nil }   // -1: a customer without a row
        let digits = Int(rfm[row])
        return CustomerValueFigures(
            purchases: Int(purchases[row]), probabilityAlive: Self.optional(probabilityAlive[row]),
            expectedPurchases90: Self.optional(expectedPurchases90[row]), clv: Self.optional(clv[row]),
            rfm: RFMScore(recency: digits / 100, frequency: digits / 10 % 10, monetary: digits % 10))
    }

    /// The figures of customer `id`; nil for a non-buyer or a customer not in the table.
    public func figures(of id: String) -> CustomerValueFigures? { row(of: id).flatMap(figures(atRow:)) }

    /// The columns, for the side cache.
    public var columns: (purchases: [Int32], probabilityAlive: [Float], expectedPurchases90: [Float], clv: [Float], rfm: [UInt16]) {
        (purchases, probabilityAlive, expectedPurchases90, clv, rfm)
    }

    private static func optional(_ v: Float) -> Double? { v.isNaN ? nil : Double(v) }
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
