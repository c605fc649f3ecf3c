/// A JSON store's value figures: the table `attachValues` was given, mapped to customer
/// rows through the id order (both ascending by id bytes). Lists made before are forgotten.
extension JSONSnapshotStore {
    public func attachValues(_ table: CustomerValueTable?) throws {
        guard let table else { return install(nil) }
        let (tables, indexes) = mutation.withLock { (self.tables, self.indexes) }
        let order = idOrder(tables, indexes)
        let ids = tables.customers.ids
        let positions: [Int32]
        switch table.rows(forIDs: order.lazy.map { ids.text($0) }) {
        case .success(let rows): positions = rows
        case .failure(let refused):
            install(nil)
            throw refused
        }
        var tableRows = [Int32](repeating: -1, count: order.count)
        for (k, row) in order.enumerated() { tableRows[row] = positions[k] }
        install((table, tableRows))
    }

    private func install(_ values: (CustomerValueTable, [Int32])?) {
        valueSlot.withLock { slot in
            slot.generation += 1
            slot.values = values.map { JSONValues(table: $0.0, tableRows: $0.1, generation: slot.generation) }
        }
        lists.removeAll()
    }
}

/// The value table of a JSON store and the generation it was attached as.
struct JSONValueSlot {
    var values: JSONValues?
    var generation = 0
}

/// A value table mapped to a JSON store's customer rows.
struct JSONValues {
    let table: CustomerValueTable
    /// Per customer row: its row in `table` (-1: no purchase).
    let tableRows: [Int32]
    /// Lists are cached per generation (a newer table makes them stale).
    let generation: Int

    func figures(row: Int) -> CustomerValueFigures? { table.figures(atRow: Int(tableRows[row])) }

    func sortKey(row: Int, _ field: CustomerSort.Field) -> UInt64? { table.sortKey(atRow: Int(tableRows[row]), field) }
}
