import Foundation
import GRDBSQLite

/// The full passes of a SQLite store (totals, the funnel figures): seconds on a big file, so
/// they run in the background, on a connection of their own (the store's connection is
/// serialized: sharing it would hold up every page the user asks for), and in chunks
/// (`ChunkedPass`), so that other programs can change the file meanwhile. A change during a
/// pass starts it over.
extension SQLiteSnapshotStore {
    /// How often a pass starts over because the file changed under it before giving up.
    static let passAttempts = 5

    /// Runs `body` as a chunked pass, again while other programs' changes interrupt it.
    func chunkedPass<T>(_ body: (ChunkedPass) throws -> T) throws -> T {
        for _ in 0..<Self.passAttempts {
            do {
                return try readOnOwnConnection(inOneTransaction: false) { db in try body(ChunkedPass(db)) }
            } catch is FileChangedDuringPass {
                continue
            }
        }
        throw OperationError("\(path) kept changing while the figures were computed; they are computed again after the next change")
    }

    public func totals() throws -> SnapshotTotals {
        try chunkedPass { pass in
            var totals = SnapshotTotals(customers: 0, touchpoints: 0, transitions: 0, revenue: 0)
            try pass.aggregates("count(*)", of: "customers", chunk: 500_000) { totals.customers += $0.int(0) }
            try pass.aggregates("count(*)", of: "transitions", chunk: 500_000) { totals.transitions += $0.int(0) }
            try pass.aggregates("count(*), total(value)", of: "touchpoints", chunk: 250_000) {
                totals.touchpoints += $0.int(0)
                totals.revenue += $0.double(1)
            }
            return totals
        }
    }

    /// Customers in id order, a chunk at a time, each chunk merged with its customers'
    /// transitions and revenue (both read for that id range through their per-customer indexes).
    public func scanJourneys(into accumulator: inout FunnelAccumulator) throws {
        let start = accumulator
        accumulator = try chunkedPass { pass in
            var acc = start
            try scanJourneys(pass, into: &acc)
            return acc
        }
    }

    private func scanJourneys(_ pass: ChunkedPass, into accumulator: inout FunnelAccumulator) throws {
        let db = pass.db
        let chunk = journeyChunk
        let first = try SQLiteStatement(db, "SELECT id, stage, stage_entered_at, rowid FROM customers ORDER BY id LIMIT ?2")
        let next = try SQLiteStatement(db, "SELECT id, stage, stage_entered_at, rowid FROM customers WHERE id > ?1 ORDER BY id LIMIT ?2")
        let transitions = try SQLiteStatement(db, """
            SELECT customer_id, to_stage, at, rowid, from_stage, \(transitionsHaveReverts ? "reverts" : "NULL") FROM transitions
            WHERE customer_id >= ?1 AND customer_id <= ?2 ORDER BY customer_id
            """)
        let revenues = try SQLiteStatement(db, """
            SELECT customer_id, total(value) FROM touchpoints
            WHERE customer_id >= ?1 AND customer_id <= ?2 GROUP BY customer_id ORDER BY customer_id
            """)
        var lastID: [UInt8]?
        var entries: [StageEntry] = []
        while true {
            // The chunk's customers, read whole so that their statement is done.
            let customers = lastID == nil ? first : next
            if let lastID { customers.bind(1, String(decoding: lastID, as: UTF8.self)) }
            customers.bind(2, chunk)
            var rows: [(id: [UInt8], stage: String?, entered: [UInt8]?, enteredText: String?, rowid: Int)] = []
            while try customers.step() {
                rows.append((Array(customers.bytes(0)), customers.string(1),
                             customers.isNull(2) ? nil : Array(customers.bytes(2)), customers.string(2), customers.int(3)))
            }
            customers.reset()
            guard let low = rows.first?.id, let high = rows.last?.id else { break }
            for s in [transitions, revenues] {
                s.bind(1, String(decoding: low, as: UTF8.self))
                s.bind(2, String(decoding: high, as: UTF8.self))
            }
            var moreTransitions = try transitions.step()
            var moreRevenues = try revenues.step()
            for row in rows {
                let id = row.id
                entries.removeAll(keepingCapacity: true)
                try id.withUnsafeBufferPointer { id in
                    while moreTransitions {
                        let order = binaryCompare(transitions.bytes(0), id)
                        if order > 0 { break }
                        if order == 0 { entries.append(try journeyEntry(transitions, accumulator)) }
                        moreTransitions = try transitions.step()
                    }
                }
                var revenue = 0.0
                try id.withUnsafeBufferPointer { id in
                    while moreRevenues {
                        let order = binaryCompare(revenues.bytes(0), id)
                        if order > 0 { break }
                        if order == 0 { revenue = revenues.double(1) }
                        moreRevenues = try revenues.step()
                    }
                }
                let place = "customers row \(row.rowid) (id \(String(decoding: id, as: UTF8.self))), column"
                let name = row.stage ?? ""
                guard let stage = accumulator.stageIndex(name) else {
                    throw SnapshotError(path: path, kind: .unknownReference, place: place + " stage", message: "unknown stage \(JSONText.string(name))")
                }
                let enteredAt = row.entered.flatMap { bytes in bytes.withUnsafeBufferPointer { Timestamp.parse($0) } }
                if let text = row.enteredText, enteredAt == nil {
                    throw SnapshotError(path: path, kind: .invalidField, place: place + " stage_entered_at", message: "malformed timestamp \(JSONText.string(text))")
                }
                accumulator.addCustomer(stage: stage, enteredAt: enteredAt, entries: entries, revenue: revenue)
            }
            transitions.reset()
            revenues.reset()
            betweenJourneyChunks?()
            try pass.checkUnchanged()
            if rows.count < chunk { break }
            lastID = high
        }
    }

    /// One transition of the current row of `transitions`, or the error naming its place:
    /// the open checked structure only, and a row this scan cannot read refuses the figures.
    private func journeyEntry(_ transitions: SQLiteStatement, _ accumulator: FunnelAccumulator) throws -> StageEntry {
        let place = "transitions row \(transitions.int(3))"
        func stage(_ column: Int32, _ name: String) throws -> Int? {
            guard let id = transitions.string(column) else { return nil }
            guard let stage = accumulator.stageIndex(id) else {
                throw SnapshotError(path: path, kind: .unknownReference, place: place + ", column \(name)", message: "unknown stage \(JSONText.string(id))")
            }
            return stage
        }
        guard let to = try stage(1, "to_stage") else {
            throw SnapshotError(path: path, kind: .invalidField, place: place + ", column to_stage", message: "missing value")
        }
        guard let at = Timestamp.parse(transitions.bytes(2)) else {
            throw SnapshotError(path: path, kind: .invalidField, place: place + ", column at", message: "malformed timestamp \(JSONText.string(transitions.string(2) ?? ""))")
        }
        let reverts = transitions.type(5) == SQLITE_INTEGER ? Int64(transitions.int(5)) : nil
        return StageEntry(stage: to, from: try stage(4, "from_stage"), at: at, id: Int64(transitions.int(3)), reverts: reverts)
    }
}
