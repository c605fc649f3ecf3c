/// The kind of a stage change, by funnel order.
public enum FlowKind: String, CaseIterable, Sendable, Codable {
    /// A first stage (`from` null).
    case entry
    /// To the next stage.
    case forward
    /// Forward by more than one stage.
    case skip
    case backward
    /// To the stage it left.
    case same

    /// The kind of a change from funnel position `from` (nil: an entry) to `to`.
    public init(from: Int?, to: Int) {
        guard let from else { self = .entry; return }
        self = to == from ? .same : to == from + 1 ? .forward : to > from ? .skip : .backward
    }
}

/// One (from, to) cell of the stage-flow matrix.
public struct FlowRow: Hashable, Sendable {
    /// Funnel positions; `from` nil for entries.
    public var from: Int?
    public var to: Int
    public var count: Int
    public var kind: FlowKind
    /// The median of the days since each change's previous transition of the same customer
    /// (nil for entries, and when none of the changes has one).
    public var medianDays: Double?
}

/// The stage-flow matrix: every transition with since ≤ `at` < until, counted by (from, to);
/// undone pairs (`reverts`) are left out, as in every figure.
public struct FlowAnalysis: Analysis, Codable {
    public let stageCount: Int
    public let since: Timestamp?
    public let until: Timestamp?
    /// Per cell (`(from + 1) × stageCount + to`, from −1 for entries): the count, the gaps in days.
    private var counts: [Int]
    private var days: [[Double]]
    /// Per cell, the median of its gaps once finished (the gaps are then let go).
    private var medians: [Double?]?
    public var needs: JourneyNeeds { .transitions }

    public init(stageCount: Int, since: Timestamp? = nil, until: Timestamp? = nil) {
        self.stageCount = stageCount
        self.since = since
        self.until = until
        counts = Array(repeating: 0, count: (stageCount + 1) * stageCount)
        days = Array(repeating: [], count: (stageCount + 1) * stageCount)
    }

    /// True when `at` lies in [since, until).
    public func inPeriod(_ at: Timestamp) -> Bool { (since.map { at >= $0 } ?? true) && (until.map { at < $0 } ?? true) }

    public mutating func add(_ c: CustomerRecord) {
        var previous: Timestamp?
        for e in c.transitions.withoutUndone {
            defer { previous = e.at }
            guard inPeriod(e.at) else { continue }
            let cell = ((e.from ?? -1) + 1) * stageCount + e.stage
            counts[cell] += 1
            if e.from != nil, let previous { days[cell].append(previous.days(until: e.at)) }
        }
    }

    /// With the medians computed, so that `rows` does not sort the gaps again (and a result
    /// kept in a side cache stays small).
    public func finish() -> FlowAnalysis {
        var done = self
        done.medians = medians ?? days.map { FunnelAccumulator.median($0) }
        done.days = []
        return done
    }

    /// The cells with at least one transition: by funnel order of from (entries first), then of to.
    public var rows: [FlowRow] {
        counts.indices.filter { counts[$0] > 0 }.map { cell in
            let from = cell / stageCount - 1, to = cell % stageCount
            let origin = from < 0 ? nil : from
            return FlowRow(from: origin, to: to, count: counts[cell], kind: FlowKind(from: origin, to: to),
                           medianDays: origin == nil ? nil : medians.map { $0[cell] } ?? FunnelAccumulator.median(days[cell]))
        }
    }

    /// The drill-down of a cell: the customers with at least one such transition in the period.
    public static func customers(from: Int?, to: Int, since: Timestamp? = nil, until: Timestamp? = nil) -> CustomerListAnalysis {
        let period = FlowAnalysis(stageCount: 0, since: since, until: until)
        return CustomerListAnalysis(needs: .transitions) { c in
            c.transitions.withoutUndone.contains { $0.from == from && $0.stage == to && period.inPeriod($0.at) }
        }
    }
}

/// What `clc flows` prints.
public struct FlowReport: Sendable {
    public var stages: [Stage]
    public var since: Timestamp?
    public var until: Timestamp?
    public var rows: [FlowRow]
}

extension SnapshotReading {
    /// The stage-flow matrix of the transitions with since ≤ `at` < until (`answer`: kept, or one pass).
    public func flows(since: Timestamp? = nil, until: Timestamp? = nil) throws -> FlowReport {
        let done = try answer(FlowAnalysis(stageCount: stages.count, since: since, until: until))
        return FlowReport(stages: stages, since: since, until: until, rows: done.rows)
    }
}
