/// One customer's purchases as the value models count them: a purchase is a touchpoint of
/// type `purchase` (amount `value`, missing = 0), counted per UTC day (a day's amount is the
/// sum of its purchases), up to the end of the observation (`as_of`, or a calibration end;
/// later purchases are left out). Days are whole UTC days.
public struct PurchaseSummary: Hashable, Sendable, Codable {
    /// Purchase days.
    public var purchases: Int
    /// Days from the first purchase day to the last.
    public var recencyDays: Int
    /// Days from the first purchase day to the observation end's day.
    public var ageDays: Int
    /// Mean amount of the repeat days (all but the first); 0 without repeats.
    public var monetary: Double
    /// Sum of every purchase's amount.
    public var total: Double
    /// Days from the last purchase day to the observation end's day (RFM's R).
    public var daysSinceLast: Int { ageDays - recencyDays }
    /// x: purchase days after the first.
    public var frequency: Int { purchases - 1 }

    public var history: PurchaseHistory {
        PurchaseHistory(frequency: Double(frequency), recency: Double(recencyDays), age: Double(ageDays))
    }

    /// The summary of `purchases` (time, amount) observed until `end`; nil without a purchase.
    public static func of(_ purchases: [(at: Timestamp, value: Double?)], until end: Timestamp) -> PurchaseSummary? {
        var days: [(day: Int64, amount: Double)] = []
        for p in purchases where p.at <= end {
            let day = p.at.utcDay
            if let last = days.last, last.day == day {
                days[days.count - 1].amount += p.value ?? 0
            } else {
                days.append((day, p.value ?? 0))
            }
        }
        guard !days.isEmpty else { return nil }
        if !zip(days, days.dropFirst()).allSatisfy({ $0.day < $1.day }) {
            var merged: [Int64: Double] = [:]
            for d in days { merged[d.day, default: 0] += d.amount }
            days = merged.keys.sorted().map { ($0, merged[$0]!) }
        }
        let first = days[0].day, last = days[days.count - 1].day
        let repeats = days.dropFirst()
        return PurchaseSummary(purchases: days.count, recencyDays: Int(last - first), ageDays: Int(end.utcDay - first),
                               monetary: repeats.isEmpty ? 0 : repeats.reduce(0) { $0 + $1.amount } / Double(repeats.count),
                               total: days.reduce(0) { $0 + $1.amount })
    }
}

extension Timestamp {
    /// Days since 1970-01-01 of the UTC date.
    var utcDay: Int64 {
        let days = microseconds / 86_400_000_000
        return microseconds < 0 && microseconds % 86_400_000_000 != 0 ? days - 1 : days
    }
}
