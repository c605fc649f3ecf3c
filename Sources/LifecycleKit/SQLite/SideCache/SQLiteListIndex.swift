/// The customers of a SQLite snapshot as compact columns, built once from the file (or read
/// from the side cache), so that a stage's list in any order and with any filter is one
/// pass over a precomputed order instead of a sort: milliseconds for a million customers.
///
/// Customers are numbered by *slot*: their position in rowid order. Only the main thread
/// reads or changes an installed index (`SQLiteListIndexSlot` hands it out under a lock).
final class SQLiteListIndex {
    /// `stages` value of a customer whose stage is not one of the snapshot's.
    static let noStage = UInt8.max
    /// The most stages an index handles (a byte per customer); files with more are listed by SQL.
    static let maxStages = 250
    /// `segments` value of a customer without a segment (NULL).
    static let noSegment: Int32 = -1

    /// Per slot: the customer's rowid (ascending), stage position, segment number
    /// (`segmentNames`) and channels (bit i: a touchpoint on `channelNames[i]`).
    let rowids: SlotRowids
    var stages: [UInt8]
    var segments: [Int32]
    var channels: [UInt64]
    /// Per slot: the figures a list row shows (touchpoints are never changed by this store),
    /// so a page needs one lookup per customer, not a pass over their touchpoints.
    let touchpointCounts: [Int32]
    /// Microseconds; `noTimestamp` for none.
    let lastTouches: [Int64]
    let revenues: [Double]
    /// Distinct segments, sorted by bytes.
    let segmentNames: [String]
    /// Distinct channels, sorted by bytes; `channels` holds them all when `channelsComplete`
    /// (at most 64), else the channel filter is left to SQL.
    let channelNames: [String]
    let channelsComplete: Bool
    /// For each sort field, every slot in ascending order (ties by id). A field is missing
    /// when its values cannot be ordered here exactly as SQL would (a non-text name, an
    /// unreadable time): SQL orders by it then.
    var orders: [CustomerSort.Field: [Int32]]
    /// The latest `stage_entered_at` (µs), so that a stage change's new time goes last.
    var latestEntered: Int64
    /// Customers per stage, in funnel order.
    var stageCounts: [Int]
    /// Bumped by every change followed (what was derived from the index before is stale).
    private(set) var changes = 0

    /// Lists asked for recently: (filter, field) → every stage's slots in ascending order.
    /// One pass over an order fills every stage's list, so switching stage is free.
    private var lists: [ListKey: StageLists] = [:]
    private struct ListKey: Hashable {
        var filter: CustomerFilter
        var field: CustomerSort.Field
        /// The generation of the value orders used (nil: none).
        var values: Int?
    }

    init(rowids: SlotRowids, stages: [UInt8], segments: [Int32], channels: [UInt64],
         touchpointCounts: [Int32], lastTouches: [Int64], revenues: [Double], segmentNames: [String],
         channelNames: [String], channelsComplete: Bool, orders: [CustomerSort.Field: [Int32]],
         latestEntered: Int64, stageCount: Int) {
        self.rowids = rowids
        self.stages = stages
        self.segments = segments
        self.channels = channels
        self.touchpointCounts = touchpointCounts
        self.lastTouches = lastTouches
        self.revenues = revenues
        self.segmentNames = segmentNames
        self.channelNames = channelNames
        self.channelsComplete = channelsComplete
        self.orders = orders
        self.latestEntered = latestEntered
        var counts = Array(repeating: 0, count: stageCount)
        for s in stages where Int(s) < stageCount { counts[Int(s)] += 1 }
        stageCounts = counts
    }

    var count: Int { stages.count }

    /// The touchpoint figures of a slot: count, latest time, revenue.
    func figures(_ slot: Int) -> (count: Int, lastTouch: Timestamp?, revenue: Double) {
        (Int(touchpointCounts[slot]), lastTouches[slot] == noTimestamp ? nil : Timestamp(microseconds: lastTouches[slot]), revenues[slot])
    }

    // MARK: Lists

    /// The slots of the customers in `stage` passing `filter`, ascending in `field` order;
    /// nil when this index cannot answer (SQL does then). A value field or filter needs
    /// `values` (made for this index).
    /// An id filter needs `idSlots`: its customers' slots (true: kept), asked for only when
    /// the list is not cached.
    func list(stage: Int, filter: CustomerFilter, field: CustomerSort.Field, values: SlotValues?,
              idSlots: (() -> [Bool]?)? = nil) -> SlotList? {
        let key = ListKey(filter: filter, field: field, values: values?.generation)
        if let cached = lists[key] { return cached.list(stage) }
        guard let order = field.isValue ? values?.orders[field] : orders[field] else { return nil }
        let valueFilter = filter.value
        if valueFilter != nil, values == nil { return nil }
        var kept: [Bool]?
        if filter.ids != nil {
            guard let slots = idSlots?(), slots.count == count else { return nil }
            kept = slots
        }
        var segment: Int32?
        if let name = filter.segment { segment = segmentNumber(name) ?? -2 }
        var mask: UInt64 = 0
        if let name = filter.channel {
            guard channelsComplete else { return nil }
            guard let i = channelNames.firstIndex(of: name) else { return SlotList(storage: [], range: 0..<0) }
            mask = 1 << UInt64(i)
        }
        let built = StageLists(order: order, stages: stages, stageCounts: stageCounts) { i in
            if let kept, !kept[i] { return false }
            if let segment, segments[i] != segment { return false }
            if let valueFilter, let values, !values.accepts(slot: i, valueFilter) { return false }
            return mask == 0 || channels[i] & mask != 0
        }
        // Two kept: a list and its filtered variant (each up to 4 bytes per customer).
        if lists.count >= 2 { lists.removeAll() }
        lists[key] = built
        return built.list(stage)
    }

    /// How many customers of `stage` pass `filter`: the stage count, or the length of a list
    /// already computed for that filter in any order; nil when this index cannot answer.
    func count(stage: Int, filter: CustomerFilter, values: SlotValues?, idSlots: (() -> [Bool]?)? = nil) -> Int? {
        if filter.isEmpty { return stageCounts[stage] }
        if let (_, lists) = lists.first(where: { $0.key.filter == filter && (filter.value == nil || $0.key.values == values?.generation) }) {
            return lists.list(stage).count
        }
        return list(stage: stage, filter: filter, field: .name, values: values, idSlots: idSlots)?.count
    }

    /// Computes the default lists (no filter, by name) ahead, off the input path, so that
    /// the first list opened is immediate too. Call before the index is shared.
    func warmUp() { if !stageCounts.isEmpty { _ = list(stage: 0, filter: .none, field: .name, values: nil) } }

    private func segmentNumber(_ name: String) -> Int32? {
        var low = 0, high = segmentNames.count
        while low < high {
            let mid = (low + high) / 2
            if segmentNames[mid].utf8.lexicographicallyPrecedes(name.utf8) { low = mid + 1 } else { high = mid }
        }
        return low < segmentNames.count && segmentNames[low] == name ? Int32(low) : nil
    }

    /// The slot of a rowid.
    func slot(ofRowid rowid: Int64) -> Int? { rowids.slot(of: rowid) }

    // MARK: Following stage changes

    /// One customer this store moved.
    struct Move {
        var rowid: Int64
        var customerID: String
        var stage: Int
        /// The customer's new `stage_entered_at`: the change's time, or for an undo the
        /// time it restores.
        var enteredAt: Timestamp?
    }

    /// Follows stage changes committed to the file (this store's, or another program's read
    /// back from it): the customers' stages, and their place in the `stage_entered_at` order
    /// (last, in order of their new times, ties by id). False when the index cannot follow
    /// (an unknown rowid or stage, a time not after every other, such as an undo's restored
    /// time): drop it then.
    func follow(_ moves: [Move]) -> Bool {
        guard !moves.isEmpty else { return true }
        var slots: [(slot: Int32, id: String, at: Int64)] = []
        for move in moves {
            guard let slot = slot(ofRowid: move.rowid), move.stage < stageCounts.count else { return false }
            let old = Int(stages[slot])
            if old < stageCounts.count { stageCounts[old] -= 1 }
            stageCounts[move.stage] += 1
            stages[slot] = UInt8(move.stage)
            slots.append((Int32(slot), move.customerID, move.enteredAt?.microseconds ?? noTimestamp))
        }
        lists.removeAll()
        changes += 1
        guard orders[.stageEnteredAt] != nil else { return true }
        // A time at or before the latest one (an undo's, another program's): its place is not known here.
        guard slots.allSatisfy({ $0.at != noTimestamp && $0.at > latestEntered }) else { return false }
        // A customer moved twice goes by their last move.
        var last: [Int32: Int] = [:]
        for (i, s) in slots.enumerated() { last[s.slot] = i }
        slots = slots.enumerated().filter { last[$0.element.slot] == $0.offset }.map(\.element)
        latestEntered = slots.map(\.at).max()!
        slots.sort { $0.at != $1.at ? $0.at < $1.at : $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        if slots.count == 1, let i = orders[.stageEnteredAt]!.lastIndex(of: slots[0].slot) {
            orders[.stageEnteredAt]!.remove(at: i)
        } else {
            let moved = Set(slots.map(\.slot))
            orders[.stageEnteredAt]!.removeAll { moved.contains($0) }
        }
        orders[.stageEnteredAt]!.append(contentsOf: slots.map(\.slot))
        return true
    }
}

/// The slots of one stage's list: a range of a buffer shared by every stage's list.
struct SlotList {
    let storage: [Int32]
    let range: Range<Int>
    var count: Int { range.count }
    subscript(_ i: Int) -> Int32 { storage[range.lowerBound + i] }
}

/// Every stage's list for one order and filter, in one buffer: a counting pass places
/// each stage's run, a second pass fills them.
struct StageLists {
    let storage: [Int32]
    let ranges: [Range<Int>]

    /// The slots of `order` passing `keep(slot)`, grouped by stage (customers of no stage left out).
    init(order: [Int32], stages: [UInt8], stageCounts: [Int], keep: (Int) -> Bool) {
        let stageCount = stageCounts.count
        // Upper bounds first (every customer of the stage), tightened after filling.
        var starts = [Int](repeating: 0, count: stageCount + 1)
        for s in 0..<stageCount { starts[s + 1] = starts[s] + stageCounts[s] }
        var ends = Array(starts.dropLast())
        let total = starts[stageCount]
        var storage = [Int32](repeating: 0, count: total)
        storage.withUnsafeMutableBufferPointer { out in
            stages.withUnsafeBufferPointer { stages in
                for slot in order {
                    let i = Int(slot)
                    let stage = Int(stages[i])
                    guard stage < stageCount, keep(i) else { continue }
                    out[ends[stage]] = slot
                    ends[stage] += 1
                }
            }
        }
        self.storage = storage
        ranges = (0..<stageCount).map { starts[$0]..<ends[$0] }
    }

    func list(_ stage: Int) -> SlotList { SlotList(storage: storage, range: ranges[stage]) }
}

/// The rowid of each slot, ascending: nothing stored when they are consecutive (the usual
/// case: 8 MB less for a million customers), else every one.
struct SlotRowids {
    /// Empty when consecutive.
    let explicit: [Int64]
    /// The first rowid when consecutive.
    let first: Int64
    let count: Int

    init(_ rowids: [Int64]) {
        // Overflow-safe: rowids may span the whole 64-bit range.
        let span = rowids.isEmpty ? (0, false) : rowids.last!.subtractingReportingOverflow(rowids.first!)
        let consecutive = rowids.isEmpty || !span.1 && span.0 == Int64(rowids.count - 1)
            && zip(rowids, rowids.dropFirst()).allSatisfy { $0 != Int64.max && $0 + 1 == $1 }
        self.init(explicit: consecutive ? [] : rowids, first: rowids.first ?? 1, count: rowids.count)
    }

    init(explicit: [Int64], first: Int64, count: Int) {
        (self.explicit, self.first, self.count) = (explicit, first, count)
    }

    var isConsecutive: Bool { explicit.isEmpty }

    subscript(_ slot: Int) -> Int64 { isConsecutive ? first + Int64(slot) : explicit[slot] }

    func slot(of rowid: Int64) -> Int? {
        if isConsecutive {
            let (offset, overflow) = rowid.subtractingReportingOverflow(first)
            return rowid >= first && !overflow && offset < Int64(count) ? Int(offset) : nil
        }
        var low = 0, high = explicit.count
        while low < high {
            let mid = (low + high) / 2
            if explicit[mid] < rowid { low = mid + 1 } else { high = mid }
        }
        return low < explicit.count && explicit[low] == rowid ? low : nil
    }
}
