/// Cohorts on a SQLite snapshot without the streaming pass: the customers' ids and
/// `created_at`, the first transition only of customers without it (and the first touchpoint
/// of those without either), then one scan of the touchpoints in rowid order (only the
/// purchases for `purchase`, in SQL) giving each customer's distinct months, counted into the
/// same `CohortAnalysis` as the streaming pass.
struct SQLiteCohortScan {
    let store: SQLiteSnapshotStore
    let pass: ChunkedPass
    let progress: (Int) -> Void
    let shouldStop: () -> Bool

    func run(_ template: CohortAnalysis) throws -> CohortAnalysis {
        let none = SQLiteCustomerColumns.none
        let customers = try SQLiteCustomerColumns.read(pass, store: store, time: "created_at", progress: progress, shouldStop: shouldStop)
        var arrival = customers.times
        if arrival.contains(none) { try firstTransitions(customers, into: &arrival) }
        let months = try touchpointMonths(customers, metric: template.metric, arrival: &arrival)
        var analysis = template
        var k = 0
        for c in 0..<customers.count where arrival[c] != none {
            let cohort = CalendarMonth(Timestamp(microseconds: arrival[c]))
            while k < months.count && Int(months[k] >> 32) < c { k += 1 }
            var active: [Int] = []
            while k < months.count && Int(months[k] >> 32) == c {
                let month = Int64(months[k] & 0xffff_ffff)
                if month >= cohort.index && month <= template.last.index { active.append(Int(month - cohort.index)) }
                k += 1
            }
            analysis.count(cohort: cohort, months: active)
        }
        return analysis
    }

    /// The earliest transition of each customer without `created_at` (undone ones included, as
    /// `CohortAnalysis.cohort(of:)`).
    private func firstTransitions(_ customers: SQLiteCustomerColumns, into arrival: inout [Int64]) throws {
        let none = SQLiteCustomerColumns.none
        let missing = arrival.map { $0 == none }
        var first = [Int64](repeating: none, count: customers.count)
        var last: Int32?
        try pass.rows("customer_id, at", of: "transitions", chunk: 100_000) { s in
            guard let c = customers.number(of: s.bytes(1), last: &last).map(Int.init), missing[c] else { return }
            guard let at = Timestamp.parse(s.bytes(2))?.microseconds else { throw malformed(s, table: "transitions") }
            if first[c] == none || at < first[c] { first[c] = at }
        }
        for c in 0..<customers.count where missing[c] { arrival[c] = first[c] }
    }

    /// Each customer's distinct months (as `CalendarMonth.index`) with a touchpoint of the
    /// metric, as `customer << 32 | month`, sorted; gives customers still without an arrival
    /// their first touchpoint's time.
    private func touchpointMonths(_ customers: SQLiteCustomerColumns, metric: CohortMetric, arrival: inout [Int64]) throws -> [UInt64] {
        let none = SQLiteCustomerColumns.none
        let firstTouch = arrival.contains(none)
        var first = [Int64](repeating: none, count: firstTouch ? customers.count : 0)
        var months: [UInt64] = []
        var last: Int32?
        var seen = 0
        let purchase = Array("purchase".utf8)
        let onlyPurchases = metric == .purchase && !firstTouch
        try pass.rows("customer_id, at, type", of: "touchpoints", where: onlyPurchases ? "type = 'purchase'" : nil, chunk: 100_000) { s in
            seen += 1
            if seen % 65_536 == 0 {
                progress(Int(last ?? 0) + 1)
                if shouldStop() { throw CancellationError() }
            }
            guard let c = customers.number(of: s.bytes(1), last: &last) else { return }
            guard let at = Timestamp.parse(s.bytes(2)) else { throw malformed(s, table: "touchpoints") }
            if firstTouch && arrival[Int(c)] == none && (first[Int(c)] == none || at.microseconds < first[Int(c)]) {
                first[Int(c)] = at.microseconds
            }
            guard metric == .active || s.bytes(3).elementsEqual(purchase) else { return }
            let packed = UInt64(UInt32(c)) << 32 | UInt64(UInt32(CalendarMonth(at).index))
            if months.last != packed { months.append(packed) }
        }
        if firstTouch { for c in 0..<customers.count where arrival[c] == none { arrival[c] = first[c] } }
        months.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(months.count)
        for m in months where unique.last != m { unique.append(m) }
        return unique
    }

    private func malformed(_ s: SQLiteStatement, table: String) -> SnapshotError {
        SnapshotError(path: store.path, kind: .invalidField, place: "\(table) row \(s.int(0)), column at",
                      message: "malformed timestamp \(JSONText.string(s.string(2) ?? ""))")
    }
}
