import Foundation

/// How the credit of one conversion is shared among the touchpoints in its window.
public enum AttributionModel: String, CaseIterable, Sendable {
    /// All to the first touchpoint.
    case first
    /// All to the last touchpoint.
    case last
    /// Equal shares.
    case linear
    /// 40 % first, 40 % last, 20 % shared equally by those between (one: 100 %; two: 50/50).
    case position
    /// Weight 2^(−(entry − at, in days) ÷ 7), normalised.
    case timeDecay = "time-decay"

    /// The credit of each of `n` touchpoints (at `ages` days before the entry), summing to 1.
    public func credits(ages: [Double]) -> [Double] {
        let n = ages.count
        guard n > 0 else { return [] }
        var c = [Double](repeating: 0, count: n)
        switch self {
        case .first: c[0] = 1
        case .last: c[n - 1] = 1
        case .linear: c = c.map { _ in 1 / Double(n) }
        case .position:
            if n == 1 { c[0] = 1 } else if n == 2 { c = [0.5, 0.5] } else {
                c = c.map { _ in 0.2 / Double(n - 2) }
                c[0] = 0.4
                c[n - 1] = 0.4
            }
        case .timeDecay:
            // Relative to the youngest touchpoint, so that old windows do not underflow to 0.
            let youngest = ages.min()!
            let weights = ages.map { exp2(-($0 - youngest) / 7) }
            let total = weights.reduce(0, +)
            c = weights.map { $0 / total }
        }
        return c
    }
}

/// What attribution groups the touchpoints by.
public enum AttributionDimension: String, CaseIterable, Sendable, Codable {
    case channel, campaign, type

    /// The key of a conversion without a touchpoint in its window, and of a
    /// touchpoint without a campaign.
    public static let none = "(none)"

    /// The key of `t`.
    public func key(of t: TouchpointRecord) -> String {
        switch self {
        case .channel: t.channel
        case .campaign: t.campaign ?? Self.none
        case .type: t.type
        }
    }
}

/// One converter's conversion into a stage: when it entered, the touchpoints of its window
/// and its revenue from the entry on. The one place the definitions of attribution live;
/// the figures (`AttributionAnalysis`) and the drill-down (`credited(…)`) both use it.
public struct AttributionConversion: Sendable {
    /// The first entry into the stage.
    public let entry: Timestamp
    /// The touchpoints with entry − lookback ≤ `at` ≤ entry, ordered by (`at`, `id`).
    public let window: ArraySlice<TouchpointRecord>
    /// The sum of the purchase values at or after the entry.
    public let revenue: Double

    /// The conversion of `customer` into the stage at funnel position `stage`, nil when it
    /// has none. The first entry is the earliest transition into the stage (ties: file order;
    /// undone pairs left out); a customer currently in the stage with no transition into it
    /// entered at its `stage_entered_at`; with neither it did not convert.
    /// `customer.touchpoints` must be in (`at`, `id`) order, as the streaming pass gives them.
    public init?(_ customer: CustomerRecord, stage: Int, lookbackDays: Int) {
        let into = customer.transitions.withoutUndone.first { $0.stage == stage }?.at
        guard let entry = into ?? (customer.stage == stage ? customer.stageEnteredAt : nil) else { return nil }
        self.init(entry: entry, touchpoints: customer.touchpoints, lookbackDays: lookbackDays)
    }

    /// The conversion at `entry` of a customer whose touchpoints, in (`at`, `id`) order, are
    /// `t`: all of them, or at least those of the window and the purchases from `entry` on.
    public init(entry: Timestamp, touchpoints t: [TouchpointRecord], lookbackDays: Int) {
        self.entry = entry
        let start = Self.windowStart(entry, lookbackDays: lookbackDays)
        let low = t.firstIndex { $0.at >= start } ?? t.endIndex
        var high = low
        while high < t.endIndex, t[high].at <= entry { high += 1 }
        window = t[low..<high]
        var revenue = 0.0
        for p in t where p.type == "purchase" && p.at >= entry { revenue += p.value ?? 0 }
        self.revenue = revenue
    }

    /// entry − lookback, or the beginning of time when that lies before it.
    static func windowStart(_ entry: Timestamp, lookbackDays: Int) -> Timestamp {
        let (span, over) = Int64(lookbackDays).multipliedReportingOverflow(by: 86_400_000_000)
        let (start, under) = entry.microseconds.subtractingReportingOverflow(span)
        return over || under ? Timestamp(microseconds: .min) : Timestamp(microseconds: start)
    }

    /// Each window touchpoint's credit under `model` (empty for an empty window).
    public func credits(_ model: AttributionModel) -> [Double] {
        model.credits(ages: window.map { $0.at.days(until: entry) })
    }

    /// The credit `model` gives `key` (by `dimension`): its touchpoints' credits, or 1 for
    /// `(none)` when the window is empty.
    public func credit(of key: String, model: AttributionModel, by dimension: AttributionDimension) -> Double {
        guard !window.isEmpty else { return key == AttributionDimension.none ? 1 : 0 }
        return zip(window, credits(model)).reduce(0) { $0 + (dimension.key(of: $1.0) == key ? $1.1 : 0) }
    }
}
