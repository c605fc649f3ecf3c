import Foundation
import GRDBSQLite

/// Builds a `SQLiteListIndex` from the file: passes over the customers (ids, stages, segments
/// and times; then the names alone; then the emails alone) and one over the touchpoints (in
/// rowid order, never sorted by SQLite), every order sorted here on 16-byte records
/// (`ListIndexOrders`). Memory: one column of texts at a time, dropped as soon as its order
/// is made, and the text orders made before the touchpoint figures exist.
struct SQLiteListIndexBuilder {
    let stageIndex: [String: Int]
    let stageCount: Int

    /// What the first pass reads: one value per customer (slot), in rowid order.
    struct Customers {
        var rowids = RowidCollector()
        var ids = PackedTexts()
        var stages: [UInt8] = []
        /// Segment numbers in order of first appearance (`segmentTexts`) until `renumber()`.
        var segments: [Int32] = []
        var segmentTexts = StringInterner()
        /// Microseconds; `noTimestamp` for none.
        var entered: [Int64] = []
        var latestEntered = Int64.min
        /// Fields whose values cannot be ordered here exactly as SQL would.
        var unorderable: Set<CustomerSort.Field> = []
        var count: Int { stages.count }
    }

    /// The index's columns, and each field's whole order (ascending, ties by id), not yet
    /// grouped by stage: `SQLiteListIndexCache.write(_:wholeOrders:…)` or `grouped()` does that.
    struct Built {
        let index: SQLiteListIndex
        let orders: [CustomerSort.Field: [Int32]]

        /// The index with every order grouped by stage, in memory.
        func grouped() -> SQLiteListIndex { index.withOrders(orders) }
    }

    func build(_ db: OpaquePointer) throws -> Built {
        let pass = try ChunkedPass(db)
        var customers = try readCustomers(pass, expected: ChunkedPass.count("customers", db))
        let rowids = customers.rowids.slots
        let segmentNames = renumberSegments(&customers)
        var byID = ListIndexOrders.byID(customers.ids)
        var orders: [CustomerSort.Field: [Int32]] = [:]
        if !customers.unorderable.contains(.id) { orders[.id] = byID }
        for (field, column) in [(CustomerSort.Field.name, "name"), (.email, "email")] {
            orders[field] = try naturalOrder(pass, column, rowids: rowids, byID: byID)
        }
        var touches = try scanTouchpoints(pass, ids: customers.ids)
        customers.ids = PackedTexts()
        if touches.unorderableTimes { customers.unorderable.insert(.lastTouchAt) }
        func order(_ field: CustomerSort.Field, _ key: (Int) -> UInt64?) {
            if !customers.unorderable.contains(field) { orders[field] = ListIndexOrders.keyed(byID: byID, key) }
        }
        order(.segment, segmentKey(customers.segments, segmentNames))
        order(.stageEnteredAt) { CustomerOrdering.timeKey(customers.entered[$0]) }
        customers.entered = []
        order(.touchpointCount) { UInt64(touches.counts[$0]) }
        order(.lastTouchAt) { CustomerOrdering.timeKey(touches.lastTouches[$0]) }
        order(.revenue) { CustomerOrdering.numberKey(touches.revenues[$0]) }
        byID = []
        // Each column given up as it is copied; the orders stay whole (grouped by stage one at
        // a time as they are written to the side cache: the build's peak is not its last step).
        let index = SQLiteListIndex(rowids: rowids, stages: customers.stages, segments: SlotColumn(taking: &customers.segments),
                                    channels: SlotColumn(taking: &touches.channels), touchpointCounts: SlotColumn(taking: &touches.counts),
                                    lastTouches: SlotColumn(taking: &touches.lastTouches), revenues: SlotColumn(taking: &touches.revenues),
                                    segmentNames: segmentNames, channelNames: touches.channelNames,
                                    channelsComplete: touches.channelsComplete, orders: [:],
                                    latestEntered: customers.latestEntered, stageCount: stageCount)
        return Built(index: index, orders: orders)
    }

    /// Ids, stages, segments and times of every customer, in rowid order.
    private func readCustomers(_ pass: ChunkedPass, expected: Int) throws -> Customers {
        var c = Customers()
        c.ids.reserve(rows: expected, bytes: 0)
        c.stages.reserveCapacity(expected)
        c.segments.reserveCapacity(expected)
        c.entered.reserveCapacity(expected)
        var stage = StageLookup(stageIndex)
        try pass.rows("id, stage, segment, stage_entered_at", of: "customers", chunk: 50_000) { customers in
            c.rowids.add(Int64(customers.int(0)))
            Self.append(customers, 1, to: &c.ids) { c.unorderable.insert(.id) }
            c.stages.append(stage.position(customers))
            c.segments.append(Self.segment(customers, 3, &c.segmentTexts) { c.unorderable.insert(.segment) })
            var entered = noTimestamp
            if !customers.isNull(4) {
                if customers.type(4) == SQLITE_TEXT, let t = Timestamp.parse(customers.bytes(4)) {
                    entered = t.microseconds
                    c.latestEntered = max(c.latestEntered, entered)
                } else {
                    c.unorderable.insert(.stageEnteredAt)
                }
            }
            c.entered.append(entered)
            if c.count == 8_192 { c.ids.reserve(rows: expected, bytes: Self.estimate(c.ids.bytes.count, c.count, expected)) }
        }
        return c
    }

    /// Every slot in `NaturalOrder` of `column`, from a pass reading that column alone; nil
    /// when a value is not text (SQL orders by it then).
    private func naturalOrder(_ pass: ChunkedPass, _ column: String, rowids: SlotRowids, byID: [Int32]) throws -> [Int32]? {
        var texts = PackedTexts()
        texts.reserve(rows: rowids.count, bytes: 0)
        var orderable = true
        try pass.rows(column, of: "customers", chunk: 50_000) { row in
            // The pass sees the file the first one saw (else it throws): the same rows.
            guard texts.count < rowids.count, rowids[texts.count] == Int64(row.int(0)) else { throw FileChangedDuringPass() }
            Self.append(row, 1, to: &texts) { orderable = false }
            if texts.count == 8_192 { texts.reserve(rows: rowids.count, bytes: Self.estimate(texts.bytes.count, texts.count, rowids.count)) }
        }
        guard texts.count == rowids.count else { throw FileChangedDuringPass() }
        return orderable ? ListIndexOrders.natural(texts, byID: byID) : nil
    }

    /// The bytes `rows` rows will take, from the first `seen` (a tenth more, to spare a doubling).
    private static func estimate(_ bytes: Int, _ seen: Int, _ rows: Int) -> Int {
        Int(Double(bytes) / Double(max(seen, 1)) * Double(rows) * 1.1) + 4_096
    }

    /// Appends a text column's value (a value of another type as SQLite writes it as text,
    /// calling `notText`).
    private static func append(_ s: SQLiteStatement, _ column: Int32, to out: inout PackedTexts, notText: () -> Void) {
        switch s.type(column) {
        case SQLITE_NULL: out.appendNil()
        case SQLITE_TEXT: out.append(s.bytes(column))
        default:
            notText()
            out.append(s.bytes(column))
        }
    }

    /// The segment number of a row (`SQLiteListIndex.noSegment` for NULL), texts compared as
    /// Swift strings (bytes that are not UTF-8 repaired).
    private static func segment(_ s: SQLiteStatement, _ column: Int32, _ texts: inout StringInterner, notText: () -> Void) -> Int32 {
        let type = s.type(column)  // before `bytes`: a blob read as text would say text after
        guard type != SQLITE_NULL else { return SQLiteListIndex.noSegment }
        if type != SQLITE_TEXT { notText() }
        let bytes = s.bytes(column)
        if bytes.allSatisfy({ $0 < 0x80 }) { return texts.intern(bytes) }
        var text = String(decoding: bytes, as: UTF8.self)
        return text.withUTF8 { texts.intern($0) }
    }

    /// Renumbers the segments in byte order of their names (in place); returns the names.
    private func renumberSegments(_ c: inout Customers) -> [String] {
        let texts = (0..<c.segmentTexts.count).map { c.segmentTexts[Int32($0)] }
        let sorted = texts.indices.sorted { texts[$0].utf8.lexicographicallyPrecedes(texts[$1].utf8) }
        var renumber = Array(repeating: Int32(0), count: sorted.count)
        for (new, old) in sorted.enumerated() { renumber[old] = Int32(new) }
        for i in c.segments.indices where c.segments[i] >= 0 { c.segments[i] = renumber[Int(c.segments[i])] }
        c.segmentTexts = StringInterner()
        return sorted.map { texts[$0] }
    }

    /// The sort key of a slot's segment: its name's rank in `NaturalOrder` (names that
    /// compare equal share one), nil without a segment.
    private func segmentKey(_ segments: [Int32], _ names: [String]) -> (Int) -> UInt64? {
        let ranked = names.indices.sorted { NaturalOrder.compare(names[$0], names[$1]) < 0 }
        var rank = Array(repeating: UInt64(0), count: names.count)
        var r: UInt64 = 0
        for (i, s) in ranked.enumerated() {
            if i > 0, NaturalOrder.compare(names[ranked[i - 1]], names[s]) != 0 { r += 1 }
            rank[s] = r
        }
        return { segments[$0] < 0 ? nil : rank[Int(segments[$0])] }
    }
}

/// The stage position of each row's stage id (`SQLiteListIndex.noStage` when unknown),
/// looked up once per run of equal ids.
private struct StageLookup {
    let stageIndex: [String: Int]
    private var last: [UInt8] = []
    private var lastPosition = SQLiteListIndex.noStage
    private var known = false

    init(_ stageIndex: [String: Int]) { self.stageIndex = stageIndex }

    mutating func position(_ s: SQLiteStatement) -> UInt8 {
        guard !s.isNull(2) else { return SQLiteListIndex.noStage }
        let bytes = s.bytes(2)
        if known, bytes.elementsEqual(last) { return lastPosition }
        lastPosition = stageIndex[String(decoding: bytes, as: UTF8.self)].map { UInt8($0) } ?? SQLiteListIndex.noStage
        (last, known) = (Array(bytes), true)
        return lastPosition
    }
}

/// The rowids of the slots as they are read: none kept while they are consecutive.
struct RowidCollector {
    private var first: Int64?
    private var last: Int64 = 0
    private var count = 0
    /// Every rowid, once one was not the previous plus one.
    private var explicit: [Int64]?

    mutating func add(_ rowid: Int64) {
        if count > 0, explicit == nil, last == Int64.max || last + 1 != rowid {
            explicit = Array(first!...last)
        }
        if count == 0 { first = rowid }
        explicit?.append(rowid)
        (last, count) = (rowid, count + 1)
    }

    var slots: SlotRowids { SlotRowids(explicit: SlotColumn(explicit ?? []), first: first ?? 1, count: count) }
}
