import Foundation

/// A JSON snapshot, read once into compact columns (see `SnapshotTables`) and indexes.
///
/// Opening reads the whole file with a byte-level reader and validates it: any error
/// throws `SnapshotError` listing every problem with its place (a JSON path such as
/// `customers[1041].stage`, or `line L, column C` for a syntax error, both 1-based, the
/// column counted in Unicode code points); warnings end up in `problems`. Customer lists
/// are sorted once per (stage, filter, order) and cached, so that paging costs only the page.
///
/// Sendable: the tables, indexes and `info` change only under `mutation`, which the figures'
/// thread takes too; the list cache has its own lock; stage changes, saving and the journal
/// run on one thread at a time (the dashboard's effect worker, or the command).
public final class JSONSnapshotStore: SnapshotStore, FileSaving, @unchecked Sendable {
    /// Changes only when `save(to:)` continues on the new file (on the thread that applies changes).
    public internal(set) var path: String
    /// `as_of` follows the latest stage change when the file declares none; a declared one never moves.
    public var info: SnapshotInfo { mutation.withLock { currentInfo } }
    var currentInfo: SnapshotInfo
    public let stages: [Stage]
    public let problems: ProblemList
    /// Changed only by `apply` (see `JSONSnapshotStore+Moves.swift`), holding `mutation`.
    /// Queries run on the thread that applies changes, except `funnelReport()`
    /// (`stream`, `totals`, `info`), which may run on another: it takes the tables and
    /// indexes under `mutation` (a copy-on-write snapshot) and works on that.
    let mutation = NSLock()
    var tables: SnapshotTables
    var indexes: SnapshotIndexes
    private let sortedSegments: [String]
    private let sortedChannels: [String]
    let lists = CustomerListCache()
    /// Every customer row in id order, for the streaming pass: computed once (stage changes
    /// never add, remove or rename customers).
    private let rowsByID = Protected<[Int]?>(nil)
    /// The value table given by `attachValues`, with each customer row's table row.
    let valueSlot = Protected(JSONValueSlot())
    /// The journal, the file's identity when loaded, and whether moves are allowed.
    let moves: JSONMoveState

    /// Opens and validates the JSON snapshot at `path`, then replays its journal
    /// (`<path>.clc-journal`, the stage changes not yet saved into the file). `readOnly`
    /// refuses every change even when the file and its directory are writable.
    /// A journal that cannot be replayed (another version of the file, damaged) is left
    /// alone: the file is read as it is on disk, `staleJournal` says why, a warning names it
    /// in `problems`, and changes are refused until `setAsideStaleJournal()`.
    public convenience init(path: String, readOnly: Bool = false) throws {
        let stamp = JSONFileStamp(path: path)
        let file = try MappedFile(path: path)
        let identity = JSONBaseIdentity(file.bytes)
        var tables = try Self.parse(file.bytes, path: path, onProgress: file.release(below:))
        var journal: JSONJournal?, stale: StaleJournal?
        do {
            let read = try JSONJournal.read(snapshotPath: path, base: identity)
            try read.replay(into: &tables)
            journal = read
        } catch let error as StaleJournal {
            stale = error
        }
        let state = JSONMoveState(readOnly: readOnly || !JSONMoveState.isWritable(path), stamp: stamp,
                                  identity: identity, journal: journal, staleJournal: stale)
        self.init(tables: tables, path: path, moves: state)
    }

    /// Reads a snapshot from JSON text in memory; `path` only names it in messages. Read-only.
    public convenience init(bytes: [UInt8], path: String = "<memory>") throws {
        let tables = try bytes.withUnsafeBufferPointer { try Self.parse($0, path: path, onProgress: nil) }
        self.init(tables: tables, path: path, moves: JSONMoveState(readOnly: true, stamp: nil,
                                                                   identity: JSONBaseIdentity([]), journal: nil))
    }

    /// The tables of a snapshot without errors; throws `SnapshotError` otherwise.
    private static func parse(_ text: UnsafeBufferPointer<UInt8>, path: String,
                              onProgress: ((Int) -> Void)?) throws -> SnapshotTables {
        var parser = JSONSnapshotParser(reader: JSONByteReader(text, onProgress: onProgress))
        do {
            try parser.parse()
        } catch let error as JSONSyntaxError {
            if let csv = CSVSniffer.describe(text) { throw SnapshotError(path: path, message: csv) }
            throw SnapshotError(path: path, kind: .notASnapshot,
                                place: TextPosition(offset: error.offset, in: text).description, message: error.text)
        }
        if parser.problems.hasErrors { throw SnapshotError(path: path, problems: parser.problems) }
        parser.tables.readWarnings = parser.problems
        return parser.tables
    }

    private init(tables: SnapshotTables, path: String, moves: JSONMoveState) {
        let indexes = SnapshotIndexes(tables)
        self.moves = moves
        self.path = path
        self.tables = tables
        self.indexes = indexes
        stages = tables.stages
        let latest = tables.declaredAsOf?.microseconds ?? indexes.latestTimestamp
        currentInfo = SnapshotInfo(name: tables.name, currency: tables.currency ?? "EUR", declaredAsOf: tables.declaredAsOf,
                            asOf: Timestamp(microseconds: latest == noTimestamp ? 0 : latest))
        var problems = tables.readWarnings
        problems.merge(indexes.warnings(tables, declaredAsOf: tables.declaredAsOf))
        if let stale = moves.staleJournal { problems.add(Problem(.staleJournal, at: "", stale.warningMessage)) }
        self.problems = problems
        sortedSegments = Self.distinctSortedWords(tables.customers.segments, tables.words).filter { !$0.isEmpty }
        sortedChannels = Self.distinctSortedWords(tables.touchpoints.channels, tables.words)
    }

    private static func distinctSortedWords(_ column: [Int32], _ words: StringInterner) -> [String] {
        var used = [Bool](repeating: false, count: words.count)
        for w in column where w >= 0 { used[Int(w)] = true }
        return used.indices.filter { used[$0] }.map { words[Int32($0)] }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    // MARK: Figures

    public func totals() throws -> SnapshotTotals {
        mutation.withLock {
            SnapshotTotals(customers: tables.customers.count, touchpoints: tables.touchpoints.count,
                           transitions: tables.transitions.count, revenue: indexes.totalRevenue)
        }
    }

    public func stageCounts() throws -> [Int] { stages.indices.map { indexes.customersByStage.count($0) } }

    public func segments() throws -> [String] { sortedSegments }

    public func channels() throws -> [String] { sortedChannels }

    // MARK: Customer lists

    public func customerCount(inStage stage: String, filter: CustomerFilter) throws -> Int {
        guard let s = tables.stagePosition(of: stage) else { return 0 }
        if filter.isEmpty { return indexes.customersByStage.count(s) }
        return rows(inStage: s, filter: filter, sortedBy: nil).count
    }

    public func customers(inStage stage: String, filter: CustomerFilter, sort: CustomerSort,
                          offset: Int, limit: Int) throws -> [CustomerSummary] {
        guard let s = tables.stagePosition(of: stage) else { return [] }
        let values = valueSlot.current.values
        let order = rows(inStage: s, filter: filter, sortedBy: sort.field, values: values)
        let n = order.count
        let start = min(max(offset, 0), n)
        let end = start + min(max(limit, 0), n - start)
        return (start..<end).map { k in summary(Int(order[sort.descending ? n - 1 - k : k]), values: values) }
    }

    /// The customer rows of a stage passing `filter`, ascending by `field` (file order for nil),
    /// with the value table attached now.
    func rows(inStage stage: Int, filter: CustomerFilter, sortedBy field: CustomerSort.Field?) -> [Int32] {
        rows(inStage: stage, filter: filter, sortedBy: field, values: valueSlot.current.values)
    }

    /// The customer rows of a stage passing `filter`, ascending by `field` (file order for nil).
    /// Other orders are made from the id order, the tie-breaker. Without `values` a value
    /// field is the id order and a value filter keeps nobody.
    func rows(inStage stage: Int, filter: CustomerFilter, sortedBy field: CustomerSort.Field?, values: JSONValues?) -> [Int32] {
        let field = values == nil && field?.isValue == true ? .id : field
        let key = CustomerListCache.Key(stage: stage, filter: filter, field: field, values: values?.generation ?? 0)
        if let rows = lists[key] { return rows }
        let ordering = CustomerOrdering(tables: tables, indexes: indexes, values: values)
        let rows: [Int32]
        switch field {
        case nil: rows = filtered(Array(indexes.customersByStage[stage]), filter, values)
        case .id: rows = ordering.sortedByID(self.rows(inStage: stage, filter: filter, sortedBy: nil, values: values))
        case let field?: rows = ordering.sorted(self.rows(inStage: stage, filter: filter, sortedBy: .id, values: values), by: field)
        }
        lists[key] = rows
        return rows
    }

    private func filtered(_ rows: [Int32], _ filter: CustomerFilter, _ values: JSONValues?) -> [Int32] {
        var rows = rows
        if let ids = filter.ids {
            // The set's ids looked up (fewer than the stage's rows as a rule), then one pass.
            var keep = [Bool](repeating: false, count: tables.customers.count)
            for id in ids.ids { if let row = tables.customerRow(of: id) { keep[row] = true } }
            rows.removeAll { !keep[Int($0)] }
        }
        if let value = filter.value {
            guard let values else { return [] }
            rows.removeAll { !value.accepts(values.figures(row: Int($0))) }
        }
        if let segment = filter.segment {
            guard let w = tables.words.find(segment) else { return [] }
            rows.removeAll { tables.customers.segments[Int($0)] != w }
        }
        if let channel = filter.channel {
            guard let w = tables.words.find(channel) else { return [] }
            rows.removeAll { c in
                !indexes.touchpointsByCustomer[Int(c)].contains { tables.touchpoints.channels[Int($0)] == w }
            }
        }
        return rows
    }

    // MARK: One customer

    public func customer(id: String) throws -> Customer? { tables.customerRow(of: id).map(customer(row:)) }

    public func touchpoints(ofCustomer id: String) throws -> [Touchpoint] {
        guard let c = tables.customerRow(of: id) else { return [] }
        return indexes.touchpointsByCustomer[c].map { touchpoint(row: Int($0)) }
    }

    public func transitions(ofCustomer id: String) throws -> [Transition] {
        guard let c = tables.customerRow(of: id) else { return [] }
        return indexes.transitionsByCustomer[c].map { transition(row: Int($0)) }
    }

    // MARK: Whole snapshot

    public func stream(_ analyses: [any Analysis], shouldStop: () -> Bool) throws -> [any Analysis] {
        var analyses = analyses
        let needs = analyses.needs
        let (tables, indexes) = mutation.withLock { (self.tables, self.indexes) }
        let c = tables.customers
        let t = tables.transitions
        let tp = tables.touchpoints
        let purchase = needs.contains(.touchpoints) ? nil : tables.words.find("purchase")
        for (n, row) in idOrder(tables, indexes).enumerated() {
            if n % 1024 == 0 && shouldStop() { throw CancellationError() }
            var record = CustomerRecord(id: c.ids.text(row), name: c.names.text(row), stage: Int(c.stages[row]), stageEnteredAt: Timestamp(stored: c.stageEnteredAt[row]),
                                        createdAt: Timestamp(stored: c.createdAt[row]))
            if needs.contains(.transitions) {
                record.transitions = indexes.transitionsByCustomer[row].map { r in
                    let r = Int(r)
                    return StageEntry(stage: Int(t.to[r]), from: t.from[r] < 0 ? nil : Int(t.from[r]), at: Timestamp(microseconds: t.at[r]),
                                      id: t.ids[r] == 0 ? nil : t.ids[r], reverts: t.reverts[r] == 0 ? nil : t.reverts[r])
                }
            }
            if needs.contains(.touchpoints) || (needs.contains(.purchases) && purchase != nil) {
                record.touchpoints = indexes.touchpointsByCustomer[row].compactMap { r in
                    let r = Int(r)
                    if let purchase, tp.types[r] != purchase { return nil }
                    let value = tp.values[r]
                    return TouchpointRecord(id: tp.ids.text(r), at: Timestamp(microseconds: tp.at[r]), channel: tables.words[tp.channels[r]],
                                            type: tables.words[tp.types[r]], campaign: tp.campaigns[r] < 0 ? nil : tables.words[tp.campaigns[r]],
                                            value: value.isNaN ? nil : value)
                }
            }
            if needs.contains(.revenue) { record.revenue = indexes.revenue[row] }
            analyses.add(record)
        }
        return analyses
    }

    /// Every customer row in id order, computed once (stage changes never add, remove or
    /// rename customers).
    func idOrder(_ tables: SnapshotTables, _ indexes: SnapshotIndexes) -> [Int] {
        rowsByID.withLock { cached in
            if cached == nil { cached = CustomerOrdering(tables: tables, indexes: indexes).idOrder() }
            return cached!
        }
    }

    public func export(to sink: SnapshotSink) throws {
        try sink.begin(info: info, stages: stages)
        for row in 0..<tables.customers.count { try sink.add(customer(row: row)) }
        for row in 0..<tables.touchpoints.count { try sink.add(touchpoint(row: row)) }
        for row in 0..<tables.transitions.count { try sink.add(transition(row: row)) }
        try sink.finish()
    }

    // MARK: Rows to values

    func customer(row: Int) -> Customer {
        let c = tables.customers
        return Customer(
            id: c.ids.text(row), name: c.names.text(row), email: c.emails.string(row),
            stage: stages[Int(c.stages[row])].id,
            stageEnteredAt: Timestamp(stored: c.stageEnteredAt[row]), createdAt: Timestamp(stored: c.createdAt[row]),
            segment: c.segments[row] < 0 ? nil : tables.words[c.segments[row]],
            tags: c.tags[c.tagRange(row)].map { tables.words[$0] },
            attributes: c.attributeRange(row).map { Attribute(tables.words[c.attributeKeys[$0]], c.attributeValues[$0]) })
    }

    func summary(_ row: Int, values: JSONValues?) -> CustomerSummary {
        CustomerSummary(customer: customer(row: row), touchpointCount: indexes.touchpointsByCustomer.count(row),
                        lastTouchAt: Timestamp(stored: indexes.lastTouch[row]), revenue: indexes.revenue[row],
                        value: values?.figures(row: row))
    }

    func touchpoint(row: Int) -> Touchpoint {
        let t = tables.touchpoints
        let value = t.values[row]
        return Touchpoint(
            id: t.ids.text(row), customerID: tables.customers.ids.text(Int(t.customers[row])),
            at: Timestamp(microseconds: t.at[row]), channel: tables.words[t.channels[row]], type: tables.words[t.types[row]],
            campaign: t.campaigns[row] < 0 ? nil : tables.words[t.campaigns[row]],
            value: value.isNaN ? nil : value, note: t.notes.string(row))
    }

    func transition(row: Int) -> Transition {
        let t = tables.transitions
        return Transition(
            customerID: tables.customers.ids.text(Int(t.customers[row])),
            from: t.from[row] < 0 ? nil : stages[Int(t.from[row])].id, to: stages[Int(t.to[row])].id,
            at: Timestamp(microseconds: t.at[row]), by: tables.words[t.by[row]], note: t.notes.string(row),
            id: t.ids[row] == 0 ? nil : t.ids[row], reverts: t.reverts[row] == 0 ? nil : t.reverts[row])
    }
}

/// Customer lists already filtered and sorted, shared by the pages of one list. Bounded:
/// cleared when it holds too many lists.
final class CustomerListCache {
    struct Key: Hashable {
        var stage: Int
        var filter: CustomerFilter
        var field: CustomerSort.Field?
        /// The generation of the value table the list was made with (0: none).
        var values: Int
    }

    private var lists: [Key: [Int32]] = [:]
    private let lock = NSLock()
    private static let maxLists = 64

    /// Forgets every list (after a stage change).
    func removeAll() { lock.withLock { lists.removeAll() } }

    subscript(key: Key) -> [Int32]? {
        get { lock.withLock { lists[key] } }
        set {
            lock.withLock {
                if lists.count >= Self.maxLists { lists.removeAll() }
                lists[key] = newValue
            }
        }
    }
}
