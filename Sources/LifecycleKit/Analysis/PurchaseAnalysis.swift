/// Every customer's purchase summary (nil: no purchase by the observation end), in id order:
/// what the value models are fitted on.
public struct PurchaseAnalysis: Analysis {
    public let observationEnd: Timestamp
    public private(set) var ids: [String] = []
    public private(set) var names: [String] = []
    public private(set) var stages: [Int32] = []
    public private(set) var summaries: [PurchaseSummary?] = []
    public var needs: JourneyNeeds { .purchases }

    public init(observationEnd: Timestamp) { self.observationEnd = observationEnd }

    public mutating func add(_ c: CustomerRecord) {
        ids.append(c.id)
        names.append(c.name)
        stages.append(Int32(c.stage))
        let purchases = c.touchpoints.lazy.filter { $0.type == "purchase" }.map { (at: $0.at, value: $0.value) }
        summaries.append(PurchaseSummary.of(Array(purchases), until: observationEnd))
    }

    public func finish() -> PurchaseAnalysis { self }
}
