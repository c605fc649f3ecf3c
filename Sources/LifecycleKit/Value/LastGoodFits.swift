/// The last fits that converged, kept in the side cache for when a refit does not: the
/// figures then come from these parameters, and the model's problems say so.
public struct LastGoodFits: Hashable, Sendable, Codable {
    public var bgnbd: ModelFit<BGNBD>?
    public var gammaGamma: ModelFit<GammaGamma>?

    public init(bgnbd: ModelFit<BGNBD>? = nil, gammaGamma: ModelFit<GammaGamma>? = nil) {
        self.bgnbd = bgnbd
        self.gammaGamma = gammaGamma
    }

    /// These, with each fit of `model` that converged in their place.
    public func updated(with model: CustomerValueModel) -> LastGoodFits {
        LastGoodFits(bgnbd: model.bgnbd?.converged == true ? model.bgnbd : bgnbd,
                     gammaGamma: model.gammaGamma?.converged == true ? model.gammaGamma : gammaGamma)
    }
}

extension CustomerValueReport {
    /// When a fit did not converge and `lastGood` holds one that did, every figure comes from
    /// the last good parameters instead (the problem says so); otherwise the report as it is.
    /// A model that could not be fitted at all (no buyers, nobody repeating, no amounts) stays so.
    public func usingLastGood(_ lastGood: LastGoodFits) -> CustomerValueReport {
        var model = self.model
        if let fit = model.bgnbd, !fit.converged, let good = lastGood.bgnbd {
            model.bgnbd = good
            model.bgnbdProblem = .bgnbdLastGood
        }
        if let fit = model.gammaGamma, !fit.converged, let good = lastGood.gammaGamma,
           model.clvProblem == nil || model.clvProblem == .gammaGammaNotConverged {
            model.gammaGamma = good
            model.clvProblem = .gammaGammaLastGood
        }
        guard model != self.model else { return self }
        var report = self
        report.model = model
        report.scores = scores.map { score in score.map { model.score($0.summary, rfm: $0.rfm) } }
        return report
    }
}
