/// The customers a test picks, in id order: the drill-down behind a number of an analysis
/// (a second pass; e.g. `AttributionAnalysis.credited(…)`, `FlowAnalysis.customers(…)`).
public struct CustomerListAnalysis: Analysis {
    public let needs: JourneyNeeds
    private let picks: @Sendable (CustomerRecord) -> Bool
    /// The picked customers' ids and names, in id order.
    public private(set) var ids: [String] = []
    public private(set) var names: [String] = []
    /// Their current stages (funnel positions).
    public private(set) var stages: [Int] = []

    public init(needs: JourneyNeeds, picks: @escaping @Sendable (CustomerRecord) -> Bool) {
        self.needs = needs
        self.picks = picks
    }

    public mutating func add(_ c: CustomerRecord) {
        guard picks(c) else { return }
        ids.append(c.id)
        names.append(c.name)
        stages.append(c.stage)
    }

    public func finish() -> CustomerListAnalysis { self }
}
