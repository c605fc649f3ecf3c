import Foundation
@testable import LifecycleKit

/// A store that answers like one behind a slow network: every call sleeps `delay` (200 ms),
/// then asks the real store. Counts its calls, so a test can see that update made none.
final class SlowStore: SnapshotStore, FileSaving, SideCached, @unchecked Sendable {
    let base: any SnapshotStore
    let delay: TimeInterval
    private let lock = NSLock()
    private var count = 0
    /// Called before each store call (a test cancels a request midway with it).
    var onCall: (@Sendable (Int) -> Void)?

    init(_ base: any SnapshotStore, delay: TimeInterval = 0.2) {
        self.base = base
        self.delay = delay
    }

    /// Store calls made so far.
    var calls: Int { lock.withLock { count } }

    private func slow<T>(_ body: () throws -> T) rethrows -> T {
        let n = lock.withLock { count += 1; return count }
        onCall?(n)
        if delay > 0 { Thread.sleep(forTimeInterval: delay) }
        return try body()
    }

    var path: String { base.path }
    var info: SnapshotInfo { base.info }
    var stages: [Stage] { base.stages }
    var problems: ProblemList { base.problems }
    var isReadOnly: Bool { base.isReadOnly }
    var hasUnsavedChanges: Bool { base.hasUnsavedChanges }
    var staleJournal: StaleJournal? { base.staleJournal }

    func totals() throws -> SnapshotTotals { try slow { try base.totals() } }
    func stageCounts() throws -> [Int] { try slow { try base.stageCounts() } }
    func segments() throws -> [String] { try slow { try base.segments() } }
    func channels() throws -> [String] { try slow { try base.channels() } }
    func customerCount(inStage stage: String, filter: CustomerFilter) throws -> Int {
        try slow { try base.customerCount(inStage: stage, filter: filter) }
    }
    func customers(inStage stage: String, filter: CustomerFilter, sort: CustomerSort, offset: Int, limit: Int) throws -> [CustomerSummary] {
        try slow { try base.customers(inStage: stage, filter: filter, sort: sort, offset: offset, limit: limit) }
    }
    func indexOfMatch(_ query: String, inStage stage: String, filter: CustomerFilter, sort: CustomerSort, from start: Int,
                      forward: Bool) throws -> Int? {
        try slow { try base.indexOfMatch(query, inStage: stage, filter: filter, sort: sort, from: start, forward: forward) }
    }
    func indexOfCustomer(_ id: String, inStage stage: String, filter: CustomerFilter, sort: CustomerSort) throws -> Int? {
        try slow { try base.indexOfCustomer(id, inStage: stage, filter: filter, sort: sort) }
    }
    func customer(id: String) throws -> Customer? { try slow { try base.customer(id: id) } }
    func touchpoints(ofCustomer id: String) throws -> [Touchpoint] { try slow { try base.touchpoints(ofCustomer: id) } }
    func transitions(ofCustomer id: String) throws -> [Transition] { try slow { try base.transitions(ofCustomer: id) } }
    func stream(_ analyses: [any Analysis]) throws -> [any Analysis] { try slow { try base.stream(analyses) } }
    func funnelReport() throws -> FunnelReport { try slow { try base.funnelReport() } }
    func export(to sink: SnapshotSink) throws { try slow { try base.export(to: sink) } }
    func attachValues(_ table: CustomerValueTable?) throws { try slow { try base.attachValues(table) } }
    func apply(_ request: MoveRequest) throws -> MoveOutcome { try slow { try base.apply(request) } }
    func refresh() throws -> Bool { try slow { try base.refresh() } }
    func save() throws { try slow { try base.save() } }
    func save(to path: String) throws { try slow { try base.save(to: path) } }
    func setAsideStaleJournal() throws -> String { try slow { try base.setAsideStaleJournal() } }
    func prepareListIndex() throws -> ListIndexPreparation { try slow { try base.prepareListIndex() } }
    func saveListIndex() { base.saveListIndex() }
    func releaseFile() { base.releaseFile() }
}
