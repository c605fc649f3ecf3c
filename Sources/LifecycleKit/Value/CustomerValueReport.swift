/// Everything `clc model` and `clc scores` print: the fitted models and every customer's
/// figures (in id order), and with a calibration end the holdout check.
public struct CustomerValueReport: Sendable {
    public var model: CustomerValueModel
    public var customers: PurchaseAnalysis
    /// Per customer of `customers`: nil for a customer without a purchase.
    public var scores: [CustomerScores?]
    public var holdout: HoldoutCheck?
    public var asOf: Timestamp
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
        return CustomerValueReport(model: model, customers: purchases, scores: scores, holdout: holdout, asOf: asOf)
    }
}
