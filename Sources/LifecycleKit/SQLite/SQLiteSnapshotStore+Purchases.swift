import Foundation

/// Every buyer's purchase summary from one scan of the purchases (in SQL: the touchpoints of
/// type purchase, in chunks), not the streaming pass over every customer: what `clc model`
/// fits on. Counts as `PurchaseSummary.of` does (per UTC day, up to the end); purchases of a
/// customer id not in `customers` (which `clc validate` refuses) count too.
extension SQLiteSnapshotStore {
    public func buyerSummaries(until end: Timestamp) throws -> (customers: Int, buyers: [PurchaseSummary]) {
        try chunkedPass { pass in
            var customers = 0
            try pass.aggregates("count(*)", of: "customers", chunk: 500_000) { customers += $0.int(0) }
            var purchases = BuyerPurchases()
            try pass.rows("customer_id, at, value", of: "touchpoints", where: "type = 'purchase'", chunk: 100_000) { s in
                guard let at = Timestamp.parse(s.bytes(2)) else {
                    throw SnapshotError(path: path, kind: .invalidField, place: "touchpoints row \(s.int(0)), column at",
                                        message: "malformed timestamp \(JSONText.string(s.string(2) ?? ""))")
                }
                if at <= end { purchases.add(customer: s.bytes(1), day: at.utcDay, amount: s.isNull(3) ? 0 : s.double(3)) }
            }
            return (customers, purchases.summaries(end: end))
        }
    }
}

/// Purchases gathered in any order, grouped by customer at the end.
private struct BuyerPurchases {
    private var index: [String: Int32] = [:]
    private var customer: [Int32] = []
    private var day: [Int64] = []
    private var amount: [Double] = []

    mutating func add(customer id: UnsafeBufferPointer<UInt8>, day: Int64, amount: Double) {
        let key = String(decoding: id, as: UTF8.self)
        let k: Int32
        if let known = index[key] { k = known } else {
            k = Int32(index.count)
            index[key] = k
        }
        customer.append(k)
        self.day.append(day)
        self.amount.append(amount)
    }

    /// One summary per customer: purchases bucketed by customer, each bucket in day order.
    func summaries(end: Timestamp) -> [PurchaseSummary] {
        let n = index.count
        var start = [Int](repeating: 0, count: n + 1)
        for k in customer { start[Int(k) + 1] += 1 }
        for i in 0..<n { start[i + 1] += start[i] }
        var next = start
        var order = [Int](repeating: 0, count: customer.count)
        for (i, k) in customer.enumerated() {
            order[next[Int(k)]] = i
            next[Int(k)] += 1
        }
        let endDay = end.utcDay
        return (0..<n).map { k in
            var rows = order[start[k]..<start[k + 1]].map { (day: day[$0], amount: amount[$0]) }
            if !zip(rows, rows.dropFirst()).allSatisfy({ $0.day <= $1.day }) { rows.sort { $0.day < $1.day } }
            return Self.summary(rows, endDay: endDay)
        }
    }

    /// The summary of one customer's purchases in day order (as `PurchaseSummary.of`).
    private static func summary(_ rows: [(day: Int64, amount: Double)], endDay: Int64) -> PurchaseSummary {
        var days = 0, total = 0.0, repeatTotal = 0.0, dayAmount = 0.0
        var current = rows[0].day
        for (i, row) in rows.enumerated() {
            if i == 0 || row.day != current {
                if days > 1 { repeatTotal += dayAmount }
                days += 1
                current = row.day
                dayAmount = 0
            }
            dayAmount += row.amount
            total += row.amount
        }
        if days > 1 { repeatTotal += dayAmount }
        let first = rows[0].day, last = rows[rows.count - 1].day
        return PurchaseSummary(purchases: days, recencyDays: Int(last - first), ageDays: Int(endDay - first),
                               monetary: days > 1 ? repeatTotal / Double(days - 1) : 0, total: total)
    }
}
