/// The value figures of one stage's customers (the funnel shows them per stage).
public struct StageValueFigures: Hashable, Sendable {
    /// Customers of the stage with at least one purchase.
    public var buyers = 0
    /// Buyers with a P(alive) (none when BG/NBD could not be fitted).
    public var withProbability = 0
    public var probabilitySum = 0.0
    /// Buyers whose P(alive) is below the threshold.
    public var atRisk = 0
    /// Buyers with a CLV (none when the models give no CLV).
    public var withCLV = 0
    public var clvSum = 0.0

    public init() {}

    /// Mean P(alive) over the stage's buyers; nil without one.
    public var meanProbabilityAlive: Double? { withProbability == 0 ? nil : probabilitySum / Double(withProbability) }
    /// Sum of the buyers' CLV; nil when no buyer has one.
    public var totalCLV: Double? { withCLV == 0 ? nil : clvSum }
}

/// Per stage: buyers, mean P(alive), customers at risk (P(alive) below `atRiskBelow`) and the
/// sum of CLV, from a value table and each customer's current stage. The pass hands the
/// customers in id order and the table is in id order, so both are walked once together;
/// stage changes leave the table valid, so after a move only this pass runs again (no refit).
public struct StageValueAnalysis: Analysis {
    public let table: CustomerValueTable
    public let atRiskBelow: Double
    private var row = 0
    private var stages: [StageValueFigures]
    public var needs: JourneyNeeds { [] }

    public init(table: CustomerValueTable, stageCount: Int, atRiskBelow: Double = 0.5) {
        self.table = table
        self.atRiskBelow = atRiskBelow
        stages = Array(repeating: StageValueFigures(), count: stageCount)
    }

    public mutating func add(_ c: CustomerRecord) {
        let ids = table.ids
        while row < ids.count, ids[row].utf8.lexicographicallyPrecedes(c.id.utf8) { row += 1 }
        guard row < ids.count, ids[row] == c.id, stages.indices.contains(c.stage),
              let f = table.figures(atRow: row) else { return }
        stages[c.stage].buyers += 1
        if let p = f.probabilityAlive {
            stages[c.stage].withProbability += 1
            stages[c.stage].probabilitySum += p
            if p < atRiskBelow { stages[c.stage].atRisk += 1 }
        }
        if let v = f.clv {
            stages[c.stage].withCLV += 1
            stages[c.stage].clvSum += v
        }
    }

    /// The figures per stage, in funnel order.
    public func finish() -> [StageValueFigures] { stages }
}
