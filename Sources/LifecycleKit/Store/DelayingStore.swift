import Foundation

/// A store that answers like one behind a slow network: every store call sleeps `delay`,
/// then asks the wrapped store. For the tests and the benchmark of effects (update never
/// waits for the store); counts its calls, so a test can see that update made none.
///
/// `@unchecked Sendable`: the call count and `onCall` are behind `lock`; `base` and `delay` never change.
public final class DelayingStore: SnapshotStore, FileSaving, SideCached, @unchecked Sendable {
    public let base: any SnapshotStore
    public let delay: TimeInterval
    private let lock = NSLock()
    private var count = 0
    private var callHook: (@Sendable (Int) -> Void)?

    /// `store`, each call `delay` seconds late (200 ms unless told).
    public init(wrapping store: any SnapshotStore, delay: TimeInterval = 0.2) {
        base = store
        self.delay = delay
    }

    /// Store calls made so far.
    public var calls: Int { lock.withLock { count } }

    /// Called with the call's number before each store call (a test cancels a request midway with it).
    public var onCall: (@Sendable (Int) -> Void)? {
        get { lock.withLock { callHook } }
        set { lock.withLock { callHook = newValue } }
    }

    private func slow<T>(_ body: () throws -> T) rethrows -> T {
        let (n, hook) = lock.withLock { count += 1; return (count, callHook) }
        hook?(n)
        if delay > 0 { Thread.sleep(forTimeInterval: delay) }
        return try body()
    }

    public var path: String { base.path }
    public var info: SnapshotInfo { base.info }
    public var stages: [Stage] { base.stages }
    public var problems: ProblemList { base.problems }
    public var isReadOnly: Bool { base.isReadOnly }
    public var hasUnsavedChanges: Bool { base.hasUnsavedChanges }
    public var staleJournal: StaleJournal? { base.staleJournal }

    public func totals() throws -> SnapshotTotals { try slow { try base.totals() } }
    public func stageCounts() throws -> [Int] { try slow { try base.stageCounts() } }
    public func segments() throws -> [String] { try slow { try base.segments() } }
    public func channels() throws -> [String] { try slow { try base.channels() } }
    public func customerCount(inStage stage: String, filter: CustomerFilter) throws -> Int {
        try slow { try base.customerCount(inStage: stage, filter: filter) }
    }
    public func customers(inStage stage: String, filter: CustomerFilter, sort: CustomerSort, offset: Int, limit: Int) throws -> [CustomerSummary] {
        try slow { try base.customers(inStage: stage, filter: filter, sort: sort, offset: offset, limit: limit) }
    }
    public func indexOfMatch(_ query: String, inStage stage: String, filter: CustomerFilter, sort: CustomerSort, from start: Int,
                      forward: Bool) throws -> Int? {
        try slow { try base.indexOfMatch(query, inStage: stage, filter: filter, sort: sort, from: start, forward: forward) }
    }
    public func indexOfCustomer(_ id: String, inStage stage: String, filter: CustomerFilter, sort: CustomerSort) throws -> Int? {
        try slow { try base.indexOfCustomer(id, inStage: stage, filter: filter, sort: sort) }
    }
    public func customer(id: String) throws -> Customer? { try slow { try base.customer(id: id) } }
    public func touchpoints(ofCustomer id: String) throws -> [Touchpoint] { try slow { try base.touchpoints(ofCustomer: id) } }
    public func transitions(ofCustomer id: String) throws -> [Transition] { try slow { try base.transitions(ofCustomer: id) } }
    public func stream(_ analyses: [any Analysis], shouldStop: () -> Bool) throws -> [any Analysis] {
        try slow { try base.stream(analyses, shouldStop: shouldStop) }
    }
    public func funnelReport() throws -> FunnelReport { try slow { try base.funnelReport() } }
    public func funnelReport(shouldStop: @escaping @Sendable () -> Bool) throws -> FunnelReport {
        try slow { try base.funnelReport(shouldStop: shouldStop) }
    }
    public func answer<A: AnsweredAnalysis>(_ analysis: A, progress: @escaping @Sendable (Int) -> Void,
                                            shouldStop: @escaping @Sendable () -> Bool) throws -> A.Result {
        try slow { try base.answer(analysis, progress: progress, shouldStop: shouldStop) }
    }
    public func customerStages(shouldStop: @escaping @Sendable () -> Bool) throws -> CustomerStagesAnalysis {
        try slow { try base.customerStages(shouldStop: shouldStop) }
    }
    public func export(to sink: SnapshotSink) throws { try slow { try base.export(to: sink) } }
    public func attachValues(_ table: CustomerValueTable?) throws { try slow { try base.attachValues(table) } }
    public func apply(_ request: MoveRequest) throws -> MoveOutcome { try slow { try base.apply(request) } }
    public func refresh() throws -> Bool { try slow { try base.refresh() } }
    public func refreshChanges() throws -> [Transition]? { try slow { try base.refreshChanges() } }
    public func save() throws { try slow { try base.save() } }
    public func save(to path: String) throws { try slow { try base.save(to: path) } }
    public func setAsideStaleJournal() throws -> String { try slow { try base.setAsideStaleJournal() } }
    public func prepareListIndex() throws -> ListIndexPreparation { try slow { try base.prepareListIndex() } }
    public func saveListIndex() { base.saveListIndex() }
    public func releaseFile() { base.releaseFile() }
}
