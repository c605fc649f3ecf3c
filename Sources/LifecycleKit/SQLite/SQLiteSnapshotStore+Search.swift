import Foundation

/// Searching a big stage of a SQLite store with its list index: one pass over the stage's
/// names and emails finds every match (kept for `n`/`N` and for a longer query typed next),
/// then the list's order is walked to the nearest one. Without the index, the generic
/// paging search of `CustomerSearch` answers.
extension SQLiteSnapshotStore {
    public func indexOfMatch(_ query: String, inStage stage: String, filter: CustomerFilter, sort: CustomerSort,
                             from start: Int, forward: Bool) throws -> Int? {
        guard !query.isEmpty, let position = stageIndex[stage],
              let (index, slots) = indexedList(stage: stage, filter: filter, field: sort.field) else {
            return try pagedIndexOfMatch(query, inStage: stage, filter: filter, sort: sort, from: start, forward: forward)
        }
        let total = slots.count
        guard total > 0 else { return nil }
        let matches = try searchMatches(query, stage: position, index: index)
        guard !matches.slots.isEmpty else { return nil }
        let first = min(max(0, start), total - 1)
        for step in 0..<total {
            let i = forward ? (first + step) % total : (first - step + total) % total
            let slot = slots[sort.descending ? total - 1 - i : i]
            if matches.slots.contains(slot) { return i }
        }
        return nil
    }

    /// The customers of the stage matching `query`: from the last search when this query
    /// only extends it (its matches are the candidates), else from one pass over the stage.
    private func searchMatches(_ query: String, stage: Int, index: SQLiteListIndex) throws -> SearchMatches {
        let search = CustomerSearch(query)
        if let last = lastSearch.current, last.stage == stage, last.index === index, last.changes == index.changes {
            if last.query == query { return last }
            if let texts = last.texts, query.hasPrefix(last.query) {
                var refined = SearchMatches(stage: stage, query: query, index: index, changes: index.changes, slots: [], texts: [])
                for (slot, name, email) in texts where search.matches(name: name, email: email) {
                    refined.slots.insert(slot)
                    refined.texts?.append((slot, name, email))
                }
                lastSearch.current = refined
                return refined
            }
        }
        var found = SearchMatches(stage: stage, query: query, index: index, changes: index.changes, slots: [], texts: [])
        try read { db in
            let s = try SQLiteStatement(db, "SELECT rowid, name, email FROM customers WHERE stage = ?1")
            s.bind(1, stages[stage].id)
            var buffer: [UInt8] = []
            while try s.step() {
                guard search.matches(name: s.bytes(1), email: s.isNull(2) ? nil : s.bytes(2), buffer: &buffer),
                      let slot = index.slot(ofRowid: Int64(s.int(0))) else { continue }
                found.slots.insert(Int32(slot))
                if found.slots.count <= SearchMatches.keptTexts {
                    found.texts?.append((Int32(slot), s.string(1) ?? "", s.string(2)))
                } else {
                    found.texts = nil
                }
            }
        }
        lastSearch.current = found
        return found
    }
}

/// The customers of one stage matching one query, by slot; with their texts while few
/// enough, so that a longer query typed next is checked against these alone.
struct SearchMatches {
    static let keptTexts = 100_000
    var stage: Int
    var query: String
    var index: SQLiteListIndex
    /// `index.changes` when found.
    var changes: Int
    var slots: Set<Int32>
    var texts: [(slot: Int32, name: String, email: String?)]?
}

/// The last search of a store (read and written on the thread that asks for lists).
final class LastSearch: @unchecked Sendable {
    var current: SearchMatches?
}
