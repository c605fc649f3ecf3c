/// Sorting and filtering customer lists by their value figures, shared by both stores so
/// that they give the same answers: a missing figure (a non-buyer, or no fit) sorts before
/// every present one, ties by id (UTF-8 bytes), RFM segments in `RFMSegment.allCases` order.
extension CustomerSort.Field {
    /// The fields whose values come from an attached `CustomerValueTable`.
    public static let valueFields: [CustomerSort.Field] = [.clv, .probabilityAlive, .rfmSegment]

    /// True for CLV, P(alive) and RFM segment.
    public var isValue: Bool { Self.valueFields.contains(self) }
}

extension CustomerSort {
    /// The order a store without a value table uses: a value field acts like the id order.
    func withoutValues() -> CustomerSort { field.isValue ? CustomerSort(.id, descending: descending) : self }
}

extension CustomerValueTable {
    /// The sort key of `row` for a value field: nil when the customer has no such figure.
    func sortKey(atRow row: Int, _ field: CustomerSort.Field) -> UInt64? {
        guard purchases[row] > 0 else { return nil }
        switch field {
        case .clv: return clv[row].isNaN ? nil : CustomerOrdering.numberKey(clv[row])
        case .probabilityAlive: return probabilityAlive[row].isNaN ? nil : CustomerOrdering.numberKey(probabilityAlive[row])
        case .rfmSegment:
            let digits = Int(rfm[row])
            let segment = RFMSegment(recency: digits / 100, frequency: digits / 10 % 10)
            return UInt64(RFMSegment.allCases.firstIndex(of: segment)!)
        default: return nil
        }
    }

    /// Every row ascending by the value `field`, ties by row (the rows are in id order).
    /// Sorting a million rows takes a moment: done once when a store is given the table.
    func rowOrder(by field: CustomerSort.Field) -> [Int32] {
        var keyed = (0..<count).map { row -> SortKeyed in
            let key = sortKey(atRow: row, field)
            return SortKeyed(k1: key ?? 0, k2: 0, row: Int32(row), position: Int32(row), present: key == nil ? 0 : 1, exact: true)
        }
        return SortKeyed.sorted(&keyed) { _, _ in 0 }
    }

    /// The customers (`ids`, in any order, and what goes with each) ordered by the value
    /// `field` ascending, ties by id: for lists answered without a precomputed order.
    func sorted<T>(_ items: [(id: String, item: T)], by field: CustomerSort.Field) -> [T] {
        let byID = items.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        var keyed = byID.enumerated().map { position, entry -> SortKeyed in
            let key = row(of: entry.id).flatMap { sortKey(atRow: $0, field) }
            return SortKeyed(k1: key ?? 0, k2: 0, row: Int32(position), position: Int32(position), present: key == nil ? 0 : 1, exact: true)
        }
        return SortKeyed.sorted(&keyed) { _, _ in 0 }.map { byID[Int($0)].item }
    }

    /// Whether the customer of `row` passes `filter`.
    func accepts(row: Int, _ filter: ValueFilter) -> Bool { filter.accepts(figures(atRow: row)) }

    /// Nil when this table describes exactly the customers with `ids` (ascending by bytes),
    /// else why not (a table of another file, or of the file before another program changed it).
    func mismatch(ids: some Sequence<String>) -> Message? {
        var row = 0
        for id in ids {
            guard row < count else { return Message(.valuesRefusedCount, .count(row + 1), .count(count)) }
            guard self.ids[row] == id else { return Message(.valuesRefusedID, .count(row + 1), .text(self.ids[row]), .text(id)) }
            row += 1
        }
        return row == count ? nil : Message(.valuesRefusedCount, .count(row), .count(count))
    }
}

/// Thrown by `attachValues` when the table does not describe the store's customers; the
/// store keeps no table then (lists show no figures, value filters match nobody).
public struct ValueTableRefused: Error, Sendable, CustomStringConvertible {
    public let reason: Message
    public var description: String { reason.text(in: .en) }
}
