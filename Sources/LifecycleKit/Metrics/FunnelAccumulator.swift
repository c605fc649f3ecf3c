/// Computes the funnel figures from one pass over the customers, whatever store they come
/// from: each customer is added once, with the stage entries its transitions record.
public struct FunnelAccumulator: Sendable {
    public let stages: [Stage]
    public let asOf: Timestamp
    private let indexByID: [String: Int]
    private var current: [Int]
    private var reached: [Int]
    private var converted: [Int]
    private var revenue: [Double]
    private var daysInStage: [[Double]]
    // Per-customer scratch, reset after each customer.
    private var firstEntry: [Int64]
    private var lastEntry: [Int64]
    private var touched: [Int] = []

    /// Marks "entered at the beginning of time" (current stage without `stage_entered_at`).
    private static let beginningOfTime = Int64.min
    private static let never = Int64.max

    public init(stages: [Stage], asOf: Timestamp) {
        self.stages = stages
        self.asOf = asOf
        var index: [String: Int] = [:]
        for (i, s) in stages.enumerated() where index[s.id] == nil { index[s.id] = i }
        indexByID = index
        let n = stages.count
        current = Array(repeating: 0, count: n)
        reached = Array(repeating: 0, count: n)
        converted = Array(repeating: 0, count: n)
        revenue = Array(repeating: 0, count: n)
        daysInStage = Array(repeating: [], count: n)
        firstEntry = Array(repeating: Self.never, count: n)
        lastEntry = Array(repeating: Self.never, count: n)
    }

    /// The funnel position of a stage id.
    public func stageIndex(_ id: String) -> Int? { indexByID[id] }

    /// Adds one customer: the current stage, when it was entered, every transition into a
    /// stage (`entries`, any order) and the sum of the customer's touchpoint values.
    public mutating func addCustomer(stage: Int, enteredAt: Timestamp?,
                                     entries: [(stage: Int, at: Timestamp)], revenue value: Double) {
        current[stage] += 1
        revenue[stage] += value
        if let enteredAt { daysInStage[stage].append(enteredAt.days(until: asOf)) }
        enter(stage, at: enteredAt?.microseconds ?? Self.beginningOfTime)
        for e in entries { enter(e.stage, at: e.at.microseconds) }
        for s in touched { reached[s] += 1 }
        for s in touched where s > 0 && firstEntry[s - 1] != Self.never {
            if lastEntry[s] >= firstEntry[s - 1] { converted[s] += 1 }
        }
        for s in touched {
            firstEntry[s] = Self.never
            lastEntry[s] = Self.never
        }
        touched.removeAll(keepingCapacity: true)
    }

    private mutating func enter(_ s: Int, at t: Int64) {
        if firstEntry[s] == Self.never {
            touched.append(s)
            firstEntry[s] = t
            lastEntry[s] = t
        } else {
            firstEntry[s] = min(firstEntry[s], t)
            lastEntry[s] = max(lastEntry[s], t)
        }
    }

    /// The figures per stage, in funnel order.
    public func figures() -> [StageFigures] {
        let total = current.reduce(0, +)
        return stages.indices.map { i in
            var conversion: Double?
            if i > 0, reached[i - 1] > 0 { conversion = Double(converted[i]) / Double(reached[i - 1]) }
            return StageFigures(
                stage: stages[i], customers: current[i],
                share: total == 0 ? 0 : Double(current[i]) / Double(total),
                reached: reached[i], conversion: conversion,
                medianDaysInStage: Self.median(daysInStage[i]), revenue: revenue[i])
        }
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
}
