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
    /// (`segmentNames`) and channels (bit i: a touchpoint on `channelNames[i]`). Only the
    /// stages change; the other columns may be views on the mapped side cache file.
    let rowids: SlotRowids
    var stages: [UInt8]
    let segments: SlotColumn<Int32>
    let channels: SlotColumn<UInt64>
    /// Per slot: the figures a list row shows (touchpoints are never changed by this store),
    /// so a page needs one lookup per customer, not a pass over their touchpoints.
    let touchpointCounts: SlotColumn<Int32>
    /// Microseconds; `noTimestamp` for none.
    let lastTouches: SlotColumn<Int64>
    let revenues: SlotColumn<Double>
    /// Distinct segments, sorted by bytes.
    let segmentNames: [String]
    /// Distinct channels, sorted by bytes; `channels` holds them all when `channelsComplete`
    /// (at most 64), else the channel filter is left to SQL.
    let channelNames: [String]
    let channelsComplete: Bool
    /// For each sort field, every slot in ascending order (ties by id), grouped by stage as
    /// the stages were when the index was made or read. A field is missing when its values
    /// cannot be ordered here exactly as SQL would (a non-text name, an unreadable time): SQL
    /// orders by it then.
    let orders: [CustomerSort.Field: StageOrder]
    /// Customers moved since the orders' runs were made: slot → the run they are in.
    private(set) var moved: [Int32: Int] = [:]
    /// New ranks in the `stage_entered_at` order of the customers moved (after every other).
    private(set) var enteredRanks: [Int32: Int] = [:]
    /// The latest `stage_entered_at` (µs), so that a stage change's new time goes last.
    var latestEntered: Int64
    /// Customers per stage, in funnel order.
    var stageCounts: [Int]
    /// Bumped by every change followed (what was derived from the index before is stale).
    private(set) var changes = 0
    /// Customers per stage, segment and channel (nil: too many to keep; filters are counted by a pass).
    private var filterCounts: FilterCounts?
    /// Passes in slot order made to count or gather a filter (for tests).
    private(set) var slotPasses = 0
    /// Entries of an order looked at to find filtered lists' slots (what a filter costs).
    var walked: Int { walkCounter.walked }
    private let walkCounter = WalkCounter()
    /// A filter keeping fewer than one customer in this many of the run is gathered by a
    /// pass in slot order and placed by rank, not walked for (its page would need most of the run).
    static let gatherBelowShare = 1_024

    /// Filtered lists asked for recently (an unfiltered one is read where it lies).
    private var lists: [ListKey: SlotList] = [:]
    private var lastField = CustomerSort.Field.name
    private struct ListKey: Hashable {
        var stage: Int
        var filter: CustomerFilter
        var field: CustomerSort.Field
        /// The generation of the value orders used (nil: none).
        var values: Int?
    }

    /// An index from its columns and each field's whole order (the builder's).
    convenience init(rowids: SlotRowids, stages: [UInt8], segments: [Int32], channels: [UInt64],
                     touchpointCounts: [Int32], lastTouches: [Int64], revenues: [Double], segmentNames: [String],
                     channelNames: [String], channelsComplete: Bool, orders: [CustomerSort.Field: [Int32]],
                     latestEntered: Int64, stageCount: Int) {
        self.init(rowids: rowids, stages: stages, segments: SlotColumn(segments), channels: SlotColumn(channels),
                  touchpointCounts: SlotColumn(touchpointCounts), lastTouches: SlotColumn(lastTouches),
                  revenues: SlotColumn(revenues), segmentNames: segmentNames, channelNames: channelNames,
                  channelsComplete: channelsComplete, orders: Self.grouped(orders, stages: stages, stageCount: stageCount),
                  latestEntered: latestEntered, stageCount: stageCount)
    }

    /// An index from its columns (the side cache's), the orders grouped by `stages`.
    init(rowids: SlotRowids, stages: [UInt8], segments: SlotColumn<Int32>, channels: SlotColumn<UInt64>,
         touchpointCounts: SlotColumn<Int32>, lastTouches: SlotColumn<Int64>, revenues: SlotColumn<Double>,
         segmentNames: [String], channelNames: [String], channelsComplete: Bool, orders: [CustomerSort.Field: StageOrder],
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
        stageCounts = Array(Self.runCounts(stages, stageCount: stageCount).dropLast())
        filterCounts = FilterCounts(stages: stages, stageCount: stageCount, segments: segments, segmentCount: segmentNames.count,
                                    channels: channelsComplete ? channels : nil, channelCount: channelNames.count)
    }

    /// This index (not changed since it was made) with `orders`, each whole order grouped by stage.
    func withOrders(_ orders: [CustomerSort.Field: [Int32]]) -> SQLiteListIndex {
        SQLiteListIndex(rowids: rowids, stages: stages, segments: segments, channels: channels,
                               touchpointCounts: touchpointCounts, lastTouches: lastTouches, revenues: revenues,
                               segmentNames: segmentNames, channelNames: channelNames, channelsComplete: channelsComplete,
                               orders: Self.grouped(orders, stages: stages, stageCount: stageCounts.count),
                               latestEntered: latestEntered, stageCount: stageCounts.count)
    }

    /// Each whole order (every slot ascending) grouped by `stages`.
    static func grouped(_ orders: [CustomerSort.Field: [Int32]], stages: [UInt8], stageCount: Int) -> [CustomerSort.Field: StageOrder] {
        let runCounts = runCounts(stages, stageCount: stageCount)
        return orders.mapValues { StageOrder(order: $0, stages: stages, runCounts: runCounts) }
    }

    /// Customers per run: per stage, then those of no stage.
    static func runCounts(_ stages: [UInt8], stageCount: Int) -> [Int] {
        var counts = Array(repeating: 0, count: stageCount + 1)
        for s in stages { counts[min(Int(s), stageCount)] += 1 }
        return counts
    }

    var count: Int { stages.count }

    /// The touchpoint figures of a slot: count, latest time, revenue.
    func figures(_ slot: Int) -> (count: Int, lastTouch: Timestamp?, revenue: Double) {
        (Int(touchpointCounts[slot]), lastTouches[slot] == noTimestamp ? nil : Timestamp(microseconds: lastTouches[slot]), revenues[slot])
    }

    // MARK: Lists

    /// The slots of the customers in `stage` passing `filter`, ascending in `field` order;
    /// nil when this index cannot answer (SQL does then). A value field or filter needs
    /// `values` (made for this index). Without a filter the list is the stage's run of the
    /// order, read in place. A list by segment or channel (and a list by value figures) is
    /// counted by a look-up (`FilterCounts`) and its slots found as they are read, walking the
    /// run from the nearer end (`FilteredSlots`): a page costs what it shows. A value or id
    /// filter, whose count needs a pass, is one pass over the run making the whole list.
    /// An id filter needs `idSlots`: its customers' slots (true: kept), asked for only when
    /// the list is not cached.
    func list(stage: Int, filter: CustomerFilter, field: CustomerSort.Field, values: SlotValues?,
              idSlots: (() -> [Bool]?)? = nil) -> SlotList? {
        let key = ListKey(stage: stage, filter: filter, field: field, values: filter.value != nil || field.isValue ? values?.generation : nil)
        lastField = field
        if let cached = lists[key] { return cached }
        if filter.isEmpty, !field.isValue {
            guard let order = orders[field] else { return nil }
            let list = stageList(stage, order, field)
            // Kept when it places moved customers (a cost that grows with the moves).
            if !moved.isEmpty { remember(list, key) }
            return list
        }
        guard let keep = keeper(filter, values: values, idSlots: idSlots) else { return nil }
        let list: SlotList
        if filter.value != nil || filter.ids != nil {
            // Counting would need a pass: the pass over the run (or the value order) makes the whole list.
            guard let passed = passedList(stage, field, keep, values) else { return nil }
            list = passed
        } else if field.isValue {
            guard let order = values?.orders[field] else { return nil }
            let wanted = UInt8(stage), stages = self.stages
            let count = filter.isEmpty ? stageCounts[stage] : kept(stage, keep)
            list = SlotList(FilteredSlots(count: count, baseCount: order.count, base: { order[$0] },
                                          passes: { stages[Int($0)] == wanted && keep.keeps(Int($0)) }, counter: walkCounter))
        } else {
            guard let order = orders[field] else { return nil }
            list = filteredRun(stage, order, field, keep)
        }
        remember(list, key)
        return list
    }

    /// The whole list by one pass over the stage's run of `field`'s order (or the value order).
    private func passedList(_ stage: Int, _ field: CustomerSort.Field, _ keep: SlotFilter, _ values: SlotValues?) -> SlotList? {
        var slots: [Int32] = []
        if field.isValue {
            guard let order = values?.orders[field] else { return nil }
            let wanted = UInt8(stage)
            walkCounter.walked += order.count
            for slot in order where stages[Int(slot)] == wanted && keep.keeps(Int(slot)) { slots.append(slot) }
        } else {
            guard let order = orders[field] else { return nil }
            let run = stageList(stage, order, field)
            walkCounter.walked += run.count
            run.forEach { if keep.keeps(Int($0)) { slots.append($0) } }
        }
        return SlotList(slots)
    }

    /// The stage's run of `order` kept by `keep`: counted by a look-up (`kept`), its slots
    /// found by walking the run from the nearer end as far as a page needs; when only a few
    /// pass, gathered in slot order and placed by rank (the run's order) instead.
    private func filteredRun(_ stage: Int, _ order: StageOrder, _ field: CustomerSort.Field, _ keep: SlotFilter) -> SlotList {
        let run = stageList(stage, order, field)
        let count = kept(stage, keep)
        guard count * Self.gatherBelowShare >= run.count else {
            slotPasses += 1
            let entered = field == .stageEnteredAt ? enteredRanks : [:]
            func rank(_ slot: Int32) -> Int { entered[slot] ?? Int(order.ranks[Int(slot)]) }
            return SlotList(keep.gather(stage: UInt8(stage), stages: stages).sorted { rank($0) < rank($1) })
        }
        return SlotList(FilteredSlots(count: count, baseCount: run.count, base: { run[$0] },
                                      passes: { keep.keeps(Int($0)) }, counter: walkCounter))
    }

    /// How many customers of `stage` `keep` keeps (a segment and channel filter): looked up,
    /// else (too many segments to keep their counts) counted by a pass in slot order.
    private func kept(_ stage: Int, _ keep: SlotFilter) -> Int {
        if !keep.nobody, let n = filterCounts?.count(stage: stage, segment: keep.segment, mask: keep.mask) {
            return n
        }
        slotPasses += 1
        return keep.count(stage: UInt8(stage), stages: stages)
    }

    /// A few kept: a list and its filtered variants (each holds the slots found so far).
    private func remember(_ list: SlotList, _ key: ListKey) {
        if lists.count >= 4 { lists.removeAll() }
        lists[key] = list
    }

    /// The test of `filter`; nil when this index cannot tell.
    private func keeper(_ filter: CustomerFilter, values: SlotValues?, idSlots: (() -> [Bool]?)?) -> SlotFilter? {
        var keep = SlotFilter(segments: segments, channels: channels, value: filter.value, values: values)
        if filter.value != nil, values == nil { return nil }
        if filter.ids != nil {
            guard let slots = idSlots?(), slots.count == count else { return nil }
            keep.kept = slots
        }
        if let name = filter.segment { keep.segment = segmentNumber(name) ?? -2 }
        if let name = filter.channel {
            guard channelsComplete else { return nil }
            guard let i = channelNames.firstIndex(of: name) else { return SlotFilter.nobody }
            keep.mask = 1 << UInt64(i)
        }
        return keep
    }

    /// The run of `stage` in `order`, without the customers moved away since the runs were
    /// made and with those moved in at their rank: a cost that grows with the moves only.
    private func stageList(_ stage: Int, _ order: StageOrder, _ field: CustomerSort.Field) -> SlotList {
        let range = order.run(stage)
        guard !moved.isEmpty else { return SlotList(column: order.runs, range: range) }
        let entered = field == .stageEnteredAt
        var skipped: [Int] = [], incoming: [(rank: Int, slot: Int32)] = []
        for (slot, run) in moved {
            if run == stage { skipped.append(order.lowerBound(rank: Int(order.ranks[Int(slot)]), in: range) - range.lowerBound) }
            if Int(stages[Int(slot)]) == stage {
                incoming.append(((entered ? enteredRanks[slot] : nil) ?? Int(order.ranks[Int(slot)]), slot))
            }
        }
        skipped.sort()
        incoming.sort { $0.rank < $1.rank }
        var added: [(at: Int, slot: Int32)] = []
        for (j, (rank, slot)) in incoming.enumerated() {
            let before = order.lowerBound(rank: rank, in: range) - range.lowerBound
            added.append((before - SlotList.partition(skipped.count) { skipped[$0] < before } + j, slot))
        }
        return SlotList(column: order.runs, range: range, skipped: skipped, added: added)
    }

    /// How many customers of `stage` pass `filter`: the stage count, or the length of a list
    /// already computed for that filter in any order; nil when this index cannot answer.
    func count(stage: Int, filter: CustomerFilter, values: SlotValues?, idSlots: (() -> [Bool]?)? = nil) -> Int? {
        if filter.isEmpty { return stageCounts[stage] }
        if let (_, list) = lists.first(where: { $0.key.stage == stage && $0.key.filter == filter
                                                && (filter.value == nil || $0.key.values == values?.generation) }) {
            return list.count
        }
        // In the order last asked for: the page that follows needs that list.
        let field = lastField.isValue && values?.orders[lastField] == nil ? .name : lastField
        return list(stage: stage, filter: filter, field: field, values: values, idSlots: idSlots)?.count
    }

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
        // First: a filtered list holds the stages it was made with (a copy when changed under it).
        lists.removeAll()
        var slots: [(slot: Int32, id: String, at: Int64)] = []
        for move in moves {
            guard let slot = slot(ofRowid: move.rowid), move.stage < stageCounts.count else { return false }
            let old = Int(stages[slot])
            if old < stageCounts.count { stageCounts[old] -= 1 }
            stageCounts[move.stage] += 1
            let (segment, bits) = (segments[slot], channelsComplete ? channels[slot] : 0)
            filterCounts?.add(stage: old, segment: segment, channels: bits, -1)
            filterCounts?.add(stage: move.stage, segment: segment, channels: bits, 1)
            if moved[Int32(slot)] == nil { moved[Int32(slot)] = min(old, stageCounts.count) }
            stages[slot] = UInt8(move.stage)
            slots.append((Int32(slot), move.customerID, move.enteredAt?.microseconds ?? noTimestamp))
        }
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
        // Last in the order, after every earlier move.
        var next = max(count, (enteredRanks.values.max() ?? 0) + 1)
        for s in slots {
            enteredRanks[s.slot] = next
            next += 1
        }
        return true
    }

    /// Each field's order grouped by the stages as they are now, with the ranks of
    /// `stage_entered_at` renumbered after moves (the side cache writes these).
    func currentOrder(_ field: CustomerSort.Field) -> (runs: [Int32], ranks: SlotColumn<Int32>)? {
        guard let order = orders[field] else { return nil }
        var runs: [Int32] = []
        runs.reserveCapacity(count)
        for stage in 0..<stageCounts.count { stageList(stage, order, field).forEach { runs.append($0) } }
        let tail = order.run(stageCounts.count)
        for p in tail where moved[order.runs[p]] == nil { runs.append(order.runs[p]) }
        guard field == .stageEnteredAt, !enteredRanks.isEmpty else { return (runs, order.ranks) }
        // Renumbered: the others close up over the moved ones' old places, which go last.
        let vacated = enteredRanks.keys.map { Int(order.ranks[Int($0)]) }.sorted()
        let firstMoved = count - enteredRanks.count
        let movedOrder = enteredRanks.sorted { $0.value < $1.value }.map(\.key)
        var ranks = [Int32](repeating: 0, count: count)
        for slot in 0..<count {
            let rank = Int(order.ranks[slot])
            var low = 0, high = vacated.count
            while low < high {
                let mid = (low + high) / 2
                if vacated[mid] < rank { low = mid + 1 } else { high = mid }
            }
            ranks[slot] = Int32(rank - low)
        }
        for (i, slot) in movedOrder.enumerated() { ranks[Int(slot)] = Int32(firstMoved + i) }
        return (runs, SlotColumn(ranks))
    }
}

/// The rowid of each slot, ascending: nothing stored when they are consecutive (the usual
/// case: 8 MB less for a million customers), else every one.
struct SlotRowids {
    /// Empty when consecutive.
    let explicit: SlotColumn<Int64>
    /// The first rowid when consecutive.
    let first: Int64
    let count: Int

    init(_ rowids: [Int64]) {
        // Overflow-safe: rowids may span the whole 64-bit range.
        let span = rowids.isEmpty ? (0, false) : rowids.last!.subtractingReportingOverflow(rowids.first!)
        let consecutive = rowids.isEmpty || !span.1 && span.0 == Int64(rowids.count - 1)
            && zip(rowids, rowids.dropFirst()).allSatisfy { $0 != Int64.max && $0 + 1 == $1 }
        self.init(explicit: SlotColumn(consecutive ? [] : rowids), first: rowids.first ?? 1, count: rowids.count)
    }

    init(explicit: SlotColumn<Int64>, first: Int64, count: Int) {
        (self.explicit, self.first, self.count) = (explicit, first, count)
    }

    var isConsecutive: Bool { explicit.count == 0 }

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
