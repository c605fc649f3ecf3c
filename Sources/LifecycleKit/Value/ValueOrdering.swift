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
        guard row >= 0, purchases[row] > 0 else { return nil }
        switch field {
        case .clv: return clv[row].isNaN ? nil : CustomerOrdering.numberKey(Double(clv[row]))
        case .probabilityAlive: return probabilityAlive[row].isNaN ? nil : CustomerOrdering.numberKey(Double(probabilityAlive[row]))
        case .rfmSegment:
            let digits = Int(rfm[row])
            let segment = RFMSegment(recency: digits / 100, frequency: digits / 10 % 10)
            return UInt64(RFMSegment.allCases.firstIndex(of: segment)!)
        default: return nil
        }
    }

    /// The positions of `rows` (each customer's table row, -1 for none, in id order) ascending
    /// by the value `field`, ties by position (= by id). Sorting a million customers takes a
    /// moment: done once when a store is given the table.
    func positionOrder(by field: CustomerSort.Field, rows: [Int32]) -> [Int32] {
        var keyed = rows.indices.map { position -> SortKeyed in
            let key = sortKey(atRow: Int(rows[position]), field)
            return SortKeyed(k1: key ?? 0, k2: 0, row: Int32(position), position: Int32(position), present: key == nil ? 0 : 1, exact: true)
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

    /// Each of the customers `ids` (ascending by bytes, the file's customers) mapped to its row
    /// in this table (buyers only; -1 for a customer without a purchase): one walk through
    /// both. A refusal when the table names a customer the file does not have (a table of
    /// another file, or of the file before another program changed it).
    func rows(forIDs ids: some Sequence<String>) -> Result<[Int32], ValueTableRefused> {
        var rows: [Int32] = []
        var row = 0
        for id in ids {
            if row < count, self.ids[row].utf8.lexicographicallyPrecedes(id.utf8) {
                return .failure(ValueTableRefused(reason: Message(.valuesRefusedUnknown, .text(self.ids[row]))))
            }
            if row < count, self.ids[row] == id {
                rows.append(Int32(row))
                row += 1
            } else {
                rows.append(-1)
            }
        }
        guard row == count else { return .failure(ValueTableRefused(reason: Message(.valuesRefusedUnknown, .text(self.ids[row])))) }
        return .success(rows)
    }
}

/// Thrown by `attachValues` when the table does not describe the store's customers; the
/// store keeps no table then (lists show no figures, value filters match nobody).
public struct ValueTableRefused: Error, Sendable, CustomStringConvertible {
    public let reason: Message
    public var description: String { reason.text(in: .en) }
}
