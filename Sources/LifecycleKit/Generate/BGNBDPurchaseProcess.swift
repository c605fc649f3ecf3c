import Foundation

/// How `clc generate` makes purchases.
public enum GeneratedPurchases: Hashable, Sendable {
    /// Orders tied to the journey (the default): the first order at the
    /// conversion, repeat orders while in retention or loyalty, a win-back order.
    case journey
    /// Every customer who converts buys first at the conversion, then repeats by a BG/NBD
    /// process with Gamma-Gamma amounts (`BGNBDPurchaseProcess`): data the value models fit.
    case bgnbd(BGNBDPurchaseProcess)
}

/// Purchases drawn the way BG/NBD and Gamma-Gamma assume they arise (time unit one day): a
/// buyer's rate λ ~ Gamma(r, α) and dropout probability p ~ Beta(a, b); from the first
/// purchase on, repeat purchases come at Poisson rate λ, and after each the buyer drops out
/// with probability p. Each purchase's amount is Gamma(p, ν) with ν ~ Gamma(q, γ) per buyer.
public struct BGNBDPurchaseProcess: Hashable, Sendable {
    public var model: BGNBD
    public var spend: GammaGamma

    public init(model: BGNBD, spend: GammaGamma) {
        self.model = model
        self.spend = spend
    }

    /// CDNOW's published estimates (Fader, Hardie & Lee 2005) with α in days (4.414 weeks ×
    /// 7): r = 0.243, α = 30.898, a = 0.793, b = 2.426; Gamma-Gamma p = 6.25, q = 3.74,
    /// γ = 15.44 (a mean amount of 35.22).
    public static let cdnowDays = BGNBDPurchaseProcess(model: BGNBD(r: 0.243, alpha: 4.414 * 7, a: 0.793, b: 2.426),
                                                       spend: GammaGamma(p: 6.25, q: 3.74, v: 15.44))

    /// At most this many repeat purchases per buyer (a guard against an extreme λ).
    static let maxRepeats = 5_000

    /// The purchases (seconds since 1970, amount) of a buyer whose first purchase is at
    /// `first`, up to `end`; the first purchase is included.
    func purchases(first: Int64, end: Int64, _ random: inout GeneratorRandom,
                   into out: inout [(at: Int64, amount: Double)]) {
        out.removeAll(keepingCapacity: true)
        let lambda = random.gamma(shape: model.r) / model.alpha
        let x = random.gamma(shape: model.a), y = random.gamma(shape: model.b)
        let dropout = x / (x + y)
        let nu = random.gamma(shape: spend.q) / spend.v
        func amount(_ random: inout GeneratorRandom) -> Double {
            max(0.01, (random.gamma(shape: spend.p) / nu * 100).rounded() / 100)
        }
        out.append((first, amount(&random)))
        guard lambda > 0 else { return }
        var t = Double(first)
        while out.count <= Self.maxRepeats {
            t += -log(1 - random.unit()) / lambda * 86_400
            guard t <= Double(end) else { return }
            out.append((Int64(t), amount(&random)))
            if random.unit() < dropout { return }
        }
    }
}

extension GeneratorRandom {
    /// A standard normal draw (Box–Muller).
    mutating func normal() -> Double {
        let u = 1 - unit(), v = unit()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }

    /// A Gamma(shape, 1) draw (Marsaglia & Tsang 2000; shape < 1 boosted by U^(1/shape)).
    mutating func gamma(shape: Double) -> Double {
        guard shape > 0 else { return 0 }
        if shape < 1 { return gamma(shape: shape + 1) * pow(1 - unit(), 1 / shape) }
        let d = shape - 1.0 / 3, c = 1 / (9 * d).squareRoot()
        while true {
            let x = normal()
            let v0 = 1 + c * x
            guard v0 > 0 else { continue }
            let v = v0 * v0 * v0
            let u = 1 - unit()
            if log(u) < 0.5 * x * x + d - d * v + d * log(v) { return d * v }
        }
    }
}
