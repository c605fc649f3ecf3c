import Foundation
import GRDB
import GRDBSQLite

/// A SQLite snapshot, answered with indexed queries: nothing is read that a question does
/// not need, so opening a file of millions of rows is immediate.
///
/// Opening checks the structure only (meta, tables, columns, stages); rows are checked by
/// `SQLiteValidator`. A row that does not follow the format is never shown with made-up
/// values: the call that meets it throws a `SnapshotError` naming its place.
/// Reads go through a read-only connection; stage changes (`apply`, in
/// SQLiteSnapshotStore+Moves.swift) through a second, writable connection opened when the
/// file and its directory are writable. The file is never rewritten and its journal mode
/// never changed.
///
/// Sendable: what changes after opening is under a lock (`state`, the list index and search
/// slots, `scans`); connections are GRDB queues, each serialized; `journeyChunk` and
/// `betweenJourneyChunks` are set by tests before any pass.
public final class SQLiteSnapshotStore: SnapshotStore, SideCached, @unchecked Sendable {
    public let path: String
    public let stages: [Stage]
    /// Warnings found at open (errors refuse the file).
    public let problems: ProblemList
    private let header: SQLiteSchema.Header
    private let database: DatabaseQueue
    let stageIndex: [String: Int]
    /// The connection stage changes are written through; nil when the store is read-only.
    let writer: DatabaseQueue?
    /// What changes after opening, shared by the threads that use the store (the effect
    /// worker, the figures' and the index's threads): read and written under its lock.
    private struct MutableState {
        /// `PRAGMA data_version` at the last `refresh()` (of `writer`, else of the read connection).
        var lastDataVersion = 0
        /// Another connection changed the file before one of this store's own stage changes
        /// (seen inside its transaction); reported by the next `refresh()`.
        var changedElsewhere = false
        /// Another program's transitions the list index followed inside one of this store's
        /// own changes; reported by the next `refresh()`.
        var followedElsewhere: [Transition]?
        var cachedInfo: SnapshotInfo?
        /// The file has `transitions.reverts` (the store adds it with its first undo).
        var hasRevertsColumn = false
    }
    private let state = Protected(MutableState())

    var lastDataVersion: Int {
        get { state.withLock { $0.lastDataVersion } }
        set { state.withLock { $0.lastDataVersion = newValue } }
    }
    var changedElsewhere: Bool {
        get { state.withLock { $0.changedElsewhere } }
        set { state.withLock { $0.changedElsewhere = newValue } }
    }
    var followedElsewhere: [Transition]? {
        get { state.withLock { $0.followedElsewhere } }
        set { state.withLock { $0.followedElsewhere = newValue } }
    }

    /// `as_of` from meta; when absent, the latest timestamp of the file, found by a full
    /// scan on first use (not at open).
    public var info: SnapshotInfo {
        if let known = state.withLock({ $0.cachedInfo }) { return known }
        let info = SnapshotInfo(name: header.name, currency: header.currency, declaredAsOf: header.declaredAsOf,
                                asOf: header.declaredAsOf ?? (try? latestTimestamp()) ?? Timestamp(microseconds: 0))
        return state.withLock { state in
            if state.cachedInfo == nil { state.cachedInfo = info }
            return state.cachedInfo!
        }
    }
    /// The full scans running on their own connections (see `readOnOwnConnection`).
    let scans = BackgroundScans()
    /// The per-customer columns that make lists instant, once built or loaded (see
    /// SQLiteSnapshotStore+ListIndex.swift).
    let listIndex = SQLiteListIndexSlot()
    /// How many times this store built its list index from the file (not read from the side cache).
    let listIndexBuilds = Protected(0)
    /// The value table given by `attachValues`, and its orders for the list index (see +Values).
    let valueSlot = Protected(SQLiteValues())
    /// Customers per chunk of the funnel figures' pass (small in tests, to see chunks interleave).
    var journeyChunk = 20_000
    /// The folded names and emails of the stage searched last (see +Search).
    let searchTexts = SearchTextsSlot(SearchTextsState())
    /// Called between two chunks of that pass, when no statement is active (for tests).
    var betweenJourneyChunks: (() -> Void)?
    /// Analysis results computed (not read from the side cache) by this store (for tests).
    let analysisPasses = Protected(0)
    /// The state of the file the last validation passed (see +Validation).
    let validState = Protected<ValidState?>(nil)
    /// How many validations checked only what other programs' changes added (for tests).
    let followedValidations = Protected(0)
    /// `as_of` as declared in meta when the store opened.
    var declaredAsOf: Timestamp? { header.declaredAsOf }
    /// Whole-table row passes made by this store, per table: the validator's row pass, the
    /// streaming pass, `totals` (for tests: a cold `funnelReport` reads each table twice).
    let tableReads = Protected([String: Int]())

    /// After this store wrote a transition at `at`. A declared `as_of` never moves; without
    /// one, the snapshot describes its latest timestamp, which may now be `at` (if not
    /// computed yet, the scan will find it).
    func didWrite(at: Timestamp) {
        guard header.declaredAsOf == nil else { return }
        state.withLock { state in
            if let asOf = state.cachedInfo?.asOf, at > asOf { state.cachedInfo?.asOf = at }
        }
    }

    /// The transitions' columns to read (with `reverts` once the file has that column).
    var transitionRows: SQLiteRows.Table { SQLiteRows.transitions(hasReverts: transitionsHaveReverts) }
    /// Whether the file has `transitions.reverts`; set when this store adds it.
    var transitionsHaveReverts: Bool {
        get { state.withLock { $0.hasRevertsColumn } }
        set { state.withLock { $0.hasRevertsColumn = newValue } }
    }

    /// Opens `path`. Throws `SnapshotError` when it is not a SQLite database, not a
    /// snapshot, of another version, or lacks a table, a column or valid stages.
    ///
    /// Stages can be changed (`isReadOnly == false`) unless `readOnly` is set, the file or
    /// its directory (where SQLite puts its journal) is not writable, or a writable
    /// connection cannot be opened.
    public init(path: String, readOnly: Bool = false) throws {
        self.path = path
        removesWALFiles = SQLiteSchema.walFilesAbsent(path)
        database = try SQLiteSchema.openReadOnly(path, cacheMiB: 8)
        do {
            header = try database.read { db in try SQLiteSchema.inspect(db) }
        } catch {
            throw SQLiteSchema.readError(error, path: path)
        }
        if header.problems.hasErrors { throw SnapshotError(path: path, problems: header.problems) }
        problems = header.problems
        stages = header.stages
        var index: [String: Int] = [:]
        for (i, s) in stages.enumerated() { index[s.id] = i }
        stageIndex = index
        writer = readOnly ? nil : SQLiteSchema.openWritable(path)
        lastDataVersion = (try? dataVersion()) ?? 0
        transitionsHaveReverts = header.transitionsHaveReverts
    }

    /// The file is in WAL mode and had no `-wal`/`-shm` when opened: they are removed when
    /// the store goes away (see `SQLiteSchema.removeWALFilesCreated`).
    private let removesWALFiles: Bool

    deinit {
        saveListIndex()
        guard removesWALFiles else { return }
        try? database.close()
        try? writer?.close()
        SQLiteSchema.removeWALFilesCreated(path)
    }

    /// Runs `body` on the connection in one read transaction; database failures become a
    /// `SnapshotError`, other errors pass unchanged.
    func read<T>(_ caller: String = #fileID, _ line: Int = #line, _ body: (OpaquePointer) throws -> T) throws -> T {
        try readOn(database, caller: "\(caller):\(line)", body)
    }

    /// For full scans that run in the background: a fresh read-only connection, so the
    /// store's own (serialized) connection stays free for the pages the user asks for.
    /// A stage change interrupts these (`BackgroundScans.interruptAll`): in rollback-journal
    /// mode a long read would otherwise block the commit until the busy timeout.
    func readOnOwnConnection<T>(inOneTransaction: Bool = true, _ caller: String = #fileID, _ line: Int = #line,
                                _ body: (OpaquePointer) throws -> T) throws -> T {
        // A small page cache: a scan reads each page once, and SQLite's sorter sizes its
        // memory by it (64 MiB made the 10M-row revenue pass slower, and 117 MB bigger).
        let scanDatabase = try SQLiteSchema.openReadOnly(path, cacheMiB: 8)
        let token = scans.register(scanDatabase)
        defer {
            scans.unregister(token)
            try? scanDatabase.close()
        }
        return try readOn(scanDatabase, inOneTransaction: inOneTransaction, caller: "\(caller):\(line)", body)
    }

    /// `body` on `queue`'s connection: in one read transaction, or else each statement in
    /// its own (for passes that must let other programs commit meanwhile).
    /// `caller` names the read in `CLC_READ_LOG` (see `ReadLog`).
    private func readOn<T>(_ queue: DatabaseQueue, inOneTransaction: Bool = true, caller: String,
                           _ body: (OpaquePointer) throws -> T) throws -> T {
        do {
            if !inOneTransaction {
                // A pass in chunks: its reads wait for a gap in the process's (see `ReadGate`).
                return try queue.inDatabase { db in
                    let connection = try SQLiteSchema.connection(db)
                    return try ReadGate.shared.yielding(connection) { try body(connection) }
                }
            }
            return try queue.read { db in
                try ReadGate.shared.reading { try ReadLog.timed(caller) { try body(SQLiteSchema.connection(db)) } }
            }
        } catch let error as SnapshotError {
            throw error
        } catch {
            throw SQLiteSchema.readError(error, path: path)
        }
    }

    // MARK: Overview

    /// From the side cache when it describes this state of the file; else counted on the
    /// stage index by two connections at once (the first frame waits for this).
    public func stageCounts() throws -> [Int] {
        if let counts = cachedStageCounts() { return counts }
        let queue = NumberQueue(count: stages.count)
        let helper = ThreadResult { [self] in try readOnOwnConnection { db in try count(from: queue, db) } }
        let mine = try read { db in try count(from: queue, db) }
        let theirs = try helper.value()
        return zip(mine, theirs).map { $0 + $1 }
    }

    /// Counts the stages taken from `queue` (each by one connection only), zero for the others.
    private func count(from queue: NumberQueue, _ db: OpaquePointer) throws -> [Int] {
        var counts = Array(repeating: 0, count: stages.count)
        let s = try SQLiteStatement(db, "SELECT count(*) FROM customers WHERE stage = ?1")
        while let i = queue.next() {
            s.bind(1, stages[i].id)
            _ = try s.step()
            counts[i] = s.int(0)
            s.reset()
        }
        return counts
    }

    public func segments() throws -> [String] {
        if let index = listIndex.current { return index.segmentNames.filter { !$0.isEmpty } }
        return try strings("SELECT DISTINCT segment FROM customers WHERE segment <> '' ORDER BY segment COLLATE BINARY")
    }

    public func channels() throws -> [String] {
        if let index = listIndex.current { return index.channelNames }
        return try strings("SELECT DISTINCT channel FROM touchpoints WHERE channel IS NOT NULL ORDER BY channel COLLATE BINARY")
    }

    private func strings(_ sql: String) throws -> [String] {
        try read { db in
            let s = try SQLiteStatement(db, sql)
            var out: [String] = []
            while try s.step() { out.append(s.string(0) ?? "") }
            return out
        }
    }

    // MARK: Customer lists

    /// `FROM customers c WHERE …` for a stage and a filter; parameters ?1 stage, ?2 segment, ?3 channel.
    static func listSource(_ filter: CustomerFilter) -> String {
        var sql = "FROM customers c WHERE c.stage = ?1"
        if filter.segment != nil { sql += " AND c.segment = ?2" }
        if filter.channel != nil {
            sql += " AND EXISTS (SELECT 1 FROM touchpoints t WHERE t.customer_id = c.id AND t.channel = ?3)"
        }
        return sql
    }

    static func bindList(_ s: SQLiteStatement, stage: String, filter: CustomerFilter) {
        s.bind(1, stage)
        if let segment = filter.segment { s.bind(2, segment) }
        if let channel = filter.channel { s.bind(3, channel) }
    }

    /// The SQL expression a customer list is sorted by.
    static func sortKey(_ field: CustomerSort.Field) -> String {
        switch field {
        case .name: return "c.name COLLATE \(NaturalCollation.name)"
        case .email: return "c.email COLLATE \(NaturalCollation.name)"
        case .segment: return "c.segment COLLATE \(NaturalCollation.name)"
        case .stageEnteredAt: return SQLiteTimeFunction.sql("c.stage_entered_at")
        case .touchpointCount: return "(SELECT count(*) FROM touchpoints t WHERE t.customer_id = c.id)"
        case .lastTouchAt: return "(SELECT max(\(SQLiteTimeFunction.sql("t.at"))) FROM touchpoints t WHERE t.customer_id = c.id)"
        case .revenue: return "(SELECT total(t.value) FROM touchpoints t WHERE t.customer_id = c.id)"
        case .id, .clv, .probabilityAlive, .rfmSegment: return "c.id COLLATE BINARY"
        }
    }

    public func customerCount(inStage stage: String, filter: CustomerFilter) throws -> Int {
        guard stageIndex[stage] != nil else { return 0 }
        let table = valueSlot.current.table
        if filter.value != nil, table == nil { return 0 }
        if let (index, values) = indexWithValues(filter: filter, field: .name),
           let count = index.count(stage: stageIndex[stage]!, filter: filter, values: values, idSlots: idSlots(filter, index)) {
            return count
        }
        if filter.ids != nil || (table != nil && filter.value != nil) {
            return try valueOrderedRowids(stage: stage, filter: filter, sort: CustomerSort(.id), table: table).count
        }
        return try read { db in
            let s = try SQLiteStatement(db, "SELECT count(*) " + Self.listSource(filter))
            Self.bindList(s, stage: stage, filter: filter)
            _ = try s.step()
            return s.int(0)
        }
    }

    public func customers(inStage stage: String, filter: CustomerFilter, sort: CustomerSort,
                          offset: Int, limit: Int) throws -> [CustomerSummary] {
        guard stageIndex[stage] != nil, limit > 0 else { return [] }
        let table = valueSlot.current.table
        if filter.value != nil, table == nil { return [] }
        let sort = table == nil ? sort.withoutValues() : sort
        if let (index, slots) = indexedList(stage: stage, filter: filter, field: sort.field) {
            let start = min(max(offset, 0), slots.count), end = min(start + limit, slots.count)
            let page = (start..<end).map { Int(slots[sort.descending ? slots.count - 1 - $0 : $0]) }
            return try read { db in
                try summaries(page.map { Int(index.rowids[$0]) }, db, table: table, figures: { index.figures(page[$0]) })
            }
        }
        if filter.ids != nil || (table != nil && (sort.field.isValue || filter.value != nil)) {
            let all = try valueOrderedRowids(stage: stage, filter: filter, sort: sort, table: table)
            let start = min(max(offset, 0), all.count), end = min(start + limit, all.count)
            return try read { db in try summaries(Array(all[start..<end]), db, table: table, figures: nil) }
        }
        return try read { db in
            let direction = sort.descending ? "DESC" : "ASC"
            var order = "c.id COLLATE BINARY \(direction)"
            if sort.field != .id { order = "\(Self.sortKey(sort.field)) \(direction), " + order }
            let page = try SQLiteStatement(db, "SELECT c.rowid \(Self.listSource(filter)) ORDER BY \(order) LIMIT ?4 OFFSET ?5")
            Self.bindList(page, stage: stage, filter: filter)
            page.bind(4, limit)
            page.bind(5, max(offset, 0))
            var rowids: [Int] = []
            while try page.step() { rowids.append(page.int(0)) }
            return try summaries(rowids, db, table: table, figures: nil)
        }
    }

    /// The customers of `rowids`, in that order, with their touchpoint figures: from
    /// `figures` (by position in `rowids`) when given, else queried per customer.
    func summaries(_ rowids: [Int], _ db: OpaquePointer, table: CustomerValueTable?,
                           figures known: ((Int) -> (count: Int, lastTouch: Timestamp?, revenue: Double))?) throws -> [CustomerSummary] {
        let details = try SQLiteStatement(db, SQLiteRows.customers.select("WHERE rowid = ?1"))
        let figures = try SQLiteStatement(db, """
            SELECT count(*), max(\(SQLiteTimeFunction.sql("at"))), total(value) FROM touchpoints WHERE customer_id = ?1
            """)
        return try rowids.enumerated().compactMap { position, rowid in
            details.bind(1, rowid)
            defer { details.reset() }
            guard try details.step() else { return nil }
            let customer = try decodeCustomer(details)
            let value = table?.figures(of: customer.id)
            if let known {
                let f = known(position)
                return CustomerSummary(customer: customer, touchpointCount: f.count, lastTouchAt: f.lastTouch, revenue: f.revenue,
                                       value: value)
            }
            figures.bind(1, customer.id)
            defer { figures.reset() }
            _ = try figures.step()
            return CustomerSummary(customer: customer, touchpointCount: figures.int(0),
                                   lastTouchAt: figures.isNull(1) ? nil : Timestamp(microseconds: Int64(figures.int(1))),
                                   revenue: figures.double(2), value: value)
        }
    }

    // MARK: One customer

    public func customer(id: String) throws -> Customer? {
        try read { db in
            let s = try SQLiteStatement(db, SQLiteRows.customers.select("WHERE id = ?1"))
            s.bind(1, id)
            return try s.step() ? decodeCustomer(s) : nil
        }
    }

    public func touchpoints(ofCustomer id: String) throws -> [Touchpoint] {
        let list = try read { db in
            let s = try SQLiteStatement(db, SQLiteRows.touchpoints.select("WHERE customer_id = ?1 ORDER BY at, id"))
            s.bind(1, id)
            var out: [Touchpoint] = []
            while try s.step() { out.append(try decode(s, SQLiteRows.touchpoints, SQLiteRows.touchpoint)) }
            return out
        }
        // Time order even when the file writes times with offsets; ties by id (bytes).
        return list.sorted { $0.at != $1.at ? $0.at < $1.at : $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
    }

    public func transitions(ofCustomer id: String) throws -> [Transition] {
        let list = try read { db in
            let rows = transitionRows
            let s = try SQLiteStatement(db, rows.select("WHERE customer_id = ?1 ORDER BY rowid"))
            s.bind(1, id)
            var out: [Transition] = []
            while try s.step() { out.append(try decode(s, rows, SQLiteRows.transition)) }
            return out
        }
        // Stable: ties keep row order.
        return list.enumerated().sorted { $0.element.at != $1.element.at ? $0.element.at < $1.element.at : $0.offset < $1.offset }
            .map(\.element)
    }

    // MARK: Export

    public func export(to sink: SnapshotSink) throws {
        let info = self.info
        try sink.begin(info: info, stages: stages)
        try read { db in
            let customers = try SQLiteStatement(db, SQLiteRows.customers.select("ORDER BY rowid"))
            while try customers.step() { try sink.add(decodeCustomer(customers)) }
            let touchpoints = try SQLiteStatement(db, SQLiteRows.touchpoints.select("ORDER BY rowid"))
            while try touchpoints.step() { try sink.add(decode(touchpoints, SQLiteRows.touchpoints, SQLiteRows.touchpoint)) }
            let rows = transitionRows
            let transitions = try SQLiteStatement(db, rows.select("ORDER BY rowid"))
            while try transitions.step() { try sink.add(decode(transitions, rows, SQLiteRows.transition)) }
        }
        try sink.finish()
    }

    // MARK: Helpers

    /// The entity of the current row, or a `SnapshotError` naming its bad columns.
    func decode<T>(_ s: SQLiteStatement, _ table: SQLiteRows.Table,
                           _ make: (inout SQLiteRows.Reader) -> T?) throws -> T {
        var reader = SQLiteRows.Reader(s, table)
        guard let value = make(&reader) else { throw SQLiteRows.refuse(reader, path: path) }
        return value
    }

    private func decodeCustomer(_ s: SQLiteStatement) throws -> Customer {
        try decode(s, SQLiteRows.customers, SQLiteRows.customer)
    }

    /// The latest timestamp anywhere in the file (for a snapshot without `as_of`).
    private func latestTimestamp() throws -> Timestamp? {
        try read { db in
            let s = try SQLiteStatement(db, """
                SELECT stage_entered_at FROM customers UNION ALL SELECT created_at FROM customers
                UNION ALL SELECT at FROM touchpoints UNION ALL SELECT at FROM transitions
                """)
            var latest: Timestamp?
            while try s.step() {
                if let t = Timestamp.parse(s.bytes(0)), latest.map({ t > $0 }) ?? true { latest = t }
            }
            return latest
        }
    }
}
