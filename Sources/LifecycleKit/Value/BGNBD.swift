import Foundation

/// One buyer's purchase history as the models see it, in any time unit (clc uses days):
/// `frequency` x (repeat purchases), `recency` t_x (first to last purchase) and `age` T (first
/// purchase to the end of the observation).
public struct PurchaseHistory: Hashable, Sendable {
    public var frequency: Double
    public var recency: Double
    public var age: Double

    public init(frequency: Double, recency: Double, age: Double) {
        self.frequency = frequency
        self.recency = recency
        self.age = age
    }
}

/// Histories with how many buyers share each: the models are fitted on the distinct
/// (x, t_x, T), weighted, which makes a million buyers a few thousand terms.
public struct WeightedHistories: Sendable {
    public private(set) var histories: [PurchaseHistory] = []
    public private(set) var weights: [Double] = []
    /// Where each history is; nil until needed when made by `init(days:)`.
    private var index: [PurchaseHistory: Int]? = [:]

    public init() {}

    public init(_ histories: some Sequence<PurchaseHistory>) {
        for h in histories { add(h) }
    }

    /// The buyers' histories in whole days, in the order they first appear (as `init(_:)`
    /// gives them), looked up by one integer per history: x, t_x and T of 21 bits each.
    public init(days buyers: [PurchaseSummary]) {
        let limit = 1 << 21
        guard buyers.allSatisfy({ $0.frequency >= 0 && $0.frequency < limit && $0.recencyDays >= 0
                && $0.recencyDays < limit && $0.ageDays >= 0 && $0.ageDays < limit }) else {
            self.init(buyers.lazy.map(\.history))
            return
        }
        self.init()
        var keys: [UInt64: Int] = [:]
        for b in buyers {
            let key = UInt64(b.frequency) << 42 | UInt64(b.recencyDays) << 21 | UInt64(b.ageDays)
            if let i = keys[key] {
                weights[i] += 1
            } else {
                keys[key] = histories.count
                histories.append(b.history)
                weights.append(1)
            }
        }
        index = nil
    }

    public mutating func add(_ h: PurchaseHistory, weight: Double = 1) {
        if index == nil { index = Dictionary(uniqueKeysWithValues: histories.enumerated().map { ($1, $0) }) }
        if let i = index?[h] {
            weights[i] += weight
        } else {
            index?[h] = histories.count
            histories.append(h)
            weights.append(weight)
        }
    }

    public var total: Double { weights.reduce(0, +) }
}

/// The BG/NBD model (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way"):
/// while alive a buyer purchases at a Poisson rate λ ~ Gamma(r, α); after each purchase they
/// drop out with probability p ~ Beta(a, b).
public struct BGNBD: Hashable, Sendable, Codable {
    public var r: Double
    public var alpha: Double
    public var a: Double
    public var b: Double

    public init(r: Double, alpha: Double, a: Double, b: Double) {
        self.r = r
        self.alpha = alpha
        self.a = a
        self.b = b
    }

    /// ln L(r, α, a, b | x, t_x, T) of one buyer (section 7 of the paper).
    public func logLikelihood(_ h: PurchaseHistory) -> Double {
        let x = h.frequency
        let a1 = lgamma(r + x) - lgamma(r) + r * log(alpha)
        let a2 = lgamma(a + b) + lgamma(b + x) - lgamma(b) - lgamma(a + b + x)
        let a3 = -(r + x) * log(alpha + h.age)
        let a4 = x > 0 ? log(a) - log(b + x - 1) - (r + x) * log(alpha + h.recency) : -Double.infinity
        return a1 + a2 + SpecialFunctions.logAddExp(a3, a4)
    }

    /// The sum of the buyers' log-likelihoods.
    public func logLikelihood(_ data: WeightedHistories) -> Double {
        zip(data.histories, data.weights).reduce(0) { $0 + $1.1 * logLikelihood($1.0) }
    }

    /// P(alive | x, t_x, T): 1 for a buyer who never repeated.
    public func probabilityAlive(_ h: PurchaseHistory) -> Double {
        guard h.frequency > 0 else { return 1 }
        let logRatio = (r + h.frequency) * log((alpha + h.age) / (alpha + h.recency)) + log(a / (b + h.frequency - 1))
        return 1 / (1 + exp(logRatio))
    }

    /// E[purchases in (T, T + t] | x, t_x, T] (equation 10 of the paper).
    public func expectedPurchases(within t: Double, _ h: PurchaseHistory) -> Double {
        guard t > 0 else { return 0 }
        let x = h.frequency
        let c = a + b + x - 1
        let z = t / (alpha + h.age + t)
        guard let logHyp = SpecialFunctions.logHypergeometric2F1Euler(r + x, b + x, c, z) else { return .nan }
        let first = (a + b + x - 1) / (a - 1)
        let second = -expm1(logHyp + (r + x) * log((alpha + h.age) / (alpha + h.age + t)))
        let alive = x > 0 ? a / (b + x - 1) * pow((alpha + h.age) / (alpha + h.recency), r + x) : 0
        return first * second / (1 + alive)
    }

    /// The maximum-likelihood fit, with standard errors; nil when there is nothing to fit.
    /// Over `sampleAbove` distinct histories the simplex runs on a sample (`FitSample`) and
    /// only the Newton polish on all of them.
    public static func fit(_ data: WeightedHistories, start: BGNBD? = nil, sampleAbove: Int = FitSample.limit) -> ModelFit<BGNBD>? {
        guard data.total > 0 else { return nil }
        let likelihood = BGNBDLikelihood(data)
        @Sendable func model(_ u: [Double]) -> BGNBD { BGNBD(r: exp(u[0]), alpha: exp(u[1]), a: exp(u[2]), b: exp(u[3])) }
        func negative(_ likelihood: BGNBDLikelihood) -> @Sendable ([Double]) -> Double {
            { u in
                let ll = likelihood.value(model(u))
                return ll.isFinite ? -ll : .infinity
            }
        }
        // A start scaled to the data's time unit: α near the mean age.
        let meanAge = zip(data.histories, data.weights).reduce(0) { $0 + $1.0.age * $1.1 } / data.total
        let initial = start.map { [log($0.r), log($0.alpha), log($0.a), log($0.b)] } ?? [log(0.5), log(max(meanAge, 1e-3) / 4), log(0.5), log(2)]
        let minimizer = Minimizer(function: negative(likelihood)) { u in
            let d = likelihood.derivatives(model(u)).negated.inLogs(at: u.map(exp))
            return d.isFinite ? d : nil
        }
        let result: Minimizer.Result
        if let sample = FitSample.of(data.weights, limit: sampleAbove) {
            var sampled = WeightedHistories()
            for (i, w) in sample { sampled.add(data.histories[i], weight: w) }
            result = minimizer.minimize(from: initial, approximation: negative(BGNBDLikelihood(sampled)))
        } else {
            result = minimizer.minimize(from: initial)
        }
        return ModelFit(model: model(result.point), result)
    }
}

/// A fitted model: its parameters, the log-likelihood at them, standard errors (from the
/// inverse of the observed information, in the order of the parameters; nil when it is
/// singular) and whether the minimisation converged.
public struct ModelFit<Model: Hashable & Sendable & Codable>: Hashable, Sendable, Codable {
    public var model: Model
    public var logLikelihood: Double
    public var standardErrors: [Double]?
    public var converged: Bool

    init(model: Model, _ result: Minimizer.Result) {
        let p = result.point.map(exp)
        self.init(model: model, logLikelihood: -result.value,
                  standardErrors: Self.standardErrors(result.derivatives.map { $0.fromLogs(at: p).hessian }),
                  converged: result.converged)
    }

    public init(model: Model, logLikelihood: Double, standardErrors: [Double]?, converged: Bool) {
        (self.model, self.logLikelihood, self.standardErrors, self.converged) = (model, logLikelihood, standardErrors, converged)
    }

    /// The square roots of the diagonal of the inverse of `hessian` (of the negative
    /// log-likelihood in the model's parameters); nil when it is singular or not positive.
    static func standardErrors(_ hessian: [[Double]]?) -> [Double]? {
        guard let hessian, let inverse = Minimizer.inverse(hessian) else { return nil }
        let errors = inverse.indices.map { inverse[$0][$0] >= 0 ? sqrt(inverse[$0][$0]) : .nan }
        return errors.allSatisfy(\.isFinite) ? errors : nil
    }
}
