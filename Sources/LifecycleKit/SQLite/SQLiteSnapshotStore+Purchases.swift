import Foundation

/// Every buyer's purchase summary from one scan of the purchases (in SQL: the touchpoints of
/// type purchase, in chunks), not the streaming pass over every customer: what `clc model`
/// fits on. Counts as `PurchaseSummary.of` does (per UTC day, up to the end); purchases of a
/// customer id not in `customers` (which `clc validate` refuses) count too.
///
/// Two connections read at once, one the lower rowids and one the upper (`chunkedPasses`),
/// each row's `at` parsed from its bytes and its customer id looked up by its bytes; the
/// halves are joined in rowid order, so the summaries are those of one scan in rowid order.
extension SQLiteSnapshotStore {
    public func buyerSummaries(until end: Timestamp) throws -> (customers: Int, buyers: [PurchaseSummary]) {
        let (split, guess) = try read { db in (try Self.middleRowid(of: "touchpoints", db), try ChunkedPass.count("customers", db)) }
        let path = path
        let (lower, upper) = try chunkedPasses { pass, half in
            // Each half's buyers: at most every customer, about half of them when each buys in one half.
            var purchases = BuyerPurchases(buyers: guess / 2)
            let customers = half == 0 ? try ChunkedPass.count("customers", pass.db) : 0
            guard half == 0 || split < Int.max else { return (customers, purchases) }
            try pass.rows("customer_id, at, value", of: "touchpoints", where: "type = 'purchase'",
                          rowids: half == 0 ? Int.min...split : (split + 1)...Int.max, chunk: 100_000) { s in
                guard let at = Timestamp.parse(s.bytes(2)) else {
                    throw SnapshotError(path: path, kind: .invalidField, place: "touchpoints row \(s.int(0)), column at",
                                        message: "malformed timestamp \(JSONText.string(s.string(2) ?? ""))")
                }
                if at <= end { purchases.add(customer: s.bytes(1), day: at.utcDay, amount: s.isNull(3) ? 0 : s.double(3)) }
            }
            return (customers, purchases)
        }
        var purchases = lower.1
        purchases.append(upper.1)
        return (lower.0, purchases.summaries(end: end))
    }

    /// The rowid halfway between the table's least and greatest (Int.max when it is empty).
    static func middleRowid(of table: String, _ db: OpaquePointer) throws -> Int {
        try ChunkedPass.rowidEnds(of: table, db).map { ChunkedPass.middle($0.0, $0.1) } ?? Int.max
    }
}
