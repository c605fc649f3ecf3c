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

extension CustomerValueModel {
    /// When a fit did not converge and `lastGood` holds one that did, the model with the last
    /// good parameters instead (its problem says so); otherwise the model as it is. A model
    /// that could not be fitted at all (no buyers, nobody repeating, no amounts) stays so.
    public func usingLastGood(_ lastGood: LastGoodFits) -> CustomerValueModel {
        var model = self
        if let fit = bgnbd, !fit.converged, let good = lastGood.bgnbd {
            model.bgnbd = good
            model.bgnbdProblem = .bgnbdLastGood
        }
        if let fit = gammaGamma, !fit.converged, let good = lastGood.gammaGamma,
           clvProblem == nil || clvProblem == .gammaGammaNotConverged {
            model.gammaGamma = good
            model.clvProblem = .gammaGammaLastGood
        }
        return model
    }
}
