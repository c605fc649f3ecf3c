import Foundation

/// Searching a SQLite store with its list index. The names, emails and ids of every
/// customer are read once (one pass over the table in rowid order) and kept, folded
/// (`SearchFolding`), while the index stays the same: a key typed is then a scan of memory
/// (only the last query's matches when the new query extends it), `n`/`N` a walk along the
/// list's order, and a search across every stage a walk along each stage's list. Without
/// the index, the generic paging search of `CustomerSearch` answers.
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
            if matches.contains(Int(slots[sort.descending ? total - 1 - i : i])) { return i }
        }
        return nil
    }

    public func indexOfCustomer(_ id: String, inStage stage: String, filter: CustomerFilter, sort: CustomerSort) throws -> Int? {
        guard let (index, slots) = indexedList(stage: stage, filter: filter, field: sort.field) else {
            return try pagedIndex(inStage: stage, filter: filter, sort: sort, from: 0, forward: true) { $0.id == id }
        }
        let rowid = try read { db -> Int64? in
            let s = try SQLiteStatement(db, "SELECT rowid FROM customers WHERE id = ?1")
            s.bind(1, id)
            return try s.step() ? Int64(s.int(0)) : nil
        }
        guard let rowid, let slot = index.slot(ofRowid: rowid) else { return nil }
        for i in 0..<slots.count where slots[i] == Int32(slot) { return sort.descending ? slots.count - 1 - i : i }
        return nil
    }

    /// The customers of `stage` matching `search`, remembered per stage for the last query:
    /// `n`/`N` and a search across stages walk on without scanning again, and a query that
    /// extends the last one checks only its matches.
    private func searchMatches(_ search: CustomerSearch, stage: Int, index: SQLiteListIndex) throws -> SearchMatches {
        try searchTexts.withLock { slot in
            if slot.texts?.index !== index {
                slot = SearchTextsState()  // freed before the next is read
                slot.texts = try readSearchTexts(index: index)
            }
            var earlier = slot.last[stage]
            if earlier?.changes != index.changes { earlier = nil }  // a stage change since: other customers
            if let earlier, earlier.query == search.query { return earlier }
            let narrowed = earlier.flatMap { CustomerSearch($0.query).covers(search) ? $0 : nil }
            let matches = slot.texts!.matches(search, stage: stage, among: narrowed)
            slot.last[stage] = matches
            return matches
        }
    }

    /// One pass over the customers in rowid order, in chunks (one read of the whole table
    /// took up to 1.5 s at a million customers, holding off other programs' changes): a
    /// change between two chunks starts it over.
    private func readSearchTexts(index: SQLiteListIndex) throws -> SearchTexts {
        let rowids = index.rowids
        var texts = try chunkedPass { pass in
            var texts = SearchTexts(index: index)
            try pass.rows("name, email, id", of: "customers", chunk: 50_000) { s in
                guard let slot = rowids.slot(of: Int64(s.int(0))) else { return }
                texts.add(slot: slot, name: s.bytes(1), email: s.isNull(2) ? nil : s.bytes(2), id: s.bytes(3))
            }
            return texts
        }
        texts.finish()
        return texts
    }
}

/// The customers of one stage a query matched: their slots (folded texts, and unfolded
/// entries of `SearchTexts`), and a bit per slot.
struct SearchMatches {
    let query: String
    /// `SQLiteListIndex.changes` when computed.
    let changes: Int
    var folded: [Int32] = []
    var unfolded: [Int32] = []
    var bits: [UInt64]

    init(query: String, changes: Int, slots: Int) {
        (self.query, self.changes) = (query, changes)
        bits = [UInt64](repeating: 0, count: (slots + 63) / 64)
    }

    func contains(_ slot: Int) -> Bool { bits[slot >> 6] & (1 << UInt64(slot & 63)) != 0 }

    mutating func insert(_ slot: Int) { bits[slot >> 6] |= 1 << UInt64(slot & 63) }
}

/// The names, emails and ids of every customer of a list index, folded for searching: one
/// byte buffer, `name \u{1} email \u{1} id` per slot; texts that cannot be folded here are
/// kept as they are (their slot's bytes left empty) and compared by Foundation.
struct SearchTexts {
    let index: SQLiteListIndex
    /// Per slot: the end of its bytes.
    private var ends: [Int] = []
    private var bytes: [UInt8] = []
    private var unfolded: [(slot: Int32, name: String, email: String?, id: String)] = []
    private var buffer: [UInt8] = []

    init(index: SQLiteListIndex) {
        self.index = index
        ends.reserveCapacity(index.count)
        bytes.reserveCapacity(index.count * 56)
    }

    /// The texts of `slot`; slots come in ascending order (one skipped is left empty).
    mutating func add(slot: Int, name: UnsafeBufferPointer<UInt8>, email: UnsafeBufferPointer<UInt8>?, id: UnsafeBufferPointer<UInt8>) {
        guard slot >= ends.count else { return }
        while ends.count < slot { ends.append(bytes.count) }
        let start = bytes.count
        if append(name, separated: false), email.map({ append($0, separated: true) }) ?? true, append(id, separated: true) {
            ends.append(bytes.count)
            return
        }
        bytes.removeSubrange(start...)
        unfolded.append((Int32(slot), String(decoding: name, as: UTF8.self), email.map { String(decoding: $0, as: UTF8.self) },
                         String(decoding: id, as: UTF8.self)))
        ends.append(bytes.count)
    }

    /// Appends `text` folded (after a `\u{1}` when `separated`); false when it cannot be folded.
    private mutating func append(_ text: UnsafeBufferPointer<UInt8>, separated: Bool) -> Bool {
        guard SearchFolding.fold(text, into: &buffer) else { return false }
        if separated { bytes.append(1) }
        bytes += buffer
        return true
    }

    /// Pads the slots no row was read for.
    mutating func finish() {
        while ends.count < index.count { ends.append(bytes.count) }
    }

    /// The customers of `stage` matching `search` (a query that folds: `search.needle`),
    /// checking only those of `narrowed` when given (a query this one extends).
    func matches(_ search: CustomerSearch, stage: Int, among narrowed: SearchMatches?) -> SearchMatches {
        var found = SearchMatches(query: search.query, changes: index.changes, slots: index.count)
        guard let needle = search.needle else { return found }
        let stages = index.stages, wanted = UInt8(stage)
        bytes.withUnsafeBufferPointer { all in
            needle.withUnsafeBufferPointer { needle in
                func check(_ slot: Int) {
                    let start = slot == 0 ? 0 : ends[slot - 1]
                    if SearchFolding.contains(UnsafeBufferPointer(rebasing: all[start..<ends[slot]]), needle) {
                        found.folded.append(Int32(slot))
                        found.insert(slot)
                    }
                }
                if let narrowed {
                    for slot in narrowed.folded { check(Int(slot)) }
                } else {
                    for slot in 0..<ends.count where stages[slot] == wanted { check(slot) }
                }
            }
        }
        let candidates = narrowed.map { $0.unfolded.map { Int($0) } } ?? unfolded.indices.filter { stages[Int(unfolded[$0].slot)] == wanted }
        for i in candidates where search.matches(name: unfolded[i].name, email: unfolded[i].email, id: unfolded[i].id) {
            found.unfolded.append(Int32(i))
            found.insert(Int(unfolded[i].slot))
        }
        return found
    }
}

/// The search texts of a store and the matches of its last query (per stage position).
struct SearchTextsState {
    var texts: SearchTexts?
    var last: [Int: SearchMatches] = [:]
}

/// Shared by whichever thread searches: one search at a time, under its lock.
typealias SearchTextsSlot = Protected<SearchTextsState>
