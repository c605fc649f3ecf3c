import LifecycleKit

/// The histograms of the model screen, made once from the value table.
struct ModelHistograms: Sendable {
    var probabilityAlive: ValueHistogram
    var clv: ValueHistogram?

    init(_ table: CustomerValueTable) {
        probabilityAlive = table.probabilityAliveHistogram()
        clv = table.clvHistogram()
    }
}

/// One line of the model screen: pieces of text, each in its role.
struct ModelLine {
    var pieces: [(text: String, role: Role)]

    init(_ text: String = "", _ role: Role = .normal) { pieces = [(text, role)] }
    init(pieces: [(text: String, role: Role)]) { self.pieces = pieces }
}

/// The model screen as lines (scrolled as a whole): the fits, the histograms, the holdout check.
enum ModelView {
    static func visibleRows(_ height: Int) -> Int { max(1, height - 2) }

    static func draw(_ screen: ModelScreen, _ state: AppState, into grid: inout CellGrid) {
        let lines = self.lines(screen, state)
        let page = visibleRows(grid.height)
        var firstRowEnd = grid.width
        if lines.count > page {
            let range = state.text(.uiRange, .count(screen.scroll + 1), .count(min(lines.count, screen.scroll + page)), .count(lines.count))
            firstRowEnd = max(0, grid.width - DisplayWidth.of(range) - 1)
            grid.put(range, x: firstRowEnd, y: 1, role: .dim)
            firstRowEnd -= 1
        }
        for (row, line) in lines.dropFirst(screen.scroll).prefix(page).enumerated() {
            let end = row == 0 ? firstRowEnd : grid.width
            var x = 1
            for piece in line.pieces where x < end { x += grid.put(piece.text, x: x, y: 1 + row, role: piece.role, maxWidth: end - x) }
        }
    }

    /// Every line, for the width of the terminal.
    static func lines(_ screen: ModelScreen, _ state: AppState) -> [ModelLine] {
        let head = headLines(screen, state)
        return state.values == nil ? head : head + ModelHoldoutLines.lines(screen, state, width: state.width - 2)
    }

    /// The lines above the holdout check: the fits and the histograms.
    static func headLines(_ screen: ModelScreen, _ state: AppState) -> [ModelLine] {
        guard let table = state.values else {
            let text = state.valuesError.map { state.text(.uiValueUnavailable, .text($0)) }
                ?? Message.inProgress(.prComputingValues).text(in: state.language)
            return [ModelLine(state.text(.uiModelTitle), .title), ModelLine(text, state.valuesError == nil ? .pending : .warning)]
        }
        let width = state.width - 2
        var out = fits(table.model, state)
        let histograms = screen.histograms ?? ModelHistograms(table)
        out += histogram(state.text(.uiHistogramPAlive, .count(histograms.probabilityAlive.total)), histograms.probabilityAlive,
                         label: { state.formats.percent($0) }, count: state.formats.count, width: width)
        if let clv = histograms.clv {
            out += histogram(state.text(.uiHistogramCLV, .count(clv.total)), clv,
                             label: { state.formats.number($0, decimals: 0) }, count: state.formats.count, width: width)
        }
        return out
    }

    /// The title, the buyers, both fits, the CLV settings and the problems.
    static func fits(_ m: CustomerValueModel, _ state: AppState) -> [ModelLine] {
        var out = [ModelLine(pieces: [(state.text(.uiModelTitle), .title), ("  " + state.text(.valueCalibration, .date(m.observationEnd)), .dim)]),
                   ModelLine(state.text(.uiModelBuyers, .count(m.buyers), .count(m.repeatBuyers))), ModelLine()]
        out += parameters(state.text(.valueBGNBD), names: ["r", "α", "a", "b"], fit: m.bgnbd.map {
            (values: [$0.model.r, $0.model.alpha, $0.model.a, $0.model.b], errors: $0.standardErrors, ll: $0.logLikelihood, converged: $0.converged)
        }, problem: m.bgnbdProblem, state)
        out += parameters(state.text(.valueGammaGamma), names: ["p", "q", "v"], fit: m.gammaGamma.map {
            (values: [$0.model.p, $0.model.q, $0.model.v], errors: $0.standardErrors, ll: $0.logLikelihood, converged: $0.converged)
        }, problem: m.clvProblem, state)
        out.append(ModelLine(state.text(.valueCLVSettings, .count(m.lifetime.months), .percent(m.lifetime.discount))))
        for problem in Set([m.bgnbdProblem, m.clvProblem].compactMap { $0 }).sorted(by: { $0.rawValue < $1.rawValue }) {
            out.append(ModelLine(state.text(.valueNote, .message(problem.message)), .warning))
        }
        out.append(ModelLine())
        return out
    }

    /// A model's parameters with standard errors, its log-likelihood and convergence; its
    /// problem when it could not be fitted.
    static func parameters(_ title: String, names: [String], fit: (values: [Double], errors: [Double]?, ll: Double, converged: Bool)?,
                           problem: ValueProblem?, _ state: AppState) -> [ModelLine] {
        guard let fit else {
            return [ModelLine(title, .title), ModelLine("  " + (problem ?? .noPurchases).message.text(in: state.language), .warning), ModelLine()]
        }
        let fm = state.formats
        func cell(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - DisplayWidth.of(text))) + text }
        var out = [ModelLine(pieces: [(title, .title), ("  " + state.text(fit.converged ? .uiModelConverged : .valueNotConverged),
                                                        fit.converged ? .positive : .warning)])]
        out.append(ModelLine("  " + state.text(.columnParameter).padding(toLength: 10, withPad: " ", startingAt: 0)
                             + cell(state.text(.columnEstimate), 19) + cell(state.text(.columnStdError), 18), .columnHeader))
        for (i, name) in names.enumerated() {
            let se = fit.errors?[safe: i].map { fm.number($0, decimals: 4) } ?? "—"
            out.append(ModelLine("  " + name.padding(toLength: 10, withPad: " ", startingAt: 0)
                                 + cell(fm.number(fit.values[i], decimals: 4), 19) + cell(se, 18)))
        }
        out.append(ModelLine("  " + state.text(.valueLogLikelihood, .number(fit.ll, decimals: 1)), .dim))
        out.append(ModelLine())
        return out
    }

    /// A titled histogram: a bar per bin, labelled with the bin's range and count.
    static func histogram(_ title: String, _ h: ValueHistogram, label: (Double) -> String, count: (Int) -> String,
                          width: Int) -> [ModelLine] {
        var out = [ModelLine(title, .title)]
        let labels = h.lower.indices.map { k in label(h.lower[k]) + "–" + label(k + 1 < h.lower.count ? h.lower[k + 1] : h.upper) }
        let labelWidth = (labels.map(DisplayWidth.of).max() ?? 0) + 1
        let counts = h.counts.map(count)
        let barWidth = max(4, min(50, width - labelWidth - (counts.map(DisplayWidth.of).max() ?? 1) - 5))
        let top = Double(max(1, h.counts.max() ?? 1))
        for k in h.counts.indices {
            let bar = Glyphs.bar(Double(h.counts[k]) / top, width: barWidth)
            out.append(ModelLine(pieces: [("  " + String(repeating: " ", count: labelWidth - DisplayWidth.of(labels[k])) + labels[k] + " ", .dim),
                                          (bar + String(repeating: " ", count: max(0, barWidth - DisplayWidth.of(bar))), .bar),
                                          (" " + counts[k], .normal)]))
        }
        out.append(ModelLine())
        return out
    }
}
