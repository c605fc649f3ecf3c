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
    var rowids: [Int64]
    var stages: [UInt8]
    var segments: [Int32]
    var channels: [UInt64]
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

    /// Lists asked for recently: (filter, field) → for each stage, its slots in ascending
    /// order. One pass over an order fills every stage's list, so switching stage is free.
    private var lists: [ListKey: [[Int32]]] = [:]
    private struct ListKey: Hashable {
        var filter: CustomerFilter
        var field: CustomerSort.Field
    }

    init(rowids: [Int64], stages: [UInt8], segments: [Int32], channels: [UInt64], segmentNames: [String],
         channelNames: [String], channelsComplete: Bool, orders: [CustomerSort.Field: [Int32]],
         latestEntered: Int64, stageCount: Int) {
        self.rowids = rowids
        self.stages = stages
        self.segments = segments
        self.channels = channels
        self.segmentNames = segmentNames
        self.channelNames = channelNames
        self.channelsComplete = channelsComplete
        self.orders = orders
        self.latestEntered = latestEntered
        var counts = Array(repeating: 0, count: stageCount)
        for s in stages where Int(s) < stageCount { counts[Int(s)] += 1 }
        stageCounts = counts
    }

    var count: Int { rowids.count }

    // MARK: Lists

    /// The slots of the customers in `stage` passing `filter`, ascending in `field` order;
    /// nil when this index cannot answer (SQL does then).
    func list(stage: Int, filter: CustomerFilter, field: CustomerSort.Field) -> [Int32]? {
        let key = ListKey(filter: filter, field: field)
        if let cached = lists[key] { return cached[stage] }
        guard let order = orders[field] else { return nil }
        var segment: Int32?
        if let name = filter.segment { segment = segmentNumber(name) ?? -2 }
        var mask: UInt64 = 0
        if let name = filter.channel {
            guard channelsComplete else { return nil }
            guard let i = channelNames.firstIndex(of: name) else { return [] }
            mask = 1 << UInt64(i)
        }
        var out = stageCounts.map { count -> [Int32] in
            var list: [Int32] = []
            list.reserveCapacity(filter.isEmpty ? count : count / 4)
            return list
        }
        let stageCount = stageCounts.count
        stages.withUnsafeBufferPointer { stages in
            segments.withUnsafeBufferPointer { segments in
                channels.withUnsafeBufferPointer { channels in
                    for slot in order {
                        let i = Int(slot)
                        let stage = Int(stages[i])
                        guard stage < stageCount else { continue }
                        if let segment, segments[i] != segment { continue }
                        if mask != 0, channels[i] & mask == 0 { continue }
                        out[stage].append(slot)
                    }
                }
            }
        }
        if lists.count >= 4 { lists.removeAll() }
        lists[key] = out
        return out[stage]
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
    func slot(ofRowid rowid: Int64) -> Int? {
        var low = 0, high = rowids.count
        while low < high {
            let mid = (low + high) / 2
            if rowids[mid] < rowid { low = mid + 1 } else { high = mid }
        }
        return low < rowids.count && rowids[low] == rowid ? low : nil
    }

    // MARK: Following stage changes

    /// One customer this store moved.
    struct Move {
        var rowid: Int64
        var customerID: String
        var stage: Int
    }

    /// Follows stage changes this store committed at `at` (µs): the customers' stages, and
    /// their place in the `stage_entered_at` order (last, ties by id). False when the index
    /// cannot follow (an unknown rowid, a time not after every other): drop it then.
    func follow(_ moves: [Move], at: Int64) -> Bool {
        guard !moves.isEmpty else { return true }
        var slots: [(slot: Int32, id: String)] = []
        for move in moves {
            guard let slot = slot(ofRowid: move.rowid), move.stage < stageCounts.count else { return false }
            let old = Int(stages[slot])
            if old < stageCounts.count { stageCounts[old] -= 1 }
            stageCounts[move.stage] += 1
            stages[slot] = UInt8(move.stage)
            slots.append((Int32(slot), move.customerID))
        }
        lists.removeAll()
        guard orders[.stageEnteredAt] != nil else { return true }
        guard at > latestEntered else { return false }
        latestEntered = at
        let moved = Set(slots.map(\.slot))
        slots.sort { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        if moved.count == 1, let i = orders[.stageEnteredAt]!.lastIndex(of: slots[0].slot) {
            orders[.stageEnteredAt]!.remove(at: i)
        } else {
            orders[.stageEnteredAt]!.removeAll { moved.contains($0) }
        }
        var seen = Set<Int32>()
        for s in slots where seen.insert(s.slot).inserted { orders[.stageEnteredAt]!.append(s.slot) }
        return true
    }
}
