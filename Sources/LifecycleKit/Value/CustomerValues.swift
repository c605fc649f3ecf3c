/// What the value models say of one buyer.
public struct CustomerScores: Hashable, Sendable, Codable {
    public var summary: PurchaseSummary
    /// P(alive | x, t_x, T); nil when BG/NBD could not be fitted.
    public var probabilityAlive: Double?
    /// E[purchases in the next 90 days]; nil when BG/NBD could not be fitted.
    public var expectedPurchases90: Double?
    /// Customer lifetime value; nil without both models (see `CustomerValueModel.clvProblem`).
    public var clv: Double?
    public var rfm: RFMScore
}

/// The value models fitted on every buyer of a snapshot (BG/NBD on the distinct (x, t_x, T),
/// weighted; Gamma-Gamma on the repeat buyers with a positive mean repeat amount), with the
/// reason for each figure that cannot be given.
public struct CustomerValueModel: Hashable, Sendable, Codable {
    /// The end of the observation: `as_of`, or the calibration end.
    public var observationEnd: Timestamp
    public var buyers: Int
    public var repeatBuyers: Int
    public var bgnbd: ModelFit<BGNBD>?
    public var gammaGamma: ModelFit<GammaGamma>?
    /// Why there is no BG/NBD fit (or why it is not to be trusted), if so.
    public var bgnbdProblem: ValueProblem?
    /// Why there is no CLV (or why it is not to be trusted), if so.
    public var clvProblem: ValueProblem?
    public var lifetime: LifetimeValue

    /// Fits the models on `summaries` (nil: not a buyer) and scores every buyer, in order.
    public static func fit(_ summaries: [PurchaseSummary?], observationEnd: Timestamp,
                           lifetime: LifetimeValue = LifetimeValue()) -> (model: CustomerValueModel, scores: [CustomerScores?]) {
        let buyers = summaries.compactMap { $0 }
        let model = fitted(buyers, observationEnd: observationEnd, lifetime: lifetime)
        let rfm = RFMScore.scores(buyers)
        var k = 0
        let scores = summaries.map { s -> CustomerScores? in
            guard let s else { return nil }
            defer { k += 1 }
            return model.score(s, rfm: rfm[k])
        }
        return (model, scores)
    }

    /// The models fitted on `buyers` (their order does not matter), without scoring anyone.
    public static func fitted(_ buyers: [PurchaseSummary], observationEnd: Timestamp,
                              lifetime: LifetimeValue = LifetimeValue()) -> CustomerValueModel {
        var model = CustomerValueModel(observationEnd: observationEnd, buyers: buyers.count,
                                       repeatBuyers: buyers.reduce(0) { $0 + ($1.frequency > 0 ? 1 : 0) }, lifetime: lifetime)
        // The two fits are independent: Gamma-Gamma's on another thread meanwhile.
        let spends = ThreadResult { spendFit(buyers) }
        model.fitBGNBD(buyers)
        model.takeGammaGamma((try? spends.value()) ?? nil)
        return model
    }

    private mutating func fitBGNBD(_ buyers: [PurchaseSummary]) {
        guard !buyers.isEmpty else { bgnbdProblem = .noPurchases; clvProblem = .noPurchases; return }
        guard repeatBuyers > 0 else {
            bgnbdProblem = .nobodyRepeats
            clvProblem = .nobodyRepeats
            return
        }
        bgnbd = BGNBD.fit(WeightedHistories(days: buyers))
        if bgnbd?.converged != true { bgnbdProblem = .bgnbdNotConverged }
    }

    /// Gamma-Gamma fitted on the buyers with repeat purchases and a positive mean repeat
    /// amount; nil when there are none.
    private static func spendFit(_ buyers: [PurchaseSummary]) -> ModelFit<GammaGamma>? {
        let spenders = buyers.lazy.filter { $0.frequency > 0 && $0.monetary > 0 }
        return spenders.isEmpty ? nil : GammaGamma.fit(distinctSpends(spenders))
    }

    /// Takes the Gamma-Gamma fit (nil: nobody to fit it on), after BG/NBD's.
    private mutating func takeGammaGamma(_ fit: ModelFit<GammaGamma>?) {
        guard let fit else {
            if clvProblem == nil { clvProblem = .noAmounts }
            return
        }
        gammaGamma = fit
        if let gg = gammaGamma?.model, !gg.populationMean.isFinite {
            clvProblem = .infiniteMean
        } else if gammaGamma?.converged != true, clvProblem == nil {
            clvProblem = .gammaGammaNotConverged
        }
    }

    /// The distinct (x, m), weighted, in ascending order: the same buyers in any order give the
    /// same bits. Sorted rather than hashed, which needs a sixth of the memory at first open.
    static func distinctSpends(_ spenders: some Sequence<PurchaseSummary>) -> [(frequency: Double, monetary: Double, weight: Double)] {
        var pairs = spenders.map { (frequency: Double($0.frequency), monetary: $0.monetary) }
        pairs.sort { ($0.frequency, $0.monetary) < ($1.frequency, $1.monetary) }
        var weighted: [(frequency: Double, monetary: Double, weight: Double)] = []
        for p in pairs {
            if let last = weighted.last, last.frequency == p.frequency, last.monetary == p.monetary {
                weighted[weighted.count - 1].weight += 1
            } else {
                weighted.append((p.frequency, p.monetary, 1))
            }
        }
        return weighted
    }

    /// The figures of one buyer.
    public func score(_ s: PurchaseSummary, rfm: RFMScore) -> CustomerScores {
        let h = s.history
        let bg = bgnbd?.model
        var clv: Double?
        if let bg, let gg = gammaGamma?.model, gg.populationMean.isFinite {
            let amount = gg.expectedAverageAmount(frequency: h.frequency, monetary: s.monetary)
            clv = lifetime.value(h, averageAmount: amount, model: bg)
        }
        return CustomerScores(summary: s, probabilityAlive: bg?.probabilityAlive(h),
                              expectedPurchases90: bg?.expectedPurchases(within: 90, h), clv: clv, rfm: rfm)
    }
}

/// Why a value figure is missing or uncertain.
public enum ValueProblem: String, Hashable, Sendable, Codable {
    case noPurchases, nobodyRepeats, bgnbdNotConverged, noAmounts, infiniteMean, gammaGammaNotConverged
    /// The refit did not converge: the figures use the last parameters that did (side cache).
    case bgnbdLastGood, gammaGammaLastGood

    public var message: Message {
        switch self {
        case .noPurchases: Message(.valueNoPurchases)
        case .nobodyRepeats: Message(.valueNobodyRepeats)
        case .bgnbdNotConverged: Message(.valueBGNBDNotConverged)
        case .noAmounts: Message(.valueNoAmounts)
        case .infiniteMean: Message(.valueInfiniteMean)
        case .gammaGammaNotConverged: Message(.valueGammaGammaNotConverged)
        case .bgnbdLastGood: Message(.valueBGNBDLastGood)
        case .gammaGammaLastGood: Message(.valueGammaGammaLastGood)
        }
    }
}

extension RFMSegment {
    /// The segment's name in the catalog (`rawValue` is the language-neutral name of JSON and CSV).
    public var message: Message {
        switch self {
        case .champions: Message(.rfmChampions)
        case .loyal: Message(.rfmLoyal)
        case .potentialLoyalist: Message(.rfmPotentialLoyalist)
        case .new: Message(.rfmNew)
        case .promising: Message(.rfmPromising)
        case .needAttention: Message(.rfmNeedAttention)
        case .aboutToSleep: Message(.rfmAboutToSleep)
        case .atRisk: Message(.rfmAtRisk)
        case .cantLose: Message(.rfmCantLose)
        case .hibernating: Message(.rfmHibernating)
        case .lost: Message(.rfmLost)
        }
    }
}
