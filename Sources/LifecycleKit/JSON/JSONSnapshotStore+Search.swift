/// Searching a JSON store's lists: a walk along the sorted rows, matching the texts in
/// their columns without making a `Customer` of each row.
extension JSONSnapshotStore {
    public func indexOfMatch(_ query: String, inStage stage: String, filter: CustomerFilter, sort: CustomerSort,
                             from start: Int, forward: Bool) throws -> Int? {
        guard !query.isEmpty, let s = tables.stagePosition(of: stage) else { return nil }
        let order = rows(inStage: s, filter: filter, sortedBy: sort.field)
        let n = order.count
        guard n > 0 else { return nil }
        let search = CustomerSearch(query)
        let first = min(max(0, start), n - 1)
        var buffer: [UInt8] = []
        for step in 0..<n {
            let i = forward ? (first + step) % n : (first - step + n) % n
            if matches(search, row: Int(order[sort.descending ? n - 1 - i : i]), &buffer) { return i }
        }
        return nil
    }

    public func indexOfCustomer(_ id: String, inStage stage: String, filter: CustomerFilter, sort: CustomerSort) throws -> Int? {
        guard let s = tables.stagePosition(of: stage), let row = tables.customerRow(of: id) else { return nil }
        let order = rows(inStage: s, filter: filter, sortedBy: sort.field)
        guard let k = order.firstIndex(of: Int32(row)) else { return nil }
        return sort.descending ? order.count - 1 - k : k
    }

    private func matches(_ search: CustomerSearch, row: Int, _ buffer: inout [UInt8]) -> Bool {
        let c = tables.customers
        return c.names.withBytes(row) { name in
            c.ids.withBytes(row) { id in
                if c.emails.isNil(row) { return search.matches(name: name, email: nil, id: id, buffer: &buffer) }
                return c.emails.withBytes(row) { search.matches(name: name, email: $0, id: id, buffer: &buffer) }
            }
        }
    }
}
