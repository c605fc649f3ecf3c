/// One recorded transition of a customer, as the funnel figures see it: stage positions
/// instead of ids.
public struct StageEntry: Sendable {
    /// The stage entered (funnel position).
    public var stage: Int
    /// The stage left (funnel position), nil for a customer's first stage.
    public var from: Int?
    public var at: Timestamp
    public var id: Int64?
    public var reverts: Int64?

    public init(stage: Int, from: Int?, at: Timestamp, id: Int64? = nil, reverts: Int64? = nil) {
        self.stage = stage
        self.from = from
        self.at = at
        self.id = id
        self.reverts = reverts
    }
}

/// Computes the funnel figures from one pass over the customers, whatever store they come
/// from: each customer is added once, with the transitions that record their stage entries.
/// A customer reached a stage when a transition goes into it or out of it, or it is theirs.
///
/// A transition that reverts another of the same customer (an undo) and the one it reverts
/// are left out of every figure: an undone move changes nothing. Days in stage are counted
/// against `asOf`; a stage entered after it counts as 0 days.
public struct FunnelAccumulator: Sendable {
    public let stages: [Stage]
    public let asOf: Timestamp
    private let indexByID: [String: Int]
    private var current: [Int]
    private var reached: [Int]
    private var converted: [Int]
    private var revenue: [Double]
    private var daysInStage: [[Double]]
    private var enteredAfterAsOf: [Int]
    /// Per stage, customers by where their first entry into it came from: a stage position,
    /// then `startOrigin` (a first transition), then `unrecordedOrigin` (no transition into it).
    private var origins: [[Int]]
    private var changesSinceAsOf = 0
    // Per-customer scratch, reset after each customer.
    private var firstEntry: [Int64]
    private var lastEntry: [Int64]
    /// The earliest transition into each touched stage (time, origin), if any.
    private var firstTransition: [(at: Int64, origin: Int)]
    private var touched: [Int] = []

    /// Marks "entered at the beginning of time" (current stage without `stage_entered_at`).
    private static let beginningOfTime = Int64.min
    private static let never = Int64.max
    private var startOrigin: Int { stages.count }
    private var unrecordedOrigin: Int { stages.count + 1 }

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
        enteredAfterAsOf = Array(repeating: 0, count: n)
        origins = Array(repeating: Array(repeating: 0, count: n + 2), count: n)
        firstEntry = Array(repeating: Self.never, count: n)
        lastEntry = Array(repeating: Self.never, count: n)
        firstTransition = Array(repeating: (Self.never, n + 1), count: n)
    }

    /// The funnel position of a stage id.
    public func stageIndex(_ id: String) -> Int? { indexByID[id] }

    /// Adds one customer: the current stage, when it was entered, every transition (`entries`,
    /// any order) and the sum of the customer's touchpoint values.
    public mutating func addCustomer(stage: Int, enteredAt: Timestamp?, entries: [StageEntry], revenue value: Double) {
        current[stage] += 1
        revenue[stage] += value
        if let enteredAt {
            let days = enteredAt.days(until: asOf)
            if days < 0 { enteredAfterAsOf[stage] += 1 }
            daysInStage[stage].append(max(0, days))
        }
        enter(stage, at: enteredAt?.microseconds ?? Self.beginningOfTime)
        let undone = Self.revertedPairs(entries)
        for (k, e) in entries.enumerated() {
            if e.at > asOf { changesSinceAsOf += 1 }
            if undone?.contains(k) == true { continue }
            enter(e.stage, at: e.at.microseconds)
            let t = e.at.microseconds
            if t < firstTransition[e.stage].at { firstTransition[e.stage] = (t, e.from ?? startOrigin) }
        }
        // A stage left is a stage reached, even when no transition into it is recorded
        // (entered at an unknown time, like a current stage without `stage_entered_at`).
        for (k, e) in entries.enumerated() where undone?.contains(k) != true {
            if let from = e.from, firstEntry[from] == Self.never { enter(from, at: Self.beginningOfTime) }
        }
        for s in touched {
            reached[s] += 1
            origins[s][firstTransition[s].origin] += 1
        }
        for s in touched where s > 0 && firstEntry[s - 1] != Self.never {
            if lastEntry[s] >= firstEntry[s - 1] { converted[s] += 1 }
        }
        for s in touched {
            firstEntry[s] = Self.never
            lastEntry[s] = Self.never
            firstTransition[s] = (Self.never, unrecordedOrigin)
        }
        touched.removeAll(keepingCapacity: true)
    }

    /// The positions in `entries` of every undo (a `reverts` naming another transition of
    /// the customer) and of the transition it reverts; nil when there is none. A `reverts`
    /// naming no transition of the customer leaves an ordinary transition.
    static func revertedPairs(_ entries: [StageEntry]) -> Set<Int>? {
        guard entries.contains(where: { $0.reverts != nil }) else { return nil }
        var pairs = Set<Int>()
        for (k, e) in entries.enumerated() {
            guard let target = e.reverts, let j = entries.firstIndex(where: { $0.id == target }), j != k else { continue }
            pairs.insert(k)
            pairs.insert(j)
        }
        return pairs
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
                medianDaysInStage: Self.median(daysInStage[i]), revenue: revenue[i],
                enteredAfterAsOf: enteredAfterAsOf[i], cameFrom: inflows(i))
        }
    }

    /// Transitions dated after `asOf` (every one, undos included).
    public var transitionsAfterAsOf: Int { changesSinceAsOf }

    /// Where the customers who reached stage `i` came from, most first (ties in funnel order).
    private func inflows(_ i: Int) -> [StageInflow] {
        origins[i].enumerated().compactMap { origin, count -> StageInflow? in
            guard count > 0 else { return nil }
            switch origin {
            case startOrigin: return StageInflow(origin: .start, customers: count)
            case unrecordedOrigin: return StageInflow(origin: .unrecorded, customers: count)
            default: return StageInflow(origin: .stage(stages[origin].id), customers: count)
            }
        }.enumerated().sorted { $0.element.customers != $1.element.customers ? $0.element.customers > $1.element.customers : $0.offset < $1.offset }
            .map(\.element)
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
}
