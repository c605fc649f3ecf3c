import Foundation
import GRDBSQLite

/// The full passes of a SQLite store (totals; the streaming pass is in +Stream): seconds on a big file, so
/// they run in the background, on a connection of their own (the store's connection is
/// serialized: sharing it would hold up every page the user asks for), and in chunks
/// (`ChunkedPass`), so that other programs can change the file meanwhile. A change during a
/// pass starts it over.
extension SQLiteSnapshotStore {
    /// How often a pass starts over because the file changed under it before giving up.
    static let passAttempts = 5

    /// Runs `body` as a chunked pass, again while other programs' changes interrupt it.
    func chunkedPass<T>(_ body: (ChunkedPass) throws -> T) throws -> T {
        try retried { try readOnOwnConnection(inOneTransaction: false) { db in try body(ChunkedPass(db)) } }
    }

    /// Runs `body(pass, 0)` on this thread and `body(pass, 1)` on another at once, each pass
    /// on a connection of its own; again while other programs' changes interrupt either.
    /// Both passes read the file's version before either reads a row, so a change made while
    /// either of them reads is seen by one of them.
    func chunkedPasses<T>(_ body: @escaping @Sendable (ChunkedPass, Int) throws -> T) throws -> (T, T) {
        try retried {
            try readOnOwnConnection(inOneTransaction: false) { first in
                try readOnOwnConnection(inOneTransaction: false) { second in
                    let mine = try ChunkedPass(first), theirs = Handover(try ChunkedPass(second))
                    let helper = ThreadResult { try body(theirs.value, 1) }
                    let done = Result { try body(mine, 0) }
                    let other = Result { try helper.value() }   // waited for even when this one failed
                    return (try done.get(), try other.get())
                }
            }
        }
    }

    /// `attempt` again while another program's change interrupts it (`FileChangedDuringPass`).
    private func retried<T>(_ attempt: () throws -> T) throws -> T {
        for _ in 0..<Self.passAttempts {
            do {
                return try attempt()
            } catch is FileChangedDuringPass {
                continue
            }
        }
        throw OperationError("\(path) kept changing while the figures were computed; they are computed again after the next change")
    }

    public func totals() throws -> SnapshotTotals {
        noteTableReads(["customers", "transitions", "touchpoints"])
        return try chunkedPass { pass in
            var totals = SnapshotTotals(customers: 0, touchpoints: 0, transitions: 0, revenue: 0)
            try pass.aggregates("count(*)", of: "customers", chunk: 500_000) { totals.customers += $0.int(0) }
            try pass.aggregates("count(*)", of: "transitions", chunk: 500_000) { totals.transitions += $0.int(0) }
            try pass.aggregates("count(*), total(value)", of: "touchpoints", chunk: RevenueSum.chunk) {
                totals.touchpoints += $0.int(0)
                totals.revenue += $0.double(1)
            }
            return totals
        }
    }

    /// Counts one whole-table pass over each of `tables` (see `tableReads`).
    func noteTableReads(_ tables: [String]) {
        tableReads.withLock { for table in tables { $0[table, default: 0] += 1 } }
    }

    /// One transition of the current row of `transitions`, or the error naming its place:
    /// the open checked structure only, and a row this scan cannot read refuses the figures.
    func journeyEntry(_ transitions: SQLiteStatement) throws -> StageEntry {
        let record = RecordPlace(.transitions, transitions.int(3))
        func refuse(_ finding: Finding) -> SnapshotError {
            var list = ProblemList()
            list.add(finding.problem(.sqlite))
            return SnapshotError(path: path, problems: list)
        }
        func stage(_ column: Int32, _ field: SnapshotField) throws -> Int? {
            guard let id = transitions.string(column) else { return nil }
            guard let stage = stageIndex[id] else { throw refuse(SnapshotRules.unknownReference(id, at: record.with(field))) }
            return stage
        }
        guard let to = try stage(1, .to) else { throw refuse(SnapshotRules.missingField(.to, of: record)) }
        guard let at = Timestamp.parse(transitions.bytes(2)) else {
            throw refuse(SnapshotRules.malformedTimestamp(transitions.string(2) ?? "", at: record.with(.at)))
        }
        let reverts = transitions.type(5) == SQLITE_INTEGER ? Int64(transitions.int(5)) : nil
        return StageEntry(stage: to, from: try stage(4, .from), at: at, id: Int64(transitions.int(3)), reverts: reverts)
    }
}

/// A value handed to another thread, which alone uses it from then on.
struct Handover<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
