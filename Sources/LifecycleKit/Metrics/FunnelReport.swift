/// The funnel figures of one stage (see `report` in the README for the definitions).
public struct StageFigures: Hashable, Sendable, Codable {
    public var stage: Stage
    /// Customers currently in the stage.
    public var customers: Int
    /// `customers` / all customers (0 for an empty snapshot).
    public var share: Double
    /// Customers who have ever been in the stage: a transition into it, or their current stage.
    public var reached: Int
    /// Of those who reached the previous stage, the fraction who entered this one at or after
    /// first entering the previous one; nil for the first stage or when none reached the previous.
    public var conversion: Double?
    /// Median of (as_of − stage_entered_at) in days over current customers that have one.
    public var medianDaysInStage: Double?
    /// Sum of touchpoint values of the customers currently in the stage.
    public var revenue: Double

    public init(stage: Stage, customers: Int, share: Double, reached: Int, conversion: Double?,
                medianDaysInStage: Double?, revenue: Double) {
        self.stage = stage
        self.customers = customers
        self.share = share
        self.reached = reached
        self.conversion = conversion
        self.medianDaysInStage = medianDaysInStage
        self.revenue = revenue
    }
}

/// Everything `clc report` prints.
public struct FunnelReport: Hashable, Sendable, Codable {
    public var info: SnapshotInfo
    public var totals: SnapshotTotals
    /// In funnel order.
    public var stages: [StageFigures]

    public init(info: SnapshotInfo, totals: SnapshotTotals, stages: [StageFigures]) {
        self.info = info
        self.totals = totals
        self.stages = stages
    }
}
