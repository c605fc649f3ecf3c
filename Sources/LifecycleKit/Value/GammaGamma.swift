import Foundation

/// The Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV: Using Iso-Value
/// Curves"; Fader & Hardie 2013): a buyer's purchase amounts are Gamma(p, ν) with ν ~
/// Gamma(q, γ) across buyers (`v` is γ). Fitted on buyers with repeat purchases and a
/// positive mean repeat amount.
public struct GammaGamma: Hashable, Sendable, Codable {
    public var p: Double
    public var q: Double
    public var v: Double

    public init(p: Double, q: Double, v: Double) {
        self.p = p
        self.q = q
        self.v = v
    }

    /// ln L of one buyer with `frequency` x > 0 repeat purchases of mean amount `monetary` m > 0.
    public func logLikelihood(frequency x: Double, monetary m: Double) -> Double {
        let px = p * x
        return lgamma(px + q) - lgamma(px) - lgamma(q) + q * log(v) + (px - 1) * log(m) + px * log(x) - (px + q) * log(x * m + v)
    }

    /// The population mean amount, E[Z] = p γ / (q − 1) (infinite when q ≤ 1).
    public var populationMean: Double { q > 1 ? p * v / (q - 1) : .infinity }

    /// E[Z | x, m]: the buyer's expected average amount, a weighted mean of the population
    /// mean and their own; the population mean for x = 0.
    public func expectedAverageAmount(frequency x: Double, monetary m: Double) -> Double {
        let weight = p * x / (p * x + q - 1)
        return (1 - weight) * populationMean + weight * m
    }

    /// The maximum-likelihood fit on the (x, m) with x > 0 and m > 0; nil when there are none.
    /// Over `sampleAbove` buyers the simplex runs on a sample (`FitSample`) and only the Newton
    /// polish on all of them.
    public static func fit(_ buyers: [(frequency: Double, monetary: Double, weight: Double)],
                           sampleAbove: Int = FitSample.limit) -> ModelFit<GammaGamma>? {
        let data = buyers.filter { $0.frequency > 0 && $0.monetary > 0 && $0.weight > 0 }
        guard !data.isEmpty else { return nil }
        let likelihood = GammaGammaLikelihood(data)
        @Sendable func model(_ u: [Double]) -> GammaGamma { GammaGamma(p: exp(u[0]), q: exp(u[1]), v: exp(u[2])) }
        func negative(_ likelihood: GammaGammaLikelihood) -> @Sendable ([Double]) -> Double {
            { u in
                let value = likelihood.value(model(u))
                return value.isFinite ? -value : .infinity
            }
        }
        let meanAmount = data.reduce(0) { $0 + $1.monetary * $1.weight } / data.reduce(0) { $0 + $1.weight }
        let start = [log(2), log(3), log(max(meanAmount, 1e-6))]
        let minimizer = Minimizer(function: negative(likelihood)) { u in
            let d = likelihood.derivatives(model(u)).negated.inLogs(at: u.map(exp))
            return d.isFinite ? d : nil
        }
        let result: Minimizer.Result
        if let sample = FitSample.of(data.map(\.weight), limit: sampleAbove) {
            let sampled = sample.map { (data[$0.index].frequency, data[$0.index].monetary, $0.weight) }
            result = minimizer.minimize(from: start, approximation: negative(GammaGammaLikelihood(sampled)))
        } else {
            result = minimizer.minimize(from: start)
        }
        return ModelFit(model: model(result.point), result)
    }
}
