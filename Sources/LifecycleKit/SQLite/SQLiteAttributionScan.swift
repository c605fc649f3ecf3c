import GRDBSQLite

/// Attribution on a SQLite snapshot without the streaming pass: the customers' ids and stages,
/// the transitions into the stage (and the undos), then one scan of the touchpoints in rowid
/// order keeping only what lies in a converter's window or is a purchase from its entry on;
/// those are then counted converter by converter in id order (`AttributionScanCount`: window,
/// revenue and credits as `AttributionConversion` and `AttributionModel` define them, every sum
/// in the streaming pass's order), so the figures are the same to the last bit.
struct SQLiteAttributionScan {
    let store: SQLiteSnapshotStore
    let pass: ChunkedPass
    /// Funnel position of the stage.
    let stage: Int
    let lookbackDays: Int
    let progress: @Sendable (Int) -> Void
    let shouldStop: @Sendable () -> Bool

    func run(_ template: AttributionAnalysis) throws -> AttributionAnalysis {
        let customers = try SQLiteCustomerColumns.read(pass, store: store, time: "stage_entered_at", progress: progress, shouldStop: shouldStop)
        let entries = try self.entries(customers)
        let kept = try keptTouchpoints(customers, entries: entries)
        return try AttributionScanCount(kept: kept, customers: customers, entries: entries, lookbackDays: lookbackDays,
                                        shouldStop: shouldStop).counted(template)
    }

    /// Per customer its first entry into the stage in microseconds (`none`: not converted): the
    /// earliest transition into it not undone, else `stage_entered_at` when it is in the stage.
    private func entries(_ customers: SQLiteCustomerColumns) throws -> [Int64] {
        let none = SQLiteCustomerColumns.none
        let stageID = store.stages[stage].id
        let reverts = store.transitionsHaveReverts
        var into: [(customer: Int32, at: Int64, id: Int)] = []
        var undos: [(customer: Int32, id: Int, reverts: Int)] = []
        var last: Int32?
        let condition = "to_stage = '\(stageID.replacingOccurrences(of: "'", with: "''"))'" + (reverts ? " OR reverts IS NOT NULL" : "")
        try pass.rows("customer_id, to_stage, at, \(reverts ? "reverts" : "NULL")", of: "transitions", where: condition,
                      chunk: 100_000) { s in
            guard let c = customers.number(of: s.bytes(1), last: &last) else { return }
            if s.type(4) == SQLITE_INTEGER { undos.append((c, s.int(0), s.int(4))) }
            guard s.bytes(2).elementsEqual(stageID.utf8) else { return }
            guard let at = Timestamp.parse(s.bytes(3)) else { throw malformed(s, table: "transitions", column: 3) }
            into.append((c, at.microseconds, s.int(0)))
        }
        let undone = try undonePairs(undos, customers)
        var entry = [Int64](repeating: none, count: customers.count)
        for e in into where !undone.contains(e.id) {
            let c = Int(e.customer)
            if entry[c] == none || e.at < entry[c] { entry[c] = e.at }
        }
        for c in 0..<customers.count where entry[c] == none && Int(customers.stages[c]) == stage {
            entry[c] = customers.times[c]
        }
        return entry
    }

    /// The ids of every undo naming another transition of its customer, and of that transition
    /// (`FunnelAccumulator.revertedPairs`, for the whole file at once).
    private func undonePairs(_ undos: [(customer: Int32, id: Int, reverts: Int)], _ customers: SQLiteCustomerColumns) throws -> Set<Int> {
        guard !undos.isEmpty else { return [] }
        let owner = try SQLiteStatement(pass.db, "SELECT customer_id FROM transitions WHERE id = ?1")
        var pairs = Set<Int>()
        for u in undos where u.reverts != u.id {
            owner.bind(1, u.reverts)
            defer { owner.reset() }
            var last: Int32?
            guard try owner.step(), customers.number(of: owner.bytes(0), last: &last) == u.customer else { continue }
            pairs.insert(u.id)
            pairs.insert(u.reverts)
        }
        return pairs
    }

    /// One scan of the touchpoints in two halves of their rowids, each on a connection and a
    /// thread of its own (the first half on this pass's connection), keeping those of a
    /// converter's window and its purchases from the entry on.
    private func keptTouchpoints(_ customers: SQLiteCustomerColumns, entries: [Int64]) throws -> KeptTouchpoints {
        let keeper = TouchpointKeeper(customers: customers, entries: entries, lookbackDays: lookbackDays, path: store.path,
                                      progress: progress, shouldStop: shouldStop)
        guard let (first, second) = try pass.halves(of: "touchpoints") else { return try keeper.kept(pass, rowids: Int.min...Int.max, part: 0) }
        let store = self.store
        let other = ThreadResult {
            try store.readOnOwnConnection(inOneTransaction: false) { db in try keeper.kept(try ChunkedPass(db), rowids: second, part: 1) }
        }
        var kept = try keeper.kept(pass, rowids: first, part: 0)
        kept.append(try other.value())
        try pass.checkUnchanged()
        return kept
    }

    private func malformed(_ s: SQLiteStatement, table: String, column: Int32) -> SnapshotError {
        Self.malformed(s, table: table, column: column, path: store.path)
    }

    static func malformed(_ s: SQLiteStatement, table: String, column: Int32, path: String) -> SnapshotError {
        SnapshotError(path: path, kind: .invalidField, place: "\(table) row \(s.int(0)), column at",
                      message: "malformed timestamp \(JSONText.string(s.string(column) ?? ""))")
    }
}

/// One touchpoint kept: in a window, or a purchase at or after the entry.
struct Kept {
    var customer: Int32
    var id: Int32
    var at: Int64
    var channel: Int32
    var type: Int32
    /// -1: none.
    var campaign: Int32
    var value: Double
}

/// The kept touchpoints and the tables their texts are numbered in.
struct KeptTouchpoints {
    var rows: [Kept] = []
    var ids = ByteStringTable(indexed: false)
    var channels = ByteStringTable()
    var types = ByteStringTable()
    var campaigns = ByteStringTable()

    /// Adds `other`'s rows after these, its texts numbered in these tables.
    mutating func append(_ other: KeptTouchpoints) {
        let shift = Int32(ids.count)
        ids.append(contentsOf: other.ids)
        func numbers(_ from: ByteStringTable, into table: inout ByteStringTable) -> [Int32] {
            (0..<from.count).map { k in var s = from.string(k); return s.withUTF8 { table.add($0) } }
        }
        let channel = numbers(other.channels, into: &channels), type = numbers(other.types, into: &types)
        let campaign = numbers(other.campaigns, into: &campaigns)
        rows += other.rows.map {
            Kept(customer: $0.customer, id: $0.id + shift, at: $0.at, channel: channel[Int($0.channel)], type: type[Int($0.type)],
                 campaign: $0.campaign < 0 ? -1 : campaign[Int($0.campaign)], value: $0.value)
        }
    }
}

/// What keeps a touchpoint (a part of the scan of `SQLiteAttributionScan`, on any connection).
struct TouchpointKeeper: Sendable {
    let customers: SQLiteCustomerColumns
    let entries: [Int64]
    let lookbackDays: Int
    let path: String
    let progress: @Sendable (Int) -> Void
    let shouldStop: @Sendable () -> Bool
    /// Per part, the customers its rows went through so far (their sum is the progress).
    private let done = Protected([0, 0])

    init(customers: SQLiteCustomerColumns, entries: [Int64], lookbackDays: Int, path: String,
         progress: @escaping @Sendable (Int) -> Void, shouldStop: @escaping @Sendable () -> Bool) {
        self.customers = customers
        self.entries = entries
        self.lookbackDays = lookbackDays
        self.path = path
        self.progress = progress
        self.shouldStop = shouldStop
    }

    /// The touchpoints with rowids in `rowids` of a converter's window, and its purchases from
    /// the entry on; `part` (0, 1) counts its progress.
    fileprivate func kept(_ pass: ChunkedPass, rowids: ClosedRange<Int>, part: Int) throws -> KeptTouchpoints {
        let none = SQLiteCustomerColumns.none
        var kept = KeptTouchpoints()
        SQLiteKeepFunction.register(self, on: pass.db)
        defer { SQLiteKeepFunction.remove(from: pass.db) }
        var last: Int32?, firstCustomer: Int32?
        var seen = 0
        try pass.rows("customer_id, at, type, value, id, channel, campaign", of: "touchpoints",
                      where: "clc_converter(customer_id) AND clc_kept(customer_id, at, type)", rowids: rowids, chunk: 100_000) { s in
            seen += 1
            if seen % 65_536 == 0 {
                let through = Int((last ?? 0) - (firstCustomer ?? 0))
                progress(done.withLock { $0[part] = max(0, through); return $0[0] + $0[1] })
                if shouldStop() { throw CancellationError() }
            }
            if firstCustomer == nil { firstCustomer = last }
            guard let c = customers.number(of: s.bytes(1), last: &last), entries[Int(c)] != none else { return }
            let entry = entries[Int(c)]
            guard let at = Timestamp.parse(s.bytes(2))?.microseconds else {
                throw SQLiteAttributionScan.malformed(s, table: "touchpoints", column: 2, path: path)
            }
            let type = s.bytes(3)
            guard keeps(at: at, entry: entry, type: type) else { return }
            kept.rows.append(Kept(customer: c, id: kept.ids.append(s.bytes(5)), at: at, channel: kept.channels.add(s.bytes(6)),
                                  type: kept.types.add(type), campaign: s.isNull(7) ? -1 : kept.campaigns.add(s.bytes(7)),
                                  value: s.isNull(4) ? 0 : s.double(4)))
        }
        return kept
    }

    /// In the window of the entry, or a purchase from the entry on.
    func keeps(at: Int64, entry: Int64, type: UnsafeBufferPointer<UInt8>) -> Bool {
        (at <= entry && at >= start(entry)) || (at >= entry && type.elementsEqual(Self.purchase))
    }

    private static let purchase = Array("purchase".utf8)

    private func start(_ entry: Int64) -> Int64 {
        AttributionConversion.windowStart(Timestamp(microseconds: entry), lookbackDays: lookbackDays).microseconds
    }
}
