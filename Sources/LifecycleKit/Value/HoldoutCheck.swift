import Foundation

/// How good the forecast is (Fader, Hardie & Lee's checks): the models fitted on purchases
/// up to a calibration end, compared with what the calibration buyers did after it, up to
/// `as_of`. "Predicted" is the BG/NBD conditional expectation given each buyer's calibration
/// history, E[purchases in (T, T + t] | x, t_x, T]; purchases count per day, as everywhere.
public struct HoldoutCheck: Hashable, Sendable, Codable {
    /// One week of the holdout period (week 1 starts the day after the calibration end).
    public struct Week: Hashable, Sendable, Codable {
        public var week: Int
        public var actual: Int
        public var predicted: Double
        public var cumulativeActual: Int
        public var cumulativePredicted: Double
    }

    /// The buyers with `frequency` repeat purchases in calibration (the last group is 7+).
    public struct FrequencyGroup: Hashable, Sendable, Codable {
        public var frequency: Int
        public var atLeast: Bool
        public var customers: Int
        /// Mean holdout purchases per customer of the group.
        public var actual: Double
        public var predicted: Double
    }

    public var calibrationEnd: Timestamp
    public var holdoutDays: Int
    public var actual: Int
    public var predicted: Double
    public var weeks: [Week]
    public var groups: [FrequencyGroup]

    /// The check for `summaries` (calibration, in id order) and `holdout` (the same customers'
    /// holdout purchase days), under `model`.
    public static func compute(model: BGNBD, summaries: [PurchaseSummary?], holdout: HoldoutAnalysis) -> HoldoutCheck {
        let startDay = holdout.calibrationEnd.utcDay
        let holdoutDays = Int(holdout.end.utcDay - startDay)
        let weekCount = max(1, (holdoutDays + 6) / 7)
        var weekly = Array(repeating: 0, count: weekCount)
        var byGroup = Array(repeating: (customers: 0, actual: 0, predicted: 0.0), count: 8)
        var histories = WeightedHistories()
        for (s, days) in zip(summaries, holdout.days) {
            guard let s else { continue }
            histories.add(s.history)
            for d in days { weekly[min(weekCount - 1, Int(Int64(d) - startDay - 1) / 7)] += 1 }
            let g = min(7, s.frequency)
            byGroup[g].customers += 1
            byGroup[g].actual += days.count
            byGroup[g].predicted += model.expectedPurchases(within: Double(holdoutDays), s.history)
        }
        var weeks: [Week] = []
        var before = 0.0, actualSoFar = 0
        for k in 1...weekCount {
            let t = Double(min(holdoutDays, 7 * k))
            let cumulative = zip(histories.histories, histories.weights).reduce(0) { $0 + $1.1 * model.expectedPurchases(within: t, $1.0) }
            actualSoFar += weekly[k - 1]
            weeks.append(Week(week: k, actual: weekly[k - 1], predicted: cumulative - before,
                              cumulativeActual: actualSoFar, cumulativePredicted: cumulative))
            before = cumulative
        }
        let groups = byGroup.enumerated().map { g, v in
            FrequencyGroup(frequency: g, atLeast: g == 7, customers: v.customers,
                           actual: v.customers == 0 ? 0 : Double(v.actual) / Double(v.customers),
                           predicted: v.customers == 0 ? 0 : v.predicted / Double(v.customers))
        }
        return HoldoutCheck(calibrationEnd: holdout.calibrationEnd, holdoutDays: holdoutDays, actual: actualSoFar,
                            predicted: before, weeks: weeks, groups: groups)
    }
}
