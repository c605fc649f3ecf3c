import Foundation

/// Unconstrained minimisation of a smooth function of a few variables (the models' negative
/// log-likelihoods over log-parameters): Nelder–Mead from a start, restarted from its result
/// until it stops improving, then Newton steps on a numerical Hessian to the optimum's
/// precision. Deterministic.
struct Minimizer {
    var function: @Sendable ([Double]) -> Double
    /// Stop when a full restart improves the value by less than this.
    var tolerance = 1e-10
    var maxEvaluations = 40_000

    struct Result {
        var point: [Double]
        var value: Double
        var converged: Bool
    }

    func minimize(from start: [Double]) -> Result {
        let (coarse, converged) = nelderMeadRestarts(from: start)
        let best = polish(coarse)
        return Result(point: best.point, value: best.value, converged: converged && best.value.isFinite)
    }

    /// Minimises `approximation` (a cheap stand-in for `function`, e.g. its sum over a sample of
    /// the terms) with Nelder–Mead, then polishes on `function` with Newton steps: a few full
    /// evaluations per step instead of hundreds for the simplex.
    func minimize(from start: [Double], approximation: @escaping @Sendable ([Double]) -> Double) -> Result {
        let coarse = Minimizer(function: approximation, tolerance: tolerance, maxEvaluations: maxEvaluations)
        let (near, converged) = coarse.nelderMeadRestarts(from: start)
        let best = polish((near.point, safe(near.point)))
        return Result(point: best.point, value: best.value, converged: converged && best.value.isFinite)
    }

    /// Nelder–Mead from `start`, restarted from its result until a restart stops improving.
    private func nelderMeadRestarts(from start: [Double]) -> (best: (point: [Double], value: Double), converged: Bool) {
        var best = (point: start, value: safe(start))
        var evaluations = 0
        for _ in 0..<50 {
            let next = nelderMead(from: best.point, step: 0.5, evaluations: &evaluations)
            let improved = best.value - next.value
            if next.value < best.value { best = next }
            if improved.isFinite, improved < tolerance { return (best, true) }
            if evaluations > maxEvaluations { break }
        }
        return (best, false)
    }

    private func safe(_ x: [Double]) -> Double {
        let v = function(x)
        return v.isNaN ? .infinity : v
    }

    private func nelderMead(from start: [Double], step: Double, evaluations: inout Int) -> (point: [Double], value: Double) {
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

    /// Newton steps with a numerical gradient and Hessian, kept only while they lower the value;
    /// done once a step moves every coordinate by less than 1e-6 (quadratic convergence: the
    /// optimum is then within about 1e-12).
    private func polish(_ start: (point: [Double], value: Double)) -> (point: [Double], value: Double) {
        var best = start
        for _ in 0..<20 {
            guard let d = Self.derivatives(function, at: best.point, value: best.value),
                  let step = Self.solve(d.hessian, d.gradient) else { break }
            let candidate = zip(best.point, step).map { $0 - $1 }
            let value = safe(candidate)
            guard value < best.value else { break }
            best = (candidate, value)
            if step.allSatisfy({ abs($0) < 1e-6 }) { break }
        }
        return best
    }

    /// The matrix of second derivatives by central differences; nil when not finite.
    static func hessian(_ f: @Sendable ([Double]) -> Double, at x: [Double]) -> [[Double]]? {
        derivatives(f, at: x, value: f(x))?.hessian
    }

    /// The gradient and the Hessian by central differences (the gradient from the Hessian's
    /// own points on the axes, so it costs nothing more); nil when not finite. The points are
    /// independent: they are evaluated on two threads at once (`values`).
    static func derivatives(_ f: @Sendable ([Double]) -> Double, at x: [Double], value f0: Double) -> (gradient: [Double], hessian: [[Double]])? {
        let n = x.count
        let steps = x.map { 1e-4 * max(1, abs($0)) }
        var points: [[Double]] = []
        for i in 0..<n {
            for j in i..<n {
                let signs: [(Double, Double)] = i == j ? [(1, 0), (-1, 0)] : [(1, 1), (1, -1), (-1, 1), (-1, -1)]
                for (di, dj) in signs {
                    var p = x
                    p[i] += di * steps[i]
                    p[j] += dj * steps[j]
                    points.append(p)
                }
            }
        }
        let f = values(f, at: points)
        var h = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        var g = Array(repeating: 0.0, count: n)
        var k = 0
        for i in 0..<n {
            for j in i..<n {
                let value: Double
                if i == j {
                    let (up, down) = (f[k], f[k + 1])
                    k += 2
                    g[i] = (up - down) / (2 * steps[i])
                    value = (up - 2 * f0 + down) / (steps[i] * steps[i])
                } else {
                    value = (f[k] - f[k + 1] - f[k + 2] + f[k + 3]) / (4 * steps[i] * steps[j])
                    k += 4
                }
                guard value.isFinite, g[i].isFinite else { return nil }
                h[i][j] = value
                h[j][i] = value
            }
        }
        return (g, h)
    }

    /// `f` at every point, taken by two threads as they come free (each value the very bits
    /// of `f` alone: a likelihood summed in halves adds its halves in the same order).
    static func values(_ f: @Sendable ([Double]) -> Double, at points: [[Double]]) -> [Double] {
        let values = Protected([Double](repeating: .nan, count: points.count))
        DispatchQueue.concurrentPerform(iterations: points.count) { k in
            let value = f(points[k])
            values.withLock { $0[k] = value }
        }
        return values.withLock { $0 }
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
