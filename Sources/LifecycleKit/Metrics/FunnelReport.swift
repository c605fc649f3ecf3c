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
    /// Median of (as_of − stage_entered_at) in days over current customers that have one;
    /// a customer who entered after as_of counts as 0 days.
    public var medianDaysInStage: Double?
    /// Sum of touchpoint values of the customers currently in the stage.
    public var revenue: Double
    /// Current customers who entered the stage after as_of (a change made after the snapshot).
    public var enteredAfterAsOf: Int
    /// Where the customers who reached the stage came from (the `from` of their first
    /// transition into it), most first.
    public var cameFrom: [StageInflow]

    public init(stage: Stage, customers: Int, share: Double, reached: Int, conversion: Double?,
                medianDaysInStage: Double?, revenue: Double, enteredAfterAsOf: Int = 0, cameFrom: [StageInflow] = []) {
        self.stage = stage
        self.customers = customers
        self.share = share
        self.reached = reached
        self.conversion = conversion
        self.medianDaysInStage = medianDaysInStage
        self.revenue = revenue
        self.enteredAfterAsOf = enteredAfterAsOf
        self.cameFrom = cameFrom
    }
}

/// Customers who reached a stage from one origin.
public struct StageInflow: Hashable, Sendable, Codable {
    public enum Origin: Hashable, Sendable, Codable {
        /// From this stage (its id).
        case stage(String)
        /// Their history starts in this stage (a first transition, `from` null).
        case start
        /// No transition into the stage is recorded (their current stage, history missing).
        case unrecorded
    }

    public var origin: Origin
    public var customers: Int

    public init(origin: Origin, customers: Int) {
        self.origin = origin
        self.customers = customers
    }
}

/// Everything `clc report` prints.
public struct FunnelReport: Hashable, Sendable, Codable {
    public var info: SnapshotInfo
    public var totals: SnapshotTotals
    /// In funnel order.
    public var stages: [StageFigures]
    /// Stage changes dated after `as_of` (made after the snapshot's moment).
    public var changesSinceAsOf: Int

    public init(info: SnapshotInfo, totals: SnapshotTotals, stages: [StageFigures], changesSinceAsOf: Int = 0) {
        self.info = info
        self.totals = totals
        self.stages = stages
        self.changesSinceAsOf = changesSinceAsOf
    }
}
