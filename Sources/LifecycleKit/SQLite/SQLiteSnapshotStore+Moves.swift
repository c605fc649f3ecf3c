// Placeholder until stage changes are written to SQLite files (issue 4).
extension SQLiteSnapshotStore {
    public var isReadOnly: Bool { true }
    public func apply(_ request: MoveRequest) throws -> MoveOutcome { throw MoveError(.readOnly, path: path) }
    public func refresh() throws -> Bool { false }
}
