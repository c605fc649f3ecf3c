/// An open snapshot: what every store does — reading it (`SnapshotReading`) and changing
/// stages with the conflict check (`StageWriting`). A store may add optional capabilities:
/// `FileSaving` (a JSON file: unsaved changes, saving, its journal) and `SideCached` (a SQLite
/// file: the list index kept beside it). The extension below answers for a store without
/// them, so callers need not ask.
///
/// Two implementations give the same answers: `JSONSnapshotStore` (parsed once into compact
/// in-memory indexes) and `SQLiteSnapshotStore` (indexed queries, nothing read that the
/// question does not need).
public protocol SnapshotStore: SnapshotReading, StageWriting {}

/// Reading a snapshot: the questions the dashboard and the CLI ask, and the streaming pass.
public protocol SnapshotReading: AnyObject, Sendable {
    /// The path the snapshot was opened from.
    var path: String { get }
    var info: SnapshotInfo { get }
    /// In funnel order.
    var stages: [Stage] { get }
    /// Warnings found while opening (errors refuse the file instead).
    var problems: ProblemList { get }

    func totals() throws -> SnapshotTotals
    /// Customers currently in each stage, in funnel order (`stages[i]` ↔ `result[i]`).
    func stageCounts() throws -> [Int]
    /// Distinct non-empty segments, sorted.
    func segments() throws -> [String]
    /// Distinct touchpoint channels, sorted.
    func channels() throws -> [String]

    /// Customers in `stage` that pass `filter`.
    func customerCount(inStage stage: String, filter: CustomerFilter) throws -> Int
    /// One page of the customers in `stage` that pass `filter`, in `sort` order.
    func customers(inStage stage: String, filter: CustomerFilter, sort: CustomerSort,
                   offset: Int, limit: Int) throws -> [CustomerSummary]

    /// The position, in `sort` order, of the next customer in `stage` passing `filter` whose
    /// name, email or id contains `query` (ignoring case and diacritics): searching from `start`
    /// (inclusive) forward or backward, wrapping around once. Nil when none matches.
    func indexOfMatch(_ query: String, inStage stage: String, filter: CustomerFilter, sort: CustomerSort,
                      from start: Int, forward: Bool) throws -> Int?

    /// The position, in `sort` order, of the customer `id` in the list of `stage` passing
    /// `filter`; nil when it is not in that list.
    func indexOfCustomer(_ id: String, inStage stage: String, filter: CustomerFilter, sort: CustomerSort) throws -> Int?

    func customer(id: String) throws -> Customer?
    /// The customer's touchpoints in time order (ties by id).
    func touchpoints(ofCustomer id: String) throws -> [Touchpoint]
    /// The customer's transitions in time order (ties in file order).
    func transitions(ofCustomer id: String) throws -> [Transition]

    /// The streaming pass: hands every customer once, in id order, with what the analyses
    /// need (`Analysis.needs`), to each of them, and returns them done. A full scan (chunked
    /// and restarted when another program changes the file, on SQLite): slow on big files,
    /// never on the input path. `run(_:)` runs one analysis. Throws `CancellationError` as soon
    /// as `shouldStop` says so (asked between chunks on SQLite, every 1,024 customers on JSON).
    func stream(_ analyses: [any Analysis], shouldStop: () -> Bool) throws -> [any Analysis]

    /// The result of `analysis` the fastest way the store has: the streaming pass
    /// (`streamedAnswer`), or on SQLite the result kept for this very state of the file, or a
    /// scan of its own (attribution, cohorts); the same result every way. `progress` gets the
    /// customers done so far; throws `CancellationError` once `shouldStop` says so.
    func answer<A: AnsweredAnalysis>(_ analysis: A, progress: @escaping @Sendable (Int) -> Void,
                                     shouldStop: @escaping @Sendable () -> Bool) throws -> A.Result

    /// Every customer's id and current stage, in id order (for `SnapshotDiff`): the streaming
    /// pass, or on SQLite a scan of those two columns alone.
    func customerStages(shouldStop: @escaping @Sendable () -> Bool) throws -> CustomerStagesAnalysis

    /// The funnel figures of `report`: a full scan (`FunnelAnalysis`), or a result kept from an
    /// earlier scan of the very same state of the file.
    func funnelReport() throws -> FunnelReport

    /// `funnelReport()`, given up (`CancellationError`) while `shouldStop` says so before the
    /// scan starts: a request superseded while it waits for another full pass never runs.
    func funnelReport(shouldStop: @escaping @Sendable () -> Bool) throws -> FunnelReport

    /// Every customer's value figures (`CustomerValueTable`): a streaming pass and the fits,
    /// or, on SQLite, the side cache when purchases, customers, `as_of` and `lifetime` are
    /// those it was computed for. Slow when computed: call it off the input path.
    func valueTable(lifetime: LifetimeValue) throws -> CustomerValueTable

    /// The number of customers and every buyer's purchase summary up to `end`, in no set
    /// order: the streaming pass, or on SQLite one scan of the purchases alone.
    func buyerSummaries(until end: Timestamp) throws -> (customers: Int, buyers: [PurchaseSummary])

    /// Writes the whole snapshot into `sink` (for `convert`).
    func export(to sink: SnapshotSink) throws

    /// Gives the store every customer's value figures (nil: takes them away). From then on
    /// list rows carry `value`, and the value sort fields and `CustomerFilter.value` work;
    /// without a table value sorts act like the id order and a value filter matches nobody.
    /// Thread-safe: may run on any thread while pages are served; the orders by value are
    /// sorted here (slow for a million customers: call it off the input path). Throws
    /// `ValueTableRefused` (and keeps no table) when the table lists other customers.
    func attachValues(_ table: CustomerValueTable?) throws

}

/// Changing stages: one action at a time, durable before it returns, with the conflict check.
public protocol StageWriting: AnyObject, Sendable {
    /// True when stages cannot be changed (a read-only file or directory).
    var isReadOnly: Bool { get }

    /// Applies one action: for each change whose customer is still in `expectedStage`, sets
    /// the customer's stage and `stage_entered_at` (= `request.at`) and appends one transition
    /// `{from, to, at, by, note}`; other changes come back as conflicts. Durable before it
    /// returns (SQLite: one committed transaction; JSON: one fsync'ed journal line).
    /// Throws `MoveError` when nothing could be written. Use `StageMover`, not this, to move.
    func apply(_ request: MoveRequest) throws -> MoveOutcome

    /// Picks up changes other programs made to the file since the last call; true if any.
    func refresh() throws -> Bool

    /// As `refresh()`, saying what changed: nil when nothing did, else the transitions other
    /// programs added (SQLite, when it followed them), empty when the store only knows the
    /// file changed.
    func refreshChanges() throws -> [Transition]?

}

extension StageWriting {
    public func refreshChanges() throws -> [Transition]? { try refresh() ? [] : nil }
}

/// A store whose changes wait beside the file until saved (JSON: the journal).
public protocol FileSaving: AnyObject {
    /// True when applied changes are not yet in the file itself (JSON: in the journal).
    var hasUnsavedChanges: Bool { get }

    /// Writes applied changes into the file itself (JSON); nothing to do for SQLite.
    func save() throws

    /// Writes the whole snapshot with its changes to a new file and continues on it (JSON,
    /// when the original changed on disk and must not be overwritten).
    func save(to path: String) throws

    /// A journal that could not be replayed (JSON): the file was read as it is on disk, and
    /// stage changes are refused until `setAsideStaleJournal()`. Nil for SQLite.
    var staleJournal: StaleJournal? { get }

    /// Renames the stale journal (`FILE.clc-journal.set-aside-<time>`, never deleted) and
    /// allows stage changes; returns its new name.
    func setAsideStaleJournal() throws -> String

    /// Gives up what the store holds on the file beyond reading it (JSON: the dashboard's
    /// mark that it has the file open, see `SnapshotFile.openInDashboard`). Call at the end.
    func releaseFile()
}

/// A store that keeps what makes lists instant beside the file (SQLite: the side cache).
public protocol SideCached: AnyObject {
    /// Builds, or loads from a side cache, what makes sorting and filtering a stage instant
    /// (SQLite: per-customer columns and sort orders, never written into the snapshot).
    /// Slow on a big file seen for the first time: call it off the input path. Safe to call
    /// from another thread while the store answers queries.
    func prepareListIndex() throws -> ListIndexPreparation

    /// Keeps what `prepareListIndex()` prepared, with this store's own stage changes, for
    /// the next run (when it is not kept already). Call before the program ends.
    func saveListIndex()

}

/// What `prepareListIndex()` did.
public enum ListIndexPreparation: Sendable, Equatable {
    /// Nothing to do: the store sorts and filters in memory already (JSON), or the index is current.
    case notNeeded
    /// Read from the side cache (the file did not change since it was written).
    case loadedFromCache
    /// Computed from the file (and written to the side cache when possible).
    case built
    /// A stage change or another program's change interrupted it: call again.
    case interrupted
}

/// The optional capabilities, answered for every store: a store without them has nothing
/// unsaved, nothing to save, no journal, and no list index to prepare.
extension SnapshotStore {
    public func prepareListIndex() throws -> ListIndexPreparation { try (self as? any SideCached)?.prepareListIndex() ?? .notNeeded }
    public func saveListIndex() { (self as? any SideCached)?.saveListIndex() }
    public var hasUnsavedChanges: Bool { (self as? any FileSaving)?.hasUnsavedChanges ?? false }
    public func save() throws { try (self as? any FileSaving)?.save() }
    public func save(to path: String) throws {
        guard let saving = self as? any FileSaving else { throw OperationError(Message(.onlyJSONSaveAs, .text(self.path))) }
        try saving.save(to: path)
    }
    public var staleJournal: StaleJournal? { (self as? any FileSaving)?.staleJournal }
    public func setAsideStaleJournal() throws -> String {
        guard let saving = self as? any FileSaving else { throw OperationError(Message(.noJournalToSetAside, .text(path))) }
        return try saving.setAsideStaleJournal()
    }
    public func releaseFile() { (self as? any FileSaving)?.releaseFile() }
}

extension SnapshotReading {
    /// The funnel figures of `report`, by a full scan.
    public func funnelReport() throws -> FunnelReport { try scannedFunnelReport() }

    public func funnelReport(shouldStop: @escaping @Sendable () -> Bool) throws -> FunnelReport {
        if shouldStop() { throw CancellationError() }
        return try funnelReport()
    }

    public func answer<A: AnsweredAnalysis>(_ analysis: A, progress: @escaping @Sendable (Int) -> Void,
                                            shouldStop: @escaping @Sendable () -> Bool) throws -> A.Result {
        try streamedAnswer(analysis, progress: progress, shouldStop: shouldStop)
    }

    public func customerStages(shouldStop: @escaping @Sendable () -> Bool) throws -> CustomerStagesAnalysis {
        try run(CustomerStagesAnalysis(), shouldStop: shouldStop)
    }

    /// The funnel figures of `report`, by a full scan; with `totals` when they are known already.
    public func scannedFunnelReport(totals known: SnapshotTotals? = nil) throws -> FunnelReport {
        let info = self.info
        let funnel = try run(FunnelAnalysis(stages: stages, asOf: info.asOf))
        return FunnelReport(info: info, totals: try known ?? totals(), stages: funnel.stages, changesSinceAsOf: funnel.changesSinceAsOf)
    }
}

/// Receives a whole snapshot, piece by piece: `begin`, then customers, touchpoints and
/// transitions in any interleaving, then `finish`. Writers of JSON and SQLite files.
public protocol SnapshotSink: AnyObject {
    func begin(info: SnapshotInfo, stages: [Stage]) throws
    func add(_ customer: Customer) throws
    func add(_ touchpoint: Touchpoint) throws
    func add(_ transition: Transition) throws
    /// Completes the file; nothing is visible at the destination before this returns.
    func finish() throws
}
