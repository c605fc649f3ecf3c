/// What a cohort cell counts.
public enum CohortMetric: String, CaseIterable, Sendable, Codable {
    /// At least one touchpoint of type `purchase` in the month.
    case purchase
    /// Any touchpoint in the month.
    case active

    /// True when `t` counts for this metric.
    public func counts(_ t: TouchpointRecord) -> Bool { self == .active || t.type == "purchase" }
}

/// A UTC calendar month, as months since year 0 (`year × 12 + month − 1`).
public struct CalendarMonth: Hashable, Comparable, Sendable, Codable {
    public var index: Int64

    public init(_ t: Timestamp) {
        let us = t.microseconds
        let day = us / 86_400_000_000 - (us < 0 && us % 86_400_000_000 != 0 ? 1 : 0)
        let (y, m, _) = Timestamp.civil(fromDays: day)
        index = y * 12 + m - 1
    }

    /// `2026-01`.
    public var label: String {
        let y = String(index / 12), m = String(index % 12 + 1)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + (m.count == 1 ? "0" : "") + m
    }

    public static func < (a: CalendarMonth, b: CalendarMonth) -> Bool { a.index < b.index }
}

/// One cohort: its customers and, per month k = 0, 1, … up to `as_of`'s month, how many of
/// them counted in month cohort + k.
public struct CohortRow: Hashable, Sendable, Codable {
    public var month: CalendarMonth
    public var customers: Int
    public var counts: [Int]
    /// `counts` ÷ `customers`.
    public var values: [Double] { counts.map { Double($0) / Double(customers) } }
}

/// Cohorts by month of arrival: a customer's cohort is the UTC month of `created_at`, else of
/// the first transition, else of the first touchpoint (none: not counted). Cell (c, k) counts
/// the cohort's customers with a touchpoint of the metric in calendar month c + k, for every
/// month up to `as_of`'s.
public struct CohortAnalysis: Analysis, Codable {
    public let metric: CohortMetric
    public let last: CalendarMonth
    private var cohorts: [CalendarMonth: CohortRow] = [:]
    public var needs: JourneyNeeds { [.transitions, .touchpoints] }

    public init(metric: CohortMetric, asOf: Timestamp) {
        self.metric = metric
        last = CalendarMonth(asOf)
    }

    /// The cohort month of `c`, nil when it has no date at all.
    public static func cohort(of c: CustomerRecord) -> CalendarMonth? {
        (c.createdAt ?? c.transitions.first?.at ?? c.touchpoints.first?.at).map(CalendarMonth.init)
    }

    /// The months k (from the cohort's, up to `as_of`'s) in which `c` counts, ascending.
    public func activeMonths(of c: CustomerRecord, cohort: CalendarMonth) -> [Int] {
        var months: [Int] = []
        for t in c.touchpoints where metric.counts(t) {
            let m = CalendarMonth(t.at)
            guard m >= cohort, m <= last else { continue }
            let k = Int(m.index - cohort.index)
            if months.last != k { months.append(k) }
        }
        return months
    }

    public mutating func add(_ c: CustomerRecord) {
        guard let month = Self.cohort(of: c) else { return }
        count(cohort: month, months: activeMonths(of: c, cohort: month))
    }

    /// Counts one customer of cohort `month` who counts in the months `ks` since it (each
    /// once, from 0 up to `as_of`'s month).
    mutating func count(cohort month: CalendarMonth, months ks: some Sequence<Int>) {
        let width = max(0, Int(last.index - month.index) + 1)
        cohorts[month, default: CohortRow(month: month, customers: 0, counts: Array(repeating: 0, count: width))].customers += 1
        for k in ks { cohorts[month]!.counts[k] += 1 }
    }

    public func finish() -> CohortAnalysis { self }

    /// Every cohort, in month order.
    public var rows: [CohortRow] { cohorts.values.sorted { $0.month < $1.month } }

    /// The drill-down of a cell: the customers of cohort `month` who count in month + k.
    public static func customers(metric: CohortMetric, asOf: Timestamp, cohort month: CalendarMonth, k: Int) -> CustomerListAnalysis {
        let analysis = CohortAnalysis(metric: metric, asOf: asOf)
        return CustomerListAnalysis(needs: analysis.needs) { c in
            cohort(of: c) == month && analysis.activeMonths(of: c, cohort: month).contains(k)
        }
    }
}

/// What `clc cohorts` prints.
public struct CohortReport: Sendable {
    public var metric: CohortMetric
    public var asOf: Timestamp
    public var rows: [CohortRow]
}

extension SnapshotReading {
    /// The cohort triangle of `metric` up to `as_of` (`answer`: kept, or one pass).
    public func cohorts(metric: CohortMetric) throws -> CohortReport {
        let done = try answer(CohortAnalysis(metric: metric, asOf: info.asOf))
        return CohortReport(metric: metric, asOf: info.asOf, rows: done.rows)
    }
}
