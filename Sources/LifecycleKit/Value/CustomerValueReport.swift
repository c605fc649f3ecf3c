/// Everything `clc model` and `clc scores` print: the fitted models and every customer's
/// figures (in id order), and with a calibration end the holdout check.
public struct CustomerValueReport: Sendable {
    public var model: CustomerValueModel
    /// Every customer's purchases; empty in a report of the models alone (`customerValueModel`).
    public var customers: PurchaseAnalysis
    /// Per customer of `customers`: nil for a customer without a purchase.
    public var scores: [CustomerScores?]
    public var holdout: HoldoutCheck?
    public var asOf: Timestamp
    /// Customers in the snapshot (buyers or not).
    public var customerCount: Int
}

extension SnapshotReading {
    /// Fits the value models on the purchases up to `calibrationEnd` (default `as_of`) in one
    /// streaming pass and scores every customer; with a calibration end, checks the forecast
    /// against the purchases after it.
    public func customerValues(calibrationEnd: Timestamp? = nil, lifetime: LifetimeValue = LifetimeValue()) throws -> CustomerValueReport {
        let asOf = info.asOf
        let end = calibrationEnd.map { min($0, asOf) } ?? asOf
        var analyses: [any Analysis] = [PurchaseAnalysis(observationEnd: end)]
        if calibrationEnd != nil { analyses.append(HoldoutAnalysis(calibrationEnd: end, end: asOf)) }
        let done = try stream(analyses)
        let purchases = (done[0] as! PurchaseAnalysis).finish()
        let (model, scores) = CustomerValueModel.fit(purchases.summaries, observationEnd: end, lifetime: lifetime)
        var holdout: HoldoutCheck?
        if done.count > 1, let bg = model.bgnbd?.model {
            holdout = HoldoutCheck.compute(model: bg, summaries: purchases.summaries, holdout: (done[1] as! HoldoutAnalysis).finish())
        }
        return CustomerValueReport(model: model, customers: purchases, scores: scores, holdout: holdout, asOf: asOf,
                                   customerCount: purchases.ids.count)
    }

    /// The fitted models alone, what `clc model` prints: without a calibration end, fitted on
    /// `buyerSummaries` (a SQLite store reads only the purchases), no customer scored; with
    /// one, as `customerValues` (the holdout check needs the streaming pass).
    public func customerValueModel(calibrationEnd: Timestamp? = nil, lifetime: LifetimeValue = LifetimeValue()) throws -> CustomerValueReport {
        if calibrationEnd != nil { return try customerValues(calibrationEnd: calibrationEnd, lifetime: lifetime) }
        let asOf = info.asOf
        let (customers, buyers) = try buyerSummaries(until: asOf)
        return CustomerValueReport(model: CustomerValueModel.fitted(buyers, observationEnd: asOf, lifetime: lifetime),
                                   customers: PurchaseAnalysis(observationEnd: asOf), scores: [], holdout: nil, asOf: asOf,
                                   customerCount: customers)
    }

    /// The number of customers and the purchase summary of every buyer (in no set order),
    /// counted up to `end`: the streaming pass.
    public func buyerSummaries(until end: Timestamp) throws -> (customers: Int, buyers: [PurchaseSummary]) {
        let purchases = (try stream([PurchaseAnalysis(observationEnd: end)])[0] as! PurchaseAnalysis).finish()
        return (purchases.ids.count, purchases.summaries.compactMap { $0 })
    }
}
