/// The streaming pass behind `CustomerValueTable`, kept small for a million customers: every
/// id, and the purchase summaries of the buyers alone with their rows (no names, no scores
/// per customer as values: the table's columns are filled straight from the model).
public struct ValueTableAnalysis: Analysis {
    public let observationEnd: Timestamp
    public private(set) var ids: [String] = []
    /// The buyers' summaries, in id order, and each one's row in `ids`.
    public private(set) var buyers: [PurchaseSummary] = []
    public private(set) var buyerRows: [Int32] = []
    public var needs: JourneyNeeds { .purchases }

    public init(observationEnd: Timestamp) { self.observationEnd = observationEnd }

    public mutating func add(_ c: CustomerRecord) {
        let purchases = c.touchpoints.lazy.filter { $0.type == "purchase" }.map { (at: $0.at, value: $0.value) }
        if let summary = PurchaseSummary.of(Array(purchases), until: observationEnd) {
            buyers.append(summary)
            buyerRows.append(Int32(ids.count))
        }
        ids.append(c.id)
    }

    public func finish() -> ValueTableAnalysis { self }

    /// The models fitted on the buyers.
    public func fit(lifetime: LifetimeValue) -> CustomerValueModel {
        CustomerValueModel.fitted(buyers, observationEnd: observationEnd, lifetime: lifetime)
    }

    /// Every customer's figures under `model`, as `CustomerValueTable(report)` gives them.
    public func table(_ model: CustomerValueModel) -> CustomerValueTable {
        let n = ids.count
        var purchases = [Int32](repeating: 0, count: n)
        var alive = [Double](repeating: .nan, count: n)
        var expected = [Double](repeating: .nan, count: n)
        var clv = [Double](repeating: .nan, count: n)
        var rfm = [UInt16](repeating: 0, count: n)
        for (k, score) in RFMScore.scores(buyers).enumerated() {
            let row = Int(buyerRows[k])
            let s = model.score(buyers[k], rfm: score)
            purchases[row] = Int32(clamping: s.summary.purchases)
            alive[row] = s.probabilityAlive ?? .nan
            expected[row] = s.expectedPurchases90 ?? .nan
            clv[row] = s.clv ?? .nan
            rfm[row] = UInt16(s.rfm.recency * 100 + s.rfm.frequency * 10 + s.rfm.monetary)
        }
        return CustomerValueTable(model: model, ids: ids, purchases: purchases, probabilityAlive: alive,
                                  expectedPurchases90: expected, clv: clv, rfm: rfm)
    }
}
