import Foundation

/// The BG/NBD log-likelihood of weighted histories arranged for the many evaluations of a
/// fit: Γ terms once per distinct x, ln(α + t) once per distinct age or recency. Each history
/// then costs a few additions and one `logAddExp`; the result has the very bits of
/// `BGNBD.logLikelihood(_:)` (same operations, same order), so a fit ends where it did.
struct BGNBDLikelihood {
    let xs: [Double]
    let times: [Double]
    private(set) var group: [Int32] = [], age: [Int32] = [], recency: [Int32] = []
    let weights: [Double]
    /// The total weight of each distinct x (its histories' share of the Γ terms' derivatives).
    private(set) var groupWeights: [Double] = []

    init(_ data: WeightedHistories) {
        var xIndex: [Double: Int32] = [:], tIndex: [Double: Int32] = [:]
        var xs: [Double] = [], times: [Double] = []
        func index(_ t: Double, _ values: inout [Double], _ known: inout [Double: Int32]) -> Int32 {
            if let i = known[t] { return i }
            known[t] = Int32(values.count)
            values.append(t)
            return Int32(values.count - 1)
        }
        for h in data.histories {
            group.append(index(h.frequency, &xs, &xIndex))
            age.append(index(h.age, &times, &tIndex))
            recency.append(index(h.recency, &times, &tIndex))
        }
        (self.xs, self.times, weights) = (xs, times, data.weights)
        groupWeights = Array(repeating: 0, count: xs.count)
        for (g, w) in zip(group, weights) { groupWeights[Int(g)] += w }
    }

    /// What the sum needs of `m` once per distinct time or x: ln(α + t), A1 and A2 of each x
    /// (its Γ terms) and ln a − ln(b + x − 1).
    func terms(_ m: BGNBD) -> (logs: [Double], a1: [Double], a2: [Double], dropout: [Double]) {
        let (r, alpha, a, b) = (m.r, m.alpha, m.a, m.b)
        let logs = times.map { log(alpha + $0) }
        let lgR: Double = lgamma(r), rLogAlpha: Double = r * log(alpha)
        let lgAB: Double = lgamma(a + b), lgB: Double = lgamma(b), logA: Double = log(a)
        let a1: [Double] = xs.map { x in lgamma(r + x) - lgR + rLogAlpha }
        let a2: [Double] = xs.map { x in lgAB + lgamma(b + x) - lgB - lgamma(a + b + x) }
        let dropout = xs.map { x in x > 0 ? logA - log(b + x - 1) : 0 }
        return (logs, a1, a2, dropout)
    }

    /// ln L(m) summed over the histories.
    func value(_ m: BGNBD) -> Double {
        let r = m.r
        let (logs, a1, a2, dropout) = terms(m)
        return LikelihoodSum.of(weights.count) { range in
            var sum = 0.0
            for i in range {
                let g = Int(group[i]), x = xs[g]
                let a3 = -(r + x) * logs[Int(age[i])]
                let a4 = x > 0 ? dropout[g] - (r + x) * logs[Int(recency[i])] : -Double.infinity
                sum = sum + weights[i] * (a1[g] + a2[g] + SpecialFunctions.logAddExp(a3, a4))
            }
            return sum
        }
    }
}

/// The Gamma-Gamma log-likelihood of weighted (x, m) arranged for a fit: Γ terms once per
/// distinct x, ln m once per buyer; the bits of `GammaGamma.logLikelihood(frequency:monetary:)`
/// summed in the buyers' order.
struct GammaGammaLikelihood {
    let xs: [Double]
    private(set) var group: [Int32] = [], amounts: [Double] = [], logAmounts: [Double] = [], weights: [Double] = []
    /// The total weight of each distinct x.
    private(set) var groupWeights: [Double] = []

    init(_ buyers: [(frequency: Double, monetary: Double, weight: Double)]) {
        var xIndex: [Double: Int32] = [:]
        var xs: [Double] = []
        for b in buyers {
            if let i = xIndex[b.frequency] { group.append(i) } else {
                xIndex[b.frequency] = Int32(xs.count)
                group.append(Int32(xs.count))
                xs.append(b.frequency)
            }
            amounts.append(b.monetary)
            logAmounts.append(log(b.monetary))
            weights.append(b.weight)
        }
        self.xs = xs
        groupWeights = Array(repeating: 0, count: xs.count)
        for (g, w) in zip(group, weights) { groupWeights[Int(g)] += w }
    }

    /// What the sum needs of `m` once per distinct x: px, the Γ terms with q ln v, px ln x.
    func terms(_ m: GammaGamma) -> (px: [Double], gammas: [Double], pxLogX: [Double]) {
        let (p, q, v) = (m.p, m.q, m.v)
        let lgQ: Double = lgamma(q), qLogV: Double = q * log(v)
        let px: [Double] = xs.map { p * $0 }
        let gammas: [Double] = px.map { lgamma($0 + q) - lgamma($0) - lgQ + qLogV }
        let pxLogX: [Double] = zip(xs, px).map { x, px in px * log(x) }
        return (px, gammas, pxLogX)
    }

    /// ln L(m) summed over the buyers.
    func value(_ m: GammaGamma) -> Double {
        let (q, v) = (m.q, m.v)
        let (px, gammas, pxLogX) = terms(m)
        return LikelihoodSum.of(weights.count) { range in
            var sum = 0.0
            for i in range {
                let g = Int(group[i]), x = xs[g], pxg = px[g]
                let spend: Double = (pxg - 1) * logAmounts[i]
                let ll: Double = gammas[g] + spend + pxLogX[g] - (pxg + q) * log(x * amounts[i] + v)
                sum = sum + weights[i] * ll
            }
            return sum
        }
    }
}

/// A likelihood's sum over its terms: in order on the calling thread for up to `parallelFrom`
/// terms (the same bits as a plain loop), else in two halves on two threads added at the
/// end (deterministic too, a fit of a million buyers takes half the time on two cores).
enum LikelihoodSum {
    static let parallelFrom = 20_000

    static func of(_ count: Int, _ part: @Sendable (Range<Int>) -> Double) -> Double {
        guard count >= parallelFrom else { return part(0..<count) }
        let half = count / 2
        let sums = Protected([0.0, 0.0])
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            let value = part(k == 0 ? 0..<half : half..<count)
            sums.withLock { $0[k] = value }
        }
        return sums.withLock { $0[0] + $0[1] }
    }

    /// Several sums over the same terms at once (a value with its derivatives), split as `of`
    /// splits: each part returns one number per sum, the halves are added number by number.
    static func ofSeveral(_ count: Int, _ part: @Sendable (Range<Int>) -> [Double]) -> [Double] {
        guard count >= parallelFrom else { return part(0..<count) }
        let half = count / 2
        let sums = Protected([[Double]](repeating: [], count: 2))
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            let value = part(k == 0 ? 0..<half : half..<count)
            sums.withLock { $0[k] = value }
        }
        return sums.withLock { zip($0[0], $0[1]).map { $0 + $1 } }
    }
}
