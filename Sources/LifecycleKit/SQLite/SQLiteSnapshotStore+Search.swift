import Foundation

/// Searching a big stage of a SQLite store with its list index. The stage's names and
/// emails are read once per search (one pass over the table in rowid order) and kept,
/// folded (`SearchFolding`), while the user searches that stage: each key typed is then a
/// scan of memory, and `n`/`N` a walk along the list's order. Without the index, the
/// generic paging search of `CustomerSearch` answers.
extension SQLiteSnapshotStore {
    public func indexOfMatch(_ query: String, inStage stage: String, filter: CustomerFilter, sort: CustomerSort,
                             from start: Int, forward: Bool) throws -> Int? {
        let search = CustomerSearch(query)
        // A query folding cannot handle (`ß`, CJK…) is compared by Foundation with the texts as they are.
        guard !query.isEmpty, search.needle != nil, let position = stageIndex[stage],
              let (index, slots) = indexedList(stage: stage, filter: filter, field: sort.field) else {
            return try pagedIndexOfMatch(query, inStage: stage, filter: filter, sort: sort, from: start, forward: forward)
        }
        let total = slots.count
        guard total > 0 else { return nil }
        let matches = try searchMatches(search, stage: position, index: index)
        let first = min(max(0, start), total - 1)
        for step in 0..<total {
            let i = forward ? (first + step) % total : (first - step + total) % total
            if matches[Int(slots[sort.descending ? total - 1 - i : i])] { return i }
        }
        return nil
    }

    /// For each slot, whether it is a customer of the stage whose name or email matches
    /// (remembered for the last query: `n`/`N` walk on without scanning again).
    private func searchMatches(_ search: CustomerSearch, stage: Int, index: SQLiteListIndex) throws -> [Bool] {
        let slot = searchTexts
        if let texts = slot.texts, texts.stage == stage, texts.index === index, texts.changes == index.changes {
            if let last = slot.last, last.query == search.query { return last.matches }
        } else {
            slot.texts = nil  // freed before the next is read
            slot.texts = try readSearchTexts(stage: stage, index: index)
        }
        let matches = slot.texts!.matches(search)
        slot.last = (search.query, matches)
        return matches
    }

    /// One pass over the customers in rowid order, keeping those of the stage.
    private func readSearchTexts(stage: Int, index: SQLiteListIndex) throws -> StageSearchTexts {
        var texts = StageSearchTexts(stage: stage, index: index, changes: index.changes)
        texts.reserve(index.stageCounts[stage])
        let stageOf = index.stages, rowids = index.rowids, wanted = UInt8(stage)
        try read { db in
            let s = try SQLiteStatement(db, "SELECT rowid, name, email FROM customers")
            while try s.step() {
                guard let slot = rowids.slot(of: Int64(s.int(0))), stageOf[slot] == wanted else { continue }
                texts.add(slot: Int32(slot), name: s.bytes(1), email: s.isNull(2) ? nil : s.bytes(2))
            }
        }
        return texts
    }
}

/// The names and emails of one stage's customers, folded for searching: one byte buffer,
/// `name \u{1} email` per customer; texts that cannot be folded here are kept as they are
/// and compared by Foundation.
struct StageSearchTexts {
    let stage: Int
    let index: SQLiteListIndex
    /// `index.changes` when read: a stage change makes them stale.
    let changes: Int
    private var slots: [Int32] = []
    private var ends: [Int] = []
    private var bytes: [UInt8] = []
    private var unfolded: [(slot: Int32, name: String, email: String?)] = []
    private var buffer: [UInt8] = []

    init(stage: Int, index: SQLiteListIndex, changes: Int) {
        self.stage = stage
        self.index = index
        self.changes = changes
    }

    /// Room for `count` customers of about 48 bytes of text each.
    mutating func reserve(_ count: Int) {
        slots.reserveCapacity(count)
        ends.reserveCapacity(count)
        bytes.reserveCapacity(count * 48)
    }

    mutating func add(slot: Int32, name: UnsafeBufferPointer<UInt8>, email: UnsafeBufferPointer<UInt8>?) {
        let start = bytes.count
        guard SearchFolding.fold(name, into: &buffer) else { return keepUnfolded(slot, name, email, from: start) }
        bytes += buffer
        if let email {
            guard SearchFolding.fold(email, into: &buffer) else { return keepUnfolded(slot, name, email, from: start) }
            bytes.append(1)
            bytes += buffer
        }
        slots.append(slot)
        ends.append(bytes.count)
    }

    private mutating func keepUnfolded(_ slot: Int32, _ name: UnsafeBufferPointer<UInt8>, _ email: UnsafeBufferPointer<UInt8>?, from start: Int) {
        bytes.removeSubrange(start...)
        unfolded.append((slot, String(decoding: name, as: UTF8.self), email.map { String(decoding: $0, as: UTF8.self) }))
    }

    /// For each slot of the index, whether its name or email matches `search` (a query that
    /// folds: `search.needle`).
    func matches(_ search: CustomerSearch) -> [Bool] {
        var found = [Bool](repeating: false, count: index.count)
        guard let needle = search.needle else { return found }
        bytes.withUnsafeBufferPointer { all in
            needle.withUnsafeBufferPointer { needle in
                var start = 0
                for (i, end) in ends.enumerated() {
                    if SearchFolding.contains(UnsafeBufferPointer(rebasing: all[start..<end]), needle) { found[Int(slots[i])] = true }
                    start = end
                }
            }
        }
        for entry in unfolded where search.matches(name: entry.name, email: entry.email) { found[Int(entry.slot)] = true }
        return found
    }
}

/// The search texts of a store and the matches of its last query (read and written on the
/// thread that asks for lists).
final class SearchTextsSlot: @unchecked Sendable {
    var texts: StageSearchTexts? {
        didSet { last = nil }
    }
    var last: (query: String, matches: [Bool])?
}
