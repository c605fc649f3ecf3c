/// An analysis a store may answer faster than with its streaming pass: `SnapshotReading.answer`
/// (on SQLite: from the side cache for an unchanged file, and attribution and cohorts in a
/// scan of their own). Its result is kept, so it is a value that can be written and read.
public protocol AnsweredAnalysis: Analysis where Result: Codable & Sendable {
    /// The analysis and its parameters, as text: what its result depends on besides the file.
    var cacheKey: String { get }
}

/// An analysis that reports how many customers it has seen (every 1,024) and takes no more
/// once `shouldStop` says so (the pass itself stops at its next check).
public struct ReportingAnalysis<A: Analysis>: Analysis {
    public var inner: A
    let progress: @Sendable (Int) -> Void
    let shouldStop: @Sendable () -> Bool
    private var seen = 0
    private var stopped = false

    public init(_ inner: A, progress: @escaping @Sendable (Int) -> Void, shouldStop: @escaping @Sendable () -> Bool) {
        self.inner = inner
        self.progress = progress
        self.shouldStop = shouldStop
    }

    public var needs: JourneyNeeds { inner.needs }

    public mutating func add(_ customer: CustomerRecord) {
        seen += 1
        if seen % 1024 == 0 {
            progress(seen)
            stopped = shouldStop()
        }
        if !stopped { inner.add(customer) }
    }

    public func finish() -> A.Result { inner.finish() }
}

extension SnapshotReading {
    /// The result of `analysis` by the streaming pass (what a store without a faster way
    /// answers), reporting the customers seen; throws `CancellationError` once `shouldStop`.
    public func streamedAnswer<A: AnsweredAnalysis>(_ analysis: A, progress: @escaping @Sendable (Int) -> Void,
                                                   shouldStop: @escaping @Sendable () -> Bool) throws -> A.Result {
        try run(ReportingAnalysis(analysis, progress: progress, shouldStop: shouldStop), shouldStop: shouldStop)
    }

    /// `answer(_:progress:shouldStop:)` with neither progress nor a stop.
    public func answer<A: AnsweredAnalysis>(_ analysis: A) throws -> A.Result {
        try answer(analysis, progress: { _ in }, shouldStop: { false })
    }
}

extension AttributionAnalysis: AnsweredAnalysis {
    public var cacheKey: String {
        "attribution stage=\(stage) lookback=\(lookbackDays) by=\(dimensions.map(\.rawValue).joined(separator: ","))"
    }
}

extension CohortAnalysis: AnsweredAnalysis {
    public var cacheKey: String { "cohorts metric=\(metric.rawValue) last=\(last.index)" }
}

extension FlowAnalysis: AnsweredAnalysis {
    public var cacheKey: String {
        "flows stages=\(stageCount) since=\(since.map { String($0.microseconds) } ?? "-") until=\(until.map { String($0.microseconds) } ?? "-")"
    }
}
