// Placeholder until stage changes are written to JSON snapshots (journal) (issue 4).
extension JSONSnapshotStore {
    public var isReadOnly: Bool { true }
    public func apply(_ request: MoveRequest) throws -> MoveOutcome { throw MoveError(.readOnly, path: path) }
    public func refresh() throws -> Bool { false }
}
