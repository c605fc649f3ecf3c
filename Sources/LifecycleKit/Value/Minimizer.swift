import Foundation

/// Unconstrained minimisation of a smooth function of a few variables (the models' negative
/// log-likelihoods over log-parameters): Nelder–Mead from a start, restarted from its result
/// until it stops improving, then Newton steps on the function's own gradient and Hessian
/// (`derivatives`, one pass over the data each) to the optimum's precision. Deterministic.
struct Minimizer {
    var function: @Sendable ([Double]) -> Double
    /// The function's value, gradient and Hessian at a point; nil where they are not finite.
    var derivatives: @Sendable ([Double]) -> Derivatives?
    /// Stop when a full restart improves the value by less than this.
    var tolerance = 1e-10
    var maxEvaluations = 40_000

    struct Result {
        var point: [Double]
        var value: Double
        var converged: Bool
        /// The derivatives at `point` (nil when they are not finite there).
        var derivatives: Derivatives?
    }

    func minimize(from start: [Double]) -> Result {
        let (coarse, converged) = nelderMeadRestarts(function, from: start)
        return polish(coarse, converged: converged)
    }

    /// Minimises `approximation` (a cheap stand-in for `function`, e.g. its sum over a sample of
    /// the terms) with Nelder–Mead, then polishes on `function` with Newton steps: one pass over
    /// every term per step instead of hundreds for the simplex.
    func minimize(from start: [Double], approximation: @escaping @Sendable ([Double]) -> Double) -> Result {
        let (near, converged) = nelderMeadRestarts(approximation, from: start)
        return polish((near.point, .nan), converged: converged)
    }

    /// Nelder–Mead from `start`, restarted from its result until a restart stops improving.
    private func nelderMeadRestarts(_ f: @Sendable ([Double]) -> Double, from start: [Double])
        -> (best: (point: [Double], value: Double), converged: Bool) {
        var best = (point: start, value: Self.safe(f, start))
        var evaluations = 0
        for _ in 0..<50 {
            let next = Self.nelderMead(f, from: best.point, step: 0.5, evaluations: &evaluations)
            let improved = best.value - next.value
            if next.value < best.value { best = next }
            if improved.isFinite, improved < tolerance { return (best, true) }
            if evaluations > maxEvaluations { break }
        }
        return (best, false)
    }

    private static func safe(_ f: @Sendable ([Double]) -> Double, _ x: [Double]) -> Double {
        let v = f(x)
        return v.isNaN ? .infinity : v
    }

    private static func nelderMead(_ f: @Sendable ([Double]) -> Double, from start: [Double], step: Double,
                                   evaluations: inout Int) -> (point: [Double], value: Double) {
        func safe(_ x: [Double]) -> Double { Self.safe(f, x) }
        let n = start.count
        var simplex = [start]
        for i in 0..<n {
            var p = start
            p[i] += step
            simplex.append(p)
        }
        var values = simplex.map(safe)
        evaluations += n + 1
        for _ in 0..<(2_000 * n) {
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            if abs(values[n] - values[0]) <= 1e-13 * (abs(values[0]) + 1e-13) { break }
            let centroid = (0..<n).map { j in simplex[0..<n].reduce(0) { $0 + $1[j] } / Double(n) }
            func along(_ t: Double) -> [Double] { (0..<n).map { centroid[$0] + t * (simplex[n][$0] - centroid[$0]) } }
            let reflected = along(-1), fr = safe(reflected)
            evaluations += 1
            if fr < values[0] {
                let expanded = along(-2), fe = safe(expanded)
                evaluations += 1
                (simplex[n], values[n]) = fe < fr ? (expanded, fe) : (reflected, fr)
            } else if fr < values[n - 1] {
                (simplex[n], values[n]) = (reflected, fr)
            } else {
                let contracted = fr < values[n] ? along(-0.5) : along(0.5)
                let fc = safe(contracted)
                evaluations += 1
                if fc < min(fr, values[n]) {
                    (simplex[n], values[n]) = (contracted, fc)
                } else {
                    for i in 1...n {
                        simplex[i] = (0..<n).map { simplex[0][$0] + 0.5 * (simplex[i][$0] - simplex[0][$0]) }
                        values[i] = safe(simplex[i])
                    }
                    evaluations += n
                }
            }
        }
        let i = values.indices.min { values[$0] < values[$1] }!
        return (simplex[i], values[i])
    }

    /// Newton steps from `start` on the analytic gradient and Hessian, kept only while they
    /// lower the value (a step that does not is halved, up to 5 times, unless it is already
    /// below 1e-3 in every coordinate: then it is rounding); done once a step moves every
    /// coordinate by less than 1e-6 (quadratic convergence: the optimum is then within about
    /// 1e-12). Each step is one `derivatives` pass, which gives the next step too, and the
    /// Hessian at the end (standard errors).
    private func polish(_ start: (point: [Double], value: Double), converged: Bool) -> Result {
        guard var here = derivatives(start.point), here.isFinite else {
            let value = start.value.isNaN ? Self.safe(function, start.point) : start.value
            return Result(point: start.point, value: value, converged: converged && value.isFinite, derivatives: nil)
        }
        var point = start.point
        for _ in 0..<20 {
            guard var step = Self.solve(here.hessian, here.gradient) else { break }
            var accepted: (candidate: [Double], next: Derivatives)?
            for _ in 0...5 {
                let candidate = zip(point, step).map { $0 - $1 }
                if let next = derivatives(candidate), next.isFinite, next.value < here.value {
                    accepted = (candidate, next)
                    break
                }
                if step.allSatisfy({ abs($0) < 1e-3 }) { break }
                step = step.map { $0 / 2 }
            }
            guard let accepted else { break }
            (point, here) = accepted
            if step.allSatisfy({ abs($0) < 1e-6 }) { break }
        }
        return Result(point: point, value: here.value, converged: converged, derivatives: here)
    }

    /// Solves `a · x = b` by Gaussian elimination with partial pivoting; nil when singular.
    static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        let n = b.count
        var m = a
        var v = b
        for col in 0..<n {
            guard let pivot = (col..<n).max(by: { abs(m[$0][col]) < abs(m[$1][col]) }), abs(m[pivot][col]) > 1e-300 else { return nil }
            m.swapAt(col, pivot)
            v.swapAt(col, pivot)
            for row in (col + 1)..<n {
                let factor = m[row][col] / m[col][col]
                for k in col..<n { m[row][k] -= factor * m[col][k] }
                v[row] -= factor * v[col]
            }
        }
        var x = Array(repeating: 0.0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            let rest = ((row + 1)..<n).reduce(0) { $0 + m[row][$1] * x[$1] }
            x[row] = (v[row] - rest) / m[row][row]
        }
        return x.allSatisfy(\.isFinite) ? x : nil
    }

    /// The inverse of a symmetric positive-definite matrix (column by column); nil when singular.
    static func inverse(_ a: [[Double]]) -> [[Double]]? {
        let n = a.count
        var columns: [[Double]] = []
        for i in 0..<n {
            var e = Array(repeating: 0.0, count: n)
            e[i] = 1
            guard let c = solve(a, e) else { return nil }
            columns.append(c)
        }
        return (0..<n).map { i in (0..<n).map { j in columns[j][i] } }
    }
}
