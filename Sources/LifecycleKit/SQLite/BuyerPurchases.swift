/// Purchases gathered in any order (a scan's rows), grouped by customer at the end. Customers
/// are numbered in the order their first purchase row comes, and each one's purchases kept in
/// row order: the summaries, and the models fitted on them, come out the same bits whether
/// one scan read the rows or several read consecutive runs of them (`append`).
struct BuyerPurchases {
    private var keys: ByteKeyTable
    private var customer: [Int32] = []
    private var day: [Int64] = []
    private var amount: [Double] = []

    /// Purchases of about `buyers` customers (a guess: more only cost time).
    init(buyers: Int = 512) { keys = ByteKeyTable(capacity: buyers) }

    var buyers: Int { keys.count }

    mutating func add(customer id: UnsafeBufferPointer<UInt8>, day: Int64, amount: Double) {
        customer.append(keys.number(of: id))
        self.day.append(day)
        self.amount.append(amount)
    }

    /// Takes in the purchases of `later`, whose rows all come after these.
    mutating func append(_ later: BuyerPurchases) {
        var renumbered = [Int32](repeating: 0, count: later.keys.count)
        for k in 0..<later.keys.count {
            renumbered[k] = later.keys.withKey(k) { keys.number(of: $0) }
        }
        customer.append(contentsOf: later.customer.lazy.map { renumbered[Int($0)] })
        day.append(contentsOf: later.day)
        amount.append(contentsOf: later.amount)
    }

    /// One summary per customer, in their numbers' order: purchases bucketed by customer, each
    /// bucket in day order.
    func summaries(end: Timestamp) -> [PurchaseSummary] {
        let groups = RowGroups(owners: customer, ownerCount: keys.count)
        let endDay = end.utcDay
        var rows: [(day: Int64, amount: Double)] = []
        return (0..<keys.count).map { k in
            rows.removeAll(keepingCapacity: true)
            for i in groups.rows[groups.range(k)] { rows.append((day[Int(i)], amount[Int(i)])) }
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
