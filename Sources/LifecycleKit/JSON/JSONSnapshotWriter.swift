// Placeholder to be replaced by the real JSON writer.
public final class JSONSnapshotWriter: SnapshotSink {
    public init(path: String) throws { throw OperationError("writing JSON is not implemented yet") }
    public func begin(info: SnapshotInfo, stages: [Stage]) throws {}
    public func add(_ customer: Customer) throws {}
    public func add(_ touchpoint: Touchpoint) throws {}
    public func add(_ transition: Transition) throws {}
    public func finish() throws {}
}
