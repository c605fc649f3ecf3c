import Foundation

/// The streaming pass of a SQLite store: customers in id order, a chunk at a time, each
/// chunk merged with what the analyses need of its customers — transitions, touchpoints (or
/// only purchases), revenue — each read for the chunk's id range through its per-customer
/// index. Chunked and started over when another program changes the file (`chunkedPass`).
extension SQLiteSnapshotStore {
    public func stream(_ analyses: [any Analysis], shouldStop: () -> Bool) throws -> [any Analysis] {
        let needs = analyses.needs
        noteTableReads(["customers"] + (needs.contains(.transitions) ? ["transitions"] : [])
                       + (needs.isDisjoint(with: [.touchpoints, .purchases, .revenue]) ? [] : ["touchpoints"]))
        return try chunkedPass { pass in
            var run = analyses
            try stream(pass, needs: needs, shouldStop: shouldStop) { run.add($0) }
            return run
        }
    }

    private func stream(_ pass: ChunkedPass, needs: JourneyNeeds, shouldStop: () -> Bool,
                        _ visit: (CustomerRecord) -> Void) throws {
        let reader = try StreamStatements(pass.db, needs: needs, hasReverts: transitionsHaveReverts)
        var lastID: String?, size = journeyChunk
        while true {
            if shouldStop() { throw CancellationError() }
            let clock = ChunkClock()
            let customers = try reader.customers(after: lastID, limit: size, store: self)
            guard let low = customers.first?.id, let high = customers.last?.id else { break }
            reader.bind(low, high)
            // Ends on time too (the rest is read in the next chunk): the read lock is held
            // meanwhile, and a chunk of 20,000 customers read for seconds on a loaded machine.
            var cut: String?
            for (i, var record) in customers.enumerated() {
                try reader.fill(&record, store: self)
                visit(record)
                if i & 15 == 15, i + 1 < customers.count, clock.isOver { cut = record.id; break }
            }
            reader.reset()
            betweenJourneyChunks?()
            try pass.checkUnchanged()
            if cut == nil && customers.count < size { break }
            lastID = cut ?? high
            size = clock.nextSize(after: size, limit: journeyChunk)
        }
    }

    /// A customer row of the pass, or the error naming its place.
    func streamRecord(_ s: SQLiteStatement) throws -> CustomerRecord {
        let id = s.string(0) ?? ""
        let place = "customers row \(s.int(4)) (id \(id)), column"
        let stageID = s.string(1) ?? ""
        guard let stage = stageIndex[stageID] else {
            throw SnapshotError(path: path, kind: .unknownReference, place: place + " stage", message: "unknown stage \(JSONText.string(stageID))")
        }
        func time(_ column: Int32, _ name: String) throws -> Timestamp? {
            guard !s.isNull(column) else { return nil }
            guard let t = Timestamp.parse(s.bytes(column)) else {
                throw SnapshotError(path: path, kind: .invalidField, place: place + " " + name,
                                    message: "malformed timestamp \(JSONText.string(s.string(column) ?? ""))")
            }
            return t
        }
        return CustomerRecord(id: id, name: s.string(5) ?? "", stage: stage, stageEnteredAt: try time(2, "stage_entered_at"),
                              createdAt: try time(3, "created_at"))
    }
}

/// The statements of one streaming pass, and the merge of their rows into the chunk's customers.
private final class StreamStatements {
    let first: SQLiteStatement
    let next: SQLiteStatement
    let transitions: SQLiteStatement?
    let touchpoints: SQLiteStatement?
    let revenues: SQLiteStatement?
    private var more: [ObjectIdentifier: Bool] = [:]

    init(_ db: OpaquePointer, needs: JourneyNeeds, hasReverts: Bool) throws {
        let columns = "id, stage, stage_entered_at, created_at, rowid, name"
        first = try SQLiteStatement(db, "SELECT \(columns) FROM customers ORDER BY id LIMIT ?2")
        next = try SQLiteStatement(db, "SELECT \(columns) FROM customers WHERE id > ?1 ORDER BY id LIMIT ?2")
        transitions = needs.contains(.transitions) ? try SQLiteStatement(db, """
            SELECT customer_id, to_stage, at, rowid, from_stage, \(hasReverts ? "reverts" : "NULL") FROM transitions
            WHERE customer_id >= ?1 AND customer_id <= ?2 ORDER BY customer_id
            """) : nil
        let purchasesOnly = needs.contains(.purchases) && !needs.contains(.touchpoints)
        touchpoints = needs.contains(.touchpoints) || needs.contains(.purchases) ? try SQLiteStatement(db, """
            SELECT customer_id, id, at, channel, type, campaign, value, rowid FROM touchpoints
            WHERE customer_id >= ?1 AND customer_id <= ?2\(purchasesOnly ? " AND type = 'purchase'" : "") ORDER BY customer_id
            """) : nil
        revenues = needs.contains(.revenue) ? try SQLiteStatement(db, """
            SELECT customer_id, total(value) FROM touchpoints
            WHERE customer_id >= ?1 AND customer_id <= ?2 GROUP BY customer_id ORDER BY customer_id
            """) : nil
    }

    private var ranged: [SQLiteStatement] { [transitions, touchpoints, revenues].compactMap { $0 } }

    /// The next chunk of customers (read whole, so that their statement is done).
    func customers(after lastID: String?, limit: Int, store: SQLiteSnapshotStore) throws -> [CustomerRecord] {
        let s = lastID == nil ? first : next
        if let lastID { s.bind(1, lastID) }
        s.bind(2, limit)
        defer { s.reset() }
        var rows: [CustomerRecord] = []
        while try s.step() { rows.append(try store.streamRecord(s)) }
        return rows
    }

    func bind(_ low: String, _ high: String) {
        for s in ranged {
            s.bind(1, low)
            s.bind(2, high)
            more[ObjectIdentifier(s)] = nil
        }
    }

    func reset() { for s in ranged { s.reset() } }

    /// Adds to `record` the rows of each ranged statement whose customer id is its id.
    func fill(_ record: inout CustomerRecord, store: SQLiteSnapshotStore) throws {
        var id = record.id
        try id.withUTF8 { id in
            if let s = transitions {
                try rows(of: s, for: id) { record.transitions.append(try store.journeyEntry(s)) }
            }
            if let s = touchpoints {
                try rows(of: s, for: id) { record.touchpoints.append(try Self.touchpoint(s, store)) }
                record.touchpoints.sort { $0.at != $1.at ? $0.at < $1.at : $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
            }
            if let s = revenues { try rows(of: s, for: id) { record.revenue = s.double(1) } }
        }
        record.transitions.sort { $0.at != $1.at ? $0.at < $1.at : ($0.id ?? 0) < ($1.id ?? 0) }
    }

    /// Calls `body` for each row of `s` (ordered by customer id) whose column 0 is `id`.
    private func rows(of s: SQLiteStatement, for id: UnsafeBufferPointer<UInt8>, _ body: () throws -> Void) throws {
        let key = ObjectIdentifier(s)
        var has = try more[key] ?? s.step()
        while has {
            let order = binaryCompare(s.bytes(0), id)
            if order > 0 { break }
            if order == 0 { try body() }
            has = try s.step()
        }
        more[key] = has
    }

    private static func touchpoint(_ s: SQLiteStatement, _ store: SQLiteSnapshotStore) throws -> TouchpointRecord {
        guard let at = Timestamp.parse(s.bytes(2)) else {
            throw SnapshotError(path: store.path, kind: .invalidField, place: "touchpoints row \(s.int(7)), column at",
                                message: "malformed timestamp \(JSONText.string(s.string(2) ?? ""))")
        }
        return TouchpointRecord(id: s.string(1) ?? "", at: at, channel: s.string(3) ?? "", type: s.string(4) ?? "",
                                campaign: s.string(5), value: s.isNull(6) ? nil : s.double(6))
    }
}
