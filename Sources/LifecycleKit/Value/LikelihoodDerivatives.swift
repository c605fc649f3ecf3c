import Foundation

/// A function's value, gradient and Hessian at a point: what a Newton step needs.
struct Derivatives: Sendable {
    var value: Double
    var gradient: [Double]
    var hessian: [[Double]]

    /// From sums laid out as value, gradient, then the Hessian's upper triangle row by row.
    init(packed s: [Double], count n: Int) {
        value = s[0]
        gradient = Array(s[1...n])
        hessian = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        var k = n + 1
        for i in 0..<n {
            for j in i..<n {
                hessian[i][j] = s[k]
                hessian[j][i] = s[k]
                k += 1
            }
        }
    }

    init(value: Double, gradient: [Double], hessian: [[Double]]) {
        (self.value, self.gradient, self.hessian) = (value, gradient, hessian)
    }

    var isFinite: Bool { value.isFinite && gradient.allSatisfy(\.isFinite) && hessian.joined().allSatisfy(\.isFinite) }

    /// The derivatives of −f.
    var negated: Derivatives {
        Derivatives(value: -value, gradient: gradient.map { -$0 }, hessian: hessian.map { $0.map { -$0 } })
    }

    /// The same function of u = ln p (the fits search over the logs of positive parameters p):
    /// ∂f/∂u_i = p_i ∂f/∂p_i and ∂²f/∂u_i∂u_j = p_i p_j ∂²f/∂p_i∂p_j + [i = j] p_i ∂f/∂p_i.
    func inLogs(at p: [Double]) -> Derivatives {
        let g = zip(p, gradient).map { $0 * $1 }
        let h = p.indices.map { i in p.indices.map { j in p[i] * p[j] * hessian[i][j] + (i == j ? g[i] : 0) } }
        return Derivatives(value: value, gradient: g, hessian: h)
    }

    /// Back from u = ln p to p: the inverse of `inLogs(at:)`.
    func fromLogs(at p: [Double]) -> Derivatives {
        let h = p.indices.map { i in p.indices.map { j in (hessian[i][j] - (i == j ? gradient[i] : 0)) / (p[i] * p[j]) } }
        return Derivatives(value: value, gradient: zip(gradient, p).map { $0 / $1 }, hessian: h)
    }
}

extension BGNBDLikelihood {
    /// ln L(m), its gradient and Hessian in (r, α, a, b), in one pass over the histories (the
    /// value has the bits of `value(_:)`). Per history ln L = A1 + A2 + ln(e^A3 + e^A4); with
    /// s = e^A4 / (e^A3 + e^A4) and d = ∇A4 − ∇A3 the log-sum's gradient is ∇A3 + s·d and its
    /// Hessian ∇²A3 + s·(∇²A4 − ∇²A3) + s(1 − s)·d dᵀ. A1 and A2 depend on x alone: their
    /// digamma and trigamma terms are added once per distinct x, times its weight.
    func derivatives(_ m: BGNBD) -> Derivatives {
        let (logs, a1, a2, dropout) = terms(m)
        let inverses = times.map { 1 / (m.alpha + $0) }
        let c = xs.map { x in x > 0 ? 1 / (m.b + x - 1) : 0 }
        var s = LikelihoodSum.ofSeveral(weights.count) { range in
            historySums(range, m.r, logs, inverses, a1, a2, dropout, c)
        }
        let (a, b) = (m.a, m.b)
        // The sums of the shares kept 1/a and −1/(b + x − 1) apart (constant over a history).
        s[3] /= a; s[7] /= a; s[10] /= a; s[12] /= -(a * a); s[13] /= -a
        addGroupTerms(&s, m)
        return Derivatives(packed: s, count: 4)
    }

    /// The log-sum's part of the sums over `range`, packed as `Derivatives(packed:count:)`.
    private func historySums(_ range: Range<Int>, _ r: Double, _ logs: [Double], _ inverses: [Double],
                             _ a1: [Double], _ a2: [Double], _ dropout: [Double], _ c: [Double]) -> [Double] {
        var value = 0.0, gr = 0.0, gAlpha = 0.0, ga = 0.0, gb = 0.0
        var hrr = 0.0, hrAlpha = 0.0, hra = 0.0, hrb = 0.0, hAlphaAlpha = 0.0, hAlphaA = 0.0, hAlphaB = 0.0
        var haa = 0.0, hab = 0.0, hbb = 0.0
        for i in range {
            let g = Int(group[i]), x = xs[g], w = weights[i], k = r + x
            let lT = logs[Int(age[i])], iT = inverses[Int(age[i])]
            let a3 = -k * lT
            guard x > 0 else {
                value = value + w * (a1[g] + a2[g] + a3)
                gr -= w * lT; gAlpha -= w * k * iT; hrAlpha -= w * iT; hAlphaAlpha += w * k * iT * iT
                continue
            }
            let lt = logs[Int(recency[i])], it = inverses[Int(recency[i])]
            let (lse, share) = SpecialFunctions.logAddExpAndShare(a3, dropout[g] - k * lt)
            value = value + w * (a1[g] + a2[g] + lse)
            let d0 = lT - lt, d1 = k * (iT - it), v = w * share * (1 - share), cg = c[g]
            gr += w * (share * d0 - lT)
            gAlpha += w * (share * d1 - k * iT)
            ga += w * share
            gb -= w * share * cg
            hrr += v * d0 * d0
            hrAlpha += w * (share * (iT - it) - iT) + v * d0 * d1
            hra += v * d0
            hrb -= v * d0 * cg
            hAlphaAlpha += w * k * (iT * iT + share * (it * it - iT * iT)) + v * d1 * d1
            hAlphaA += v * d1
            hAlphaB -= v * d1 * cg
            haa += w * share * share
            hab += v * cg
            hbb += w * cg * cg * share * (2 - share)
        }
        return [value, gr, gAlpha, ga, gb, hrr, hrAlpha, hra, hrb, hAlphaAlpha, hAlphaA, hAlphaB, haa, hab, hbb]
    }

    /// Adds A1's and A2's derivatives, once per distinct x times its weight:
    /// A1 = ln Γ(r + x) − ln Γ(r) + r ln α, A2 = ln Γ(a + b) + ln Γ(b + x) − ln Γ(b) − ln Γ(a + b + x).
    private func addGroupTerms(_ s: inout [Double], _ m: BGNBD) {
        let (r, alpha, a, b) = (m.r, m.alpha, m.a, m.b)
        let psiR = SpecialFunctions.digamma(r), psiAB = SpecialFunctions.digamma(a + b), psiB = SpecialFunctions.digamma(b)
        let triR = SpecialFunctions.trigamma(r), triAB = SpecialFunctions.trigamma(a + b), triB = SpecialFunctions.trigamma(b)
        let logAlpha = log(alpha)
        for (x, w) in zip(xs, groupWeights) {
            let psiABX = SpecialFunctions.digamma(a + b + x), triABX = SpecialFunctions.trigamma(a + b + x)
            s[1] += w * (SpecialFunctions.digamma(r + x) - psiR + logAlpha)
            s[2] += w * r / alpha
            s[3] += w * (psiAB - psiABX)
            s[4] += w * (psiAB + SpecialFunctions.digamma(b + x) - psiB - psiABX)
            s[5] += w * (SpecialFunctions.trigamma(r + x) - triR)
            s[6] += w / alpha
            s[9] -= w * r / (alpha * alpha)
            s[12] += w * (triAB - triABX)
            s[13] += w * (triAB - triABX)
            s[14] += w * (triAB + SpecialFunctions.trigamma(b + x) - triB - triABX)
        }
    }
}

extension GammaGammaLikelihood {
    /// ln L(m), its gradient and Hessian in (p, q, v), in one pass over the buyers (the value
    /// has the bits of `value(_:)`). Per buyer with s = x·m + v: ∂/∂p = x(ψ(px + q) − ψ(px) +
    /// ln m + ln x − ln s), ∂/∂q = ψ(px + q) − ψ(q) + ln v − ln s, ∂/∂v = q/v − (px + q)/s;
    /// the digamma and trigamma terms once per distinct x.
    func derivatives(_ m: GammaGamma) -> Derivatives {
        let (p, q, v) = (m.p, m.q, m.v)
        let (px, gammas, pxLogX) = terms(m)
        var s = LikelihoodSum.ofSeveral(weights.count) { range in
            var value = 0.0, gp = 0.0, gq = 0.0, gv = 0.0, hpv = 0.0, hqv = 0.0, hvv = 0.0
            for i in range {
                let g = Int(group[i]), x = xs[g], pxg = px[g], w = weights[i]
                let spend: Double = (pxg - 1) * logAmounts[i]
                let logS = log(x * amounts[i] + v), inverse = 1 / (x * amounts[i] + v)
                let ll: Double = gammas[g] + spend + pxLogX[g] - (pxg + q) * logS
                value = value + w * ll
                gp += w * x * (logAmounts[i] - logS)
                gq -= w * logS
                gv -= w * (pxg + q) * inverse
                hpv -= w * x * inverse
                hqv -= w * inverse
                hvv += w * (pxg + q) * inverse * inverse
            }
            return [value, gp, gq, gv, 0, 0, hpv, 0, hqv, hvv]
        }
        let psiQ = SpecialFunctions.digamma(q), triQ = SpecialFunctions.trigamma(q), logV = log(v)
        for (g, w) in groupWeights.enumerated() {
            let x = xs[g], psiSum = SpecialFunctions.digamma(px[g] + q), triSum = SpecialFunctions.trigamma(px[g] + q)
            s[1] += w * x * (psiSum - SpecialFunctions.digamma(px[g]) + log(x))
            s[2] += w * (psiSum - psiQ + logV)
            s[3] += w * q / v
            s[4] += w * x * x * (triSum - SpecialFunctions.trigamma(px[g]))
            s[5] += w * x * triSum
            s[7] += w * (triSum - triQ)
            s[8] += w / v
            s[9] -= w * q / (v * v)
        }
        return Derivatives(packed: s, count: 3)
    }
}
