// Placeholder to be replaced by the real JSON store.
public final class SQLiteSnapshotStore: SnapshotStore {
    public let path: String
    public let info = SnapshotInfo(asOf: Timestamp(microseconds: 0))
    public let stages: [Stage] = []
    public let problems = ProblemList()
    public init(path: String) throws { self.path = path; throw OperationError("SQLite snapshots are not implemented yet") }
    public func totals() throws -> SnapshotTotals { throw OperationError("not implemented") }
    public func stageCounts() throws -> [Int] { throw OperationError("not implemented") }
    public func segments() throws -> [String] { throw OperationError("not implemented") }
    public func channels() throws -> [String] { throw OperationError("not implemented") }
    public func customerCount(inStage stage: String, filter: CustomerFilter) throws -> Int { throw OperationError("not implemented") }
    public func customers(inStage stage: String, filter: CustomerFilter, sort: CustomerSort, offset: Int, limit: Int) throws -> [CustomerSummary] { throw OperationError("not implemented") }
    public func customer(id: String) throws -> Customer? { throw OperationError("not implemented") }
    public func touchpoints(ofCustomer id: String) throws -> [Touchpoint] { throw OperationError("not implemented") }
    public func transitions(ofCustomer id: String) throws -> [Transition] { throw OperationError("not implemented") }
    public func scanJourneys(into accumulator: inout FunnelAccumulator) throws { throw OperationError("not implemented") }
    public func export(to sink: SnapshotSink) throws { throw OperationError("not implemented") }
}
