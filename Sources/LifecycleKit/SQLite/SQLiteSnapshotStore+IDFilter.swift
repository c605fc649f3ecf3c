/// `CustomerFilter.ids` on the list index: the set's customers as slots.
extension SQLiteSnapshotStore {
    /// For a filter with an id set, what makes its slots for `index` (nil: no id set).
    func idSlots(_ filter: CustomerFilter, _ index: SQLiteListIndex) -> (() -> [Bool]?)? {
        guard let ids = filter.ids else { return nil }
        return { try? self.slots(of: ids, in: index) }
    }

    /// Per slot of `index`: whether its customer is in `ids` (each id looked up by the
    /// primary key; ids the file lacks are skipped).
    func slots(of ids: CustomerIDSet, in index: SQLiteListIndex) throws -> [Bool] {
        var kept = [Bool](repeating: false, count: index.count)
        try read { db in
            let s = try SQLiteStatement(db, "SELECT rowid FROM customers WHERE id = ?1")
            for id in ids.ids {
                s.bind(1, id)
                defer { s.reset() }
                if try s.step(), let slot = index.slot(ofRowid: Int64(s.int(0))) { kept[slot] = true }
            }
        }
        return kept
    }
}
