import Foundation
import GRDBSQLite

/// Builds a `SQLiteListIndex` from the file: one pass over the customers, one over the
/// touchpoints (in rowid order, never sorted by SQLite), then every order sorted here on
/// compact keys. Memory: the texts being ordered are held only while building.
struct SQLiteListIndexBuilder {
    let stageIndex: [String: Int]
    let stageCount: Int

    /// Texts and figures needed only to compute the orders.
    private struct Values {
        var ids = StringColumn()
        var names = StringColumn()
        var emails = StringColumn()
        var entered: [Int64] = []
        var touchpoints: [Int32] = []
        var lastTouch: [Int64] = []
        var revenue: [Double] = []
        /// Fields whose values cannot be ordered here exactly as SQL would.
        var unorderable: Set<CustomerSort.Field> = []
    }

    func build(_ db: OpaquePointer) throws -> SQLiteListIndex {
        var values = Values()
        var rowids: [Int64] = [], stages: [UInt8] = [], segmentTexts: [String?] = []
        let pass = try ChunkedPass(db)
        var segmentNumbers: [String: Int32] = [:]
        var segmentOfRow: [Int32] = []
        var latestEntered = Int64.min
        try pass.rows("id, stage, segment, name, email, stage_entered_at", of: "customers", chunk: 50_000) { customers in
            rowids.append(Int64(customers.int(0)))
            stages.append(customers.string(2).flatMap { stageIndex[$0] }.map { UInt8($0) } ?? SQLiteListIndex.noStage)
            if customers.isNull(3) {
                segmentOfRow.append(SQLiteListIndex.noSegment)
            } else {
                let text = customers.string(3) ?? ""
                if let n = segmentNumbers[text] { segmentOfRow.append(n) } else {
                    segmentNumbers[text] = Int32(segmentTexts.count)
                    segmentOfRow.append(Int32(segmentTexts.count))
                    segmentTexts.append(text)
                }
                if customers.type(3) != SQLITE_TEXT { values.unorderable.insert(.segment) }
            }
            Self.appendText(customers, 1, to: &values.ids, field: .id, &values.unorderable)
            Self.appendText(customers, 4, to: &values.names, field: .name, &values.unorderable)
            Self.appendText(customers, 5, to: &values.emails, field: .email, &values.unorderable)
            var entered = noTimestamp
            if !customers.isNull(6) {
                if customers.type(6) == SQLITE_TEXT, let t = Timestamp.parse(customers.bytes(6)) {
                    entered = t.microseconds
                    latestEntered = max(latestEntered, entered)
                } else {
                    values.unorderable.insert(.stageEnteredAt)
                }
            }
            values.entered.append(entered)
        }
        let n = rowids.count

        // Segments renumbered in byte order.
        let sortedSegments = segmentTexts.indices.sorted { segmentTexts[$0]!.utf8.lexicographicallyPrecedes(segmentTexts[$1]!.utf8) }
        var renumber = Array(repeating: Int32(0), count: sortedSegments.count)
        for (new, old) in sortedSegments.enumerated() { renumber[old] = Int32(new) }
        let segments = segmentOfRow.map { $0 < 0 ? $0 : renumber[Int($0)] }
        let segmentNames = sortedSegments.map { segmentTexts[$0]! }

        let (channels, channelNames, complete) = try scanTouchpoints(pass, ids: values.ids, into: &values)

        var orders: [CustomerSort.Field: [Int32]] = [:]
        let byID = Self.order(n, values, segments: segments, segmentNames: segmentNames, field: .id, idPosition: nil)
        var idPosition = Array(repeating: Int32(0), count: n)
        for (position, slot) in byID.enumerated() { idPosition[Int(slot)] = Int32(position) }
        values.ids = StringColumn()
        for field in CustomerSort.Field.allCases where !values.unorderable.contains(field) && !field.isValue {
            orders[field] = field == .id ? byID
                : Self.order(n, values, segments: segments, segmentNames: segmentNames, field: field, idPosition: idPosition)
            // Each text goes as soon as its order is known: memory peaks lower.
            if field == .name { values.names = StringColumn() }
            if field == .email { values.emails = StringColumn() }
        }
        return SQLiteListIndex(rowids: SlotRowids(rowids), stages: stages, segments: segments, channels: channels,
                               touchpointCounts: values.touchpoints, lastTouches: values.lastTouch, revenues: values.revenue,
                               segmentNames: segmentNames, channelNames: channelNames, channelsComplete: complete,
                               orders: orders, latestEntered: latestEntered, stageCount: stageCount)
    }

    private static func appendText(_ s: SQLiteStatement, _ column: Int32, to out: inout StringColumn,
                                   field: CustomerSort.Field, _ unorderable: inout Set<CustomerSort.Field>) {
        switch s.type(column) {
        case SQLITE_NULL: out.appendNil()
        case SQLITE_TEXT: out.append(s.bytes(column))
        default:
            unorderable.insert(field)
            out.append(s.bytes(column))
        }
    }

    /// Per customer: touchpoint count, latest time, revenue and channels, from one pass over
    /// the touchpoints in rowid order (customer ids found by hash, runs of one customer by
    /// comparing with the previous row).
    private func scanTouchpoints(_ pass: ChunkedPass, ids: StringColumn,
                                 into values: inout Values) throws -> ([UInt64], [String], Bool) {
        let n = ids.count
        var byID = StringColumnIndex()
        for row in 0..<n { _ = byID.insert(row: row, in: ids) }
        values.touchpoints = Array(repeating: 0, count: n)
        values.lastTouch = Array(repeating: noTimestamp, count: n)
        values.revenue = Array(repeating: 0, count: n)
        var channelSets = Array(repeating: UInt64(0), count: n)
        var channelNumbers: [String: Int] = [:]
        var channelTexts: [String] = []
        var overflow: [Int: Set<Int>] = [:]

        var previous: (bytes: [UInt8], slot: Int?) = ([], nil)
        var previousChannel: (bytes: [UInt8], number: Int) = ([], -1)
        try pass.rows("customer_id, channel, at, value", of: "touchpoints", chunk: 200_000) { touchpoints in
            let customer = touchpoints.bytes(1)
            if !Self.same(customer, previous.bytes) {
                previous = (Array(customer), byID.find(customer, in: ids))
            }
            guard let slot = previous.slot else { return }
            values.touchpoints[slot] += 1
            values.revenue[slot] += touchpoints.double(4)
            if !touchpoints.isNull(3) {
                if let at = Timestamp.parse(touchpoints.bytes(3)) {
                    if at.microseconds > values.lastTouch[slot] { values.lastTouch[slot] = at.microseconds }
                } else {
                    values.unorderable.insert(.lastTouchAt)
                }
            }
            guard !touchpoints.isNull(2) else { return }
            let channel = touchpoints.bytes(2)
            if !Self.same(channel, previousChannel.bytes) {
                let text = String(decoding: channel, as: UTF8.self)
                let number = channelNumbers[text] ?? {
                    channelTexts.append(text)
                    channelNumbers[text] = channelTexts.count - 1
                    return channelTexts.count - 1
                }()
                previousChannel = (Array(channel), number)
            }
            let c = previousChannel.number
            if c < 64 { channelSets[slot] |= 1 << UInt64(c) } else { overflow[slot, default: []].insert(c) }
        }
        // Bits in byte order of the channel names.
        let sorted = channelTexts.indices.sorted { channelTexts[$0].utf8.lexicographicallyPrecedes(channelTexts[$1].utf8) }
        guard channelTexts.count <= 64 else { return (Array(repeating: 0, count: n), sorted.map { channelTexts[$0] }, false) }
        var bit = Array(repeating: UInt64(0), count: channelTexts.count)
        for (new, old) in sorted.enumerated() { bit[old] = 1 << UInt64(new) }
        let remapped = channelSets.map { set -> UInt64 in
            var out: UInt64 = 0, rest = set
            while rest != 0 {
                let old = rest.trailingZeroBitCount
                out |= bit[old]
                rest &= rest - 1
            }
            return out
        }
        return (remapped, sorted.map { channelTexts[$0] }, true)
    }

    @inline(__always) private static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: [UInt8]) -> Bool {
        a.count == b.count && b.withUnsafeBufferPointer { a.count == 0 || memcmp(a.baseAddress!, $0.baseAddress!, a.count) == 0 }
    }

    /// Every slot in ascending `field` order, ties by id.
    private static func order(_ n: Int, _ values: Values, segments: [Int32], segmentNames: [String],
                              field: CustomerSort.Field, idPosition: [Int32]?) -> [Int32] {
        var keyed: [SortKeyed] = []
        keyed.reserveCapacity(n)
        // Segments are few: order their names once, then key each customer by that rank.
        var segmentRank: [UInt64] = []
        if field == .segment {
            var names = StringColumn()
            for name in segmentNames { var s = name; s.withUTF8 { names.append($0) } }
            let ranked = (0..<segmentNames.count).sorted { CustomerOrdering.compareNatural(names, $0, names, $1) < 0 }
            segmentRank = Array(repeating: 0, count: segmentNames.count)
            var rank: UInt64 = 0
            for (i, s) in ranked.enumerated() {
                if i > 0, CustomerOrdering.compareNatural(names, ranked[i - 1], names, s) != 0 { rank += 1 }
                segmentRank[s] = rank
            }
        }
        for slot in 0..<n {
            var k = SortKeyed(k1: 0, k2: 0, row: Int32(slot), position: idPosition?[slot] ?? 0, present: 1, exact: true)
            func text(_ column: StringColumn, natural: Bool) {
                if column.isNil(slot) { k.present = 0 } else {
                    column.withBytes(slot) { (k.k1, k.k2, k.exact) = natural ? NaturalOrder.prefixKey($0) : CustomerOrdering.prefixKey($0) }
                }
            }
            switch field {
            case .name: text(values.names, natural: true)
            case .email: text(values.emails, natural: true)
            case .id: text(values.ids, natural: false)
            case .segment: if segments[slot] < 0 { k.present = 0 } else { k.k1 = segmentRank[Int(segments[slot])] }
            case .stageEnteredAt: k.k1 = CustomerOrdering.timeKey(values.entered[slot])
            case .lastTouchAt: k.k1 = CustomerOrdering.timeKey(values.lastTouch[slot])
            case .touchpointCount: k.k1 = UInt64(values.touchpoints[slot])
            case .revenue: k.k1 = CustomerOrdering.numberKey(values.revenue[slot])
            case .clv, .probabilityAlive, .rfmSegment: break  // from the value table (SlotValues)
            }
            keyed.append(k)
        }
        return SortKeyed.sorted(&keyed) { a, b in
            switch field {
            case .name: return CustomerOrdering.compareNatural(values.names, a, values.names, b)
            case .email: return CustomerOrdering.compareNatural(values.emails, a, values.emails, b)
            case .id:
                return values.ids.withBytes(a) { x in values.ids.withBytes(b) { y in binaryCompare(x, y) } }
            default: return 0
            }
        }
    }
}
