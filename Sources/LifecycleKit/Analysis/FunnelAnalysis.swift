/// The funnel figures of `report` as an analysis of the streaming pass.
public struct FunnelAnalysis: Analysis {
    public private(set) var accumulator: FunnelAccumulator
    public var needs: JourneyNeeds { [.transitions, .revenue] }

    public init(stages: [Stage], asOf: Timestamp) {
        accumulator = FunnelAccumulator(stages: stages, asOf: asOf)
    }

    public mutating func add(_ c: CustomerRecord) {
        accumulator.addCustomer(stage: c.stage, enteredAt: c.stageEnteredAt, entries: c.transitions, revenue: c.revenue)
    }

    /// The figures per stage and the changes made after `as_of`.
    public func finish() -> (stages: [StageFigures], changesSinceAsOf: Int) {
        (accumulator.figures(), accumulator.transitionsAfterAsOf)
    }
}
