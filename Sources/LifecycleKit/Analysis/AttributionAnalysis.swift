/// The figures of one attribution key under every model.
public struct AttributionTally: Sendable, Codable {
    /// Touchpoints with this key in the converters' windows.
    public var touchpoints = 0
    /// Converters with at least one such touchpoint.
    public var customers = 0
    /// Per model (`AttributionModel.allCases` order): the sum of credits and of the revenue they split.
    public var credit = [Double](repeating: 0, count: AttributionModel.allCases.count)
    public var revenue = [Double](repeating: 0, count: AttributionModel.allCases.count)
}

/// Attribution of the conversions into one stage (see `AttributionConversion` for the
/// definitions), by each asked dimension, under all five models at once (so a screen can
/// show them side by side from one pass).
public struct AttributionAnalysis: Analysis, Codable {
    public let stage: Int
    public let lookbackDays: Int
    public let dimensions: [AttributionDimension]
    public private(set) var conversions = 0
    /// Per dimension (in `dimensions` order): the tally of each key.
    public private(set) var tallies: [[String: AttributionTally]]
    public var needs: JourneyNeeds { [.transitions, .touchpoints] }

    /// `stage` is a funnel position.
    public init(stage: Int, lookbackDays: Int = 90, dimensions: [AttributionDimension] = AttributionDimension.allCases) {
        self.stage = stage
        self.lookbackDays = lookbackDays
        self.dimensions = dimensions
        tallies = dimensions.map { _ in [:] }
    }

    public mutating func add(_ c: CustomerRecord) {
        guard let conversion = AttributionConversion(c, stage: stage, lookbackDays: lookbackDays) else { return }
        add(conversion)
    }

    /// Counts one conversion into the stage (the converters must come in id order, as the
    /// streaming pass hands them, for sums equal to the last bit).
    mutating func add(_ conversion: AttributionConversion) {
        conversions += 1
        let ages = conversion.window.map { $0.at.days(until: conversion.entry) }
        let credits = AttributionModel.allCases.map { $0.credits(ages: ages) }
        let revenue = conversion.revenue
        for d in dimensions.indices {
            guard !conversion.window.isEmpty else {
                tallies[d][AttributionDimension.none, default: AttributionTally()].credit(1, revenue: revenue)
                continue
            }
            var seen: [String] = []
            for (i, t) in conversion.window.enumerated() {
                let key = dimensions[d].key(of: t)
                tallies[d][key, default: AttributionTally()].add(i, of: credits, revenue: revenue)
                if !seen.contains(key) { seen.append(key) }
            }
            for key in seen { tallies[d][key]!.customers += 1 }
        }
    }

    /// Takes figures counted elsewhere (`AttributionKeyTallies`, one per dimension in order).
    mutating func take(conversions: Int, tallies: [[String: AttributionTally]]) {
        self.conversions = conversions
        self.tallies = tallies
    }

    public func finish() -> AttributionAnalysis { self }

    /// The rows for `model` by `dimension` (one of `dimensions`): by credit descending, then
    /// key (byte order); `share` = credit ÷ conversions.
    public func rows(model: AttributionModel, by dimension: AttributionDimension) -> [AttributionRow] {
        guard let d = dimensions.firstIndex(of: dimension) else { return [] }
        let m = AttributionModel.allCases.firstIndex(of: model)!
        let rows = tallies[d].map { key, t in
            AttributionRow(key: key, credit: t.credit[m], share: conversions == 0 ? 0 : t.credit[m] / Double(conversions),
                           touchpoints: t.touchpoints, customers: t.customers, revenue: t.revenue[m])
        }
        return rows.sorted { a, b in
            let ca = NumberText.rounded6(a.credit), cb = NumberText.rounded6(b.credit)
            return ca != cb ? ca > cb : a.key.utf8.lexicographicallyPrecedes(b.key.utf8)
        }
    }

    /// The drill-down of a row: the converters `model` gives credit (> 0) to `key` by
    /// `dimension` (for `(none)`: also those without a touchpoint in their window).
    public static func credited(stage: Int, lookbackDays: Int, model: AttributionModel, by dimension: AttributionDimension,
                                key: String) -> CustomerListAnalysis {
        CustomerListAnalysis(needs: [.transitions, .touchpoints]) { c in
            guard let conversion = AttributionConversion(c, stage: stage, lookbackDays: lookbackDays) else { return false }
            return conversion.credit(of: key, model: model, by: dimension) > 0
        }
    }

    /// The drill-down of a row's `customers`: the converters with at least one touchpoint of
    /// `key` by `dimension` in their window.
    public static func touched(stage: Int, lookbackDays: Int, by dimension: AttributionDimension, key: String) -> CustomerListAnalysis {
        CustomerListAnalysis(needs: [.transitions, .touchpoints]) { c in
            guard let conversion = AttributionConversion(c, stage: stage, lookbackDays: lookbackDays) else { return false }
            return conversion.window.contains { dimension.key(of: $0) == key }
        }
    }
}

extension AttributionTally {
    /// A conversion without touchpoints: one whole credit under every model.
    mutating func credit(_ amount: Double, revenue: Double) {
        for m in credit.indices {
            credit[m] += amount
            self.revenue[m] += amount * revenue
        }
    }

    /// The touchpoint at `i` of a window whose credits per model are `credits`.
    mutating func add(_ i: Int, of credits: [[Double]], revenue: Double) {
        touchpoints += 1
        for m in credit.indices {
            credit[m] += credits[m][i]
            self.revenue[m] += credits[m][i] * revenue
        }
    }
}

/// One key of an attribution table.
public struct AttributionRow: Hashable, Sendable {
    public var key: String
    public var credit: Double
    public var share: Double
    public var touchpoints: Int
    public var customers: Int
    public var revenue: Double

    public init(key: String, credit: Double, share: Double, touchpoints: Int, customers: Int, revenue: Double) {
        self.key = key
        self.credit = credit
        self.share = share
        self.touchpoints = touchpoints
        self.customers = customers
        self.revenue = revenue
    }
}

/// What `clc attribution` prints: the question and its rows.
public struct AttributionReport: Sendable {
    public var stage: Stage
    public var model: AttributionModel
    public var by: AttributionDimension
    public var lookbackDays: Int
    public var conversions: Int
    public var rows: [AttributionRow]
    public var currency: String

    public init(stage: Stage, model: AttributionModel, by: AttributionDimension, lookbackDays: Int, conversions: Int,
                rows: [AttributionRow], currency: String) {
        self.stage = stage
        self.model = model
        self.by = by
        self.lookbackDays = lookbackDays
        self.conversions = conversions
        self.rows = rows
        self.currency = currency
    }
}

extension SnapshotReading {
    /// Attribution of the conversions into the stage `stageID` (`answer`: kept, or one pass).
    /// Throws `OperationError` for an unknown stage or a negative lookback.
    public func attribution(stage stageID: String, model: AttributionModel, by: AttributionDimension,
                            lookbackDays: Int = 90) throws -> AttributionReport {
        guard let stage = stages.firstIndex(where: { $0.id == stageID }) else {
            throw OperationError(Message(.unknownStageAmong, .text(stageID), .text(stages.map(\.id).joined(separator: ", "))))
        }
        guard lookbackDays >= 0 else { throw OperationError(Message(.mustNotBeNegative, .text("--lookback-days"))) }
        // The asked dimension only (all five models): on SQLite a result of every dimension
        // kept by the screen answers it too, else this one is kept under its own key.
        let done = try answer(AttributionAnalysis(stage: stage, lookbackDays: lookbackDays, dimensions: [by]))
        return AttributionReport(stage: stages[stage], model: model, by: by, lookbackDays: lookbackDays,
                                 conversions: done.conversions, rows: done.rows(model: model, by: by), currency: info.currency)
    }
}
