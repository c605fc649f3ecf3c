// Placeholder to be replaced by the real SQLite writer.
public final class SQLiteSnapshotWriter: SnapshotSink {
    public init(path: String) throws { throw OperationError("writing SQLite is not implemented yet") }
    public func begin(info: SnapshotInfo, stages: [Stage]) throws {}
    public func add(_ customer: Customer) throws {}
    public func add(_ touchpoint: Touchpoint) throws {}
    public func add(_ transition: Transition) throws {}
    public func finish() throws {}
}
