import Foundation

/// A SQLite store's value figures: the table `attachValues` was given and, for the
/// installed list index, the slots in each value order (sorted once, when the table or a new
/// index arrives, never on a key). Without an index (or with more than 250 stages) value
/// lists are answered from SQL plus the table in memory: slower, the same answers.
extension SQLiteSnapshotStore {
    public func attachValues(_ table: CustomerValueTable?) throws {
        guard let table else { return install(nil) }
        switch try chunkedPass({ pass in try Self.rows(of: table, pass) }) {
        case .success(let rows): install((table, rows))
        case .failure(let refused):
            install(nil)
            throw refused
        }
        if let reason = attachValuesToIndex() { throw ValueTableRefused(reason: reason) }
    }

    private func install(_ values: (table: CustomerValueTable, rows: [Int32])?) {
        valueSlot.withLock { slot in
            slot.generation += 1
            slot.table = values?.table
            slot.rowsByID = values?.rows ?? []
            slot.slots = nil
        }
    }

    /// Each customer's row in `table`, in id order (the ids read one at a time, in chunks of
    /// `idChunk` that let other programs commit between them: a million ids are never held at
    /// once), or why the table does not describe the file's customers.
    private static func rows(of table: CustomerValueTable, _ pass: ChunkedPass) throws -> Result<[Int32], ValueTableRefused> {
        let first = try SQLiteStatement(pass.db, "SELECT id FROM customers ORDER BY id COLLATE BINARY LIMIT \(idChunk)")
        let next = try SQLiteStatement(pass.db, "SELECT id FROM customers WHERE id > ?1 ORDER BY id COLLATE BINARY LIMIT \(idChunk)")
        var failure: (any Error)?
        var s = first, inChunk = 0, last: String?
        let ids = AnyIterator<String> {
            do {
                while true {
                    if try s.step() {
                        inChunk += 1
                        last = s.string(0) ?? ""
                        return last
                    }
                    s.reset()
                    try pass.checkUnchanged()
                    guard inChunk == idChunk, let last else { return nil }
                    (s, inChunk) = (next, 0)
                    s.bind(1, last)
                }
            } catch {
                failure = error
                return nil
            }
        }
        let rows = table.rows(forIDs: AnySequence { ids })
        if let failure { throw failure }
        return rows
    }

    /// Ids per chunk of `rows(of:)`.
    static let idChunk = 25_000

    /// Makes the value orders for the installed index, mapping each customer's table row (id
    /// order) to its slot through the index's id order. Returns why not when the index holds
    /// other customers than the table was checked against (the table is dropped then).
    @discardableResult
    func attachValuesToIndex() -> Message? {
        let (table, rowsByID, generation) = valueSlot.withLock { ($0.table, $0.rowsByID, $0.generation) }
        guard let table, let index = listIndex.current, let byID = listIndex.idOrder(of: index) else { return nil }
        guard byID.count == rowsByID.count else {
            valueSlot.withLock { if $0.generation == generation { $0.table = nil } }
            return Message(.valuesRefusedCount, .count(byID.count), .count(rowsByID.count))
        }
        var tableRows = [Int32](repeating: -1, count: byID.count)
        for (position, slot) in byID.enumerated() { tableRows[Int(slot)] = rowsByID[position] }
        var orders: [CustomerSort.Field: [Int32]] = [:]
        for field in CustomerSort.Field.valueFields {
            orders[field] = table.positionOrder(by: field, rows: rowsByID).map { byID[Int($0)] }
        }
        let made = SlotValues(index: index, table: table, tableRows: tableRows, orders: orders, generation: generation)
        valueSlot.withLock { if $0.generation == generation { $0.slots = made } }
        return nil
    }

    /// The rowids of `stage`'s customers passing `filter` (its value and id parts checked
    /// here), in `sort` order: one query for the stage, then the table in memory (a value
    /// sort or filter needs `table`).
    func valueOrderedRowids(stage: String, filter: CustomerFilter, sort: CustomerSort, table: CustomerValueTable?) throws -> [Int] {
        var base = filter
        (base.value, base.ids) = (nil, nil)
        let direction = sort.descending ? "DESC" : "ASC"
        let order = sort.field.isValue ? "c.id COLLATE BINARY"
            : sort.field == .id ? "c.id COLLATE BINARY \(direction)"
            : "\(Self.sortKey(sort.field)) \(direction), c.id COLLATE BINARY \(direction)"
        var rows: [(id: String, item: Int)] = try read { db in
            let s = try SQLiteStatement(db, "SELECT c.rowid, c.id \(Self.listSource(base)) ORDER BY \(order)")
            Self.bindList(s, stage: stage, filter: base)
            var rows: [(id: String, item: Int)] = []
            while try s.step() { rows.append((s.string(1) ?? "", s.int(0))) }
            return rows
        }
        if let ids = filter.ids { rows.removeAll { !ids.contains($0.id) } }
        if let value = filter.value { rows.removeAll { !value.accepts(table?.figures(of: $0.id)) } }
        guard sort.field.isValue, let table else { return rows.map(\.item) }
        let sorted = table.sorted(rows, by: sort.field)
        return sort.descending ? sorted.reversed() : sorted
    }
}

/// The value table of a SQLite store, its generation (bumped by every `attachValues`), and
/// the value orders made for the installed list index.
struct SQLiteValues {
    var table: CustomerValueTable?
    /// Per customer in id order: its row in `table` (-1: no purchase).
    var rowsByID: [Int32] = []
    var generation = 0
    var slots: SlotValues?
}

/// A value table mapped to the slots of one list index: each slot's table row, and every
/// slot in each value order (ascending, missing figures first, ties by id).
final class SlotValues: @unchecked Sendable {
    /// The index these were made for (weak: a dropped index is not kept alive).
    weak var index: SQLiteListIndex?
    let table: CustomerValueTable
    let tableRows: [Int32]
    let orders: [CustomerSort.Field: [Int32]]
    let generation: Int

    init(index: SQLiteListIndex, table: CustomerValueTable, tableRows: [Int32], orders: [CustomerSort.Field: [Int32]], generation: Int) {
        self.index = index
        (self.table, self.tableRows, self.orders, self.generation) = (table, tableRows, orders, generation)
    }

    func accepts(slot: Int, _ filter: ValueFilter) -> Bool { table.accepts(row: Int(tableRows[slot]), filter) }
}
