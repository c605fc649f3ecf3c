/// The streaming pass behind `CustomerValueTable`, kept small for a million customers: the
/// buyers' ids and purchase summaries alone (no names, no scores per customer as values: the
/// table's columns are filled straight from the model).
public struct ValueTableAnalysis: Analysis {
    public let observationEnd: Timestamp
    /// The buyers' ids and summaries, in id order.
    public private(set) var buyerIDs: [String] = []
    public private(set) var buyers: [PurchaseSummary] = []
    public var needs: JourneyNeeds { .purchases }

    public init(observationEnd: Timestamp) { self.observationEnd = observationEnd }

    public mutating func add(_ c: CustomerRecord) {
        let purchases = c.touchpoints.lazy.filter { $0.type == "purchase" }.map { (at: $0.at, value: $0.value) }
        if let summary = PurchaseSummary.of(Array(purchases), until: observationEnd) {
            buyers.append(summary)
            buyerIDs.append(c.id)
        }
    }

    public func finish() -> ValueTableAnalysis { self }

    /// The models fitted on the buyers.
    public func fit(lifetime: LifetimeValue) -> CustomerValueModel {
        CustomerValueModel.fitted(buyers, observationEnd: observationEnd, lifetime: lifetime)
    }

    /// Every buyer's figures under `model`, as `CustomerValueTable(report)` gives them.
    public func table(_ model: CustomerValueModel) -> CustomerValueTable {
        var purchases: [Int32] = [], rfm: [UInt16] = []
        var alive: [Float] = [], expected: [Float] = [], clv: [Float] = []
        purchases.reserveCapacity(buyers.count)
        rfm.reserveCapacity(buyers.count)
        alive.reserveCapacity(buyers.count)
        expected.reserveCapacity(buyers.count)
        clv.reserveCapacity(buyers.count)
        let scores = RFMScore.columns(buyers)
        for k in buyers.indices {
            let s = model.score(buyers[k], rfm: scores.score(k))
            purchases.append(Int32(clamping: s.summary.purchases))
            alive.append(Float(s.probabilityAlive ?? .nan))
            expected.append(Float(s.expectedPurchases90 ?? .nan))
            clv.append(Float(s.clv ?? .nan))
            rfm.append(UInt16(s.rfm.recency * 100 + s.rfm.frequency * 10 + s.rfm.monetary))
        }
        return CustomerValueTable(model: model, ids: buyerIDs, purchases: purchases, probabilityAlive: alive,
                                  expectedPurchases90: expected, clv: clv, rfm: rfm)
    }
}
