/// The customers of a SQLite snapshot as the SQL paths of the analyses read them: one scan of
/// the table in rowid order, only the id, the stage and at most one time column; customers
/// numbered in that order, and `order` gives them in id order (byte order, as the streaming
/// pass hands them).
struct SQLiteCustomerColumns {
    var ids = ByteStringTable(indexed: false)
    /// The ids again, found by their bytes, when they are not in id order (else a search by
    /// halving finds them: no table to build for the usual file).
    private var hashed: ByteStringTable?
    /// Per customer: its stage's funnel position.
    var stages: [Int32] = []
    /// Per customer: the time column asked for, in microseconds (`Self.none` when null).
    var times: [Int64] = []
    /// Customer numbers in id order.
    var order: [Int32] = []

    /// No time.
    static let none = Int64.min

    var count: Int { stages.count }

    /// Reads every customer; `time` names the time column to read (`created_at`,
    /// `stage_entered_at`) or nil. Throws as the streaming pass does for an unknown stage or a
    /// malformed time in what it reads.
    static func read(_ pass: ChunkedPass, store: SQLiteSnapshotStore, time: String?,
                     progress: (Int) -> Void, shouldStop: () -> Bool) throws -> SQLiteCustomerColumns {
        var c = SQLiteCustomerColumns()
        var sorted = true
        var previousStage: (bytes: [UInt8], stage: Int32) = ([], -1)
        try pass.rows("id, stage, \(time ?? "NULL")", of: "customers", chunk: 100_000) { s in
            let id = s.bytes(1)
            if sorted && c.count > 0 && c.ids.compare(c.count - 1, id) >= 0 { sorted = false }
            c.ids.append(id)
            let stage = s.bytes(2)
            if !stage.elementsEqual(previousStage.bytes) {
                let name = String(decoding: stage, as: UTF8.self)
                guard let position = store.stageIndex[name] else {
                    throw SnapshotError(path: store.path, kind: .unknownReference, place: "customers row \(s.int(0)) (id \(c.ids.string(c.ids.count - 1))), column stage",
                                        message: "unknown stage \(JSONText.string(name))")
                }
                previousStage = (Array(stage), Int32(position))
            }
            c.stages.append(previousStage.stage)
            if let time { c.times.append(try Self.time(s, 3, time, store: store)) }
            if c.count % 65_536 == 0 {
                progress(c.count)
                if shouldStop() { throw CancellationError() }
            }
        }
        c.order = c.sortedOrder(alreadySorted: sorted)
        if !sorted {
            var hashed = ByteStringTable(capacity: c.count)
            hashed.append(contentsOf: c.ids)
            c.hashed = hashed
        }
        return c
    }

    /// Column `column` of `s` as microseconds, `none` for null; throws for a malformed time.
    static func time(_ s: SQLiteStatement, _ column: Int32, _ name: String, store: SQLiteSnapshotStore) throws -> Int64 {
        guard !s.isNull(column) else { return none }
        guard let t = Timestamp.parse(s.bytes(column)) else {
            throw SnapshotError(path: store.path, kind: .invalidField, place: "customers row \(s.int(0)), column \(name)",
                                message: "malformed timestamp \(JSONText.string(s.string(column) ?? ""))")
        }
        return t.microseconds
    }

    private func sortedOrder(alreadySorted: Bool) -> [Int32] {
        let all = (0..<Int32(count)).map { $0 }
        return alreadySorted ? all : all.sorted { ids.compare(Int($0), Int($1)) < 0 }
    }

    /// The number of the customer with id `bytes`, trying the one found last first (rows of
    /// one customer usually come together). Nil for an id not among the customers.
    func number(of bytes: UnsafeBufferPointer<UInt8>, last: inout Int32?) -> Int32? {
        if let known = last {
            if ids.compare(Int(known), bytes) == 0 { return known }
            // The next customer in rowid order: rows written customer by customer.
            if Int(known) + 1 < count, ids.compare(Int(known) + 1, bytes) == 0 { last = known + 1; return known + 1 }
        }
        if let found = hashed.map({ $0.index(of: bytes) }) ?? search(bytes) { last = found; return found }
        return nil
    }

    /// The number of the customer with id `bytes` when the ids are in id order (by halving).
    private func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if ids.compare(middle, bytes) < 0 { low = middle + 1 } else { high = middle }
        }
        return low < count && ids.compare(low, bytes) == 0 ? Int32(low) : nil
    }
}
