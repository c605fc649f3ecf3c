import Foundation

/// Renders `clc model` (the fitted models, the holdout check) and `clc scores` (every
/// customer's figures) as a table in the user's language, JSON or CSV (language-neutral).
public enum ValueRenderer {
    public enum Format: String, CaseIterable, Sendable { case table, json, csv }

    // MARK: model

    public static func modelTable(_ r: CustomerValueReport, name: String?, language: Language) -> String {
        let m = r.model, f = language.formats
        func t(_ message: Message) -> String { message.text(in: language) }
        var lines = [t(Message(.valueTitle, name.map { .text($0) } ?? .message(Message(.unnamedSnapshot)), .date(r.asOf)))]
        if m.observationEnd != r.asOf { lines.append(t(Message(.valueCalibration, .date(m.observationEnd)))) }
        lines.append(t(Message(.valueBuyers, .count(r.customerCount), .count(m.buyers), .count(m.repeatBuyers))))
        let heads = [Message(.columnParameter), Message(.columnEstimate), Message(.columnStdError)].map(t) + [""]
        if let fit = m.bgnbd {
            let b = fit.model
            lines += ["", t(Message(.valueBGNBD))]
            lines += ReportRenderer.aligned(heads, parameterRows(["r", "alpha", "a", "b"], [b.r, b.alpha, b.a, b.b], fit.standardErrors, f))
            lines.append(t(Message(.valueLogLikelihood, .number(fit.logLikelihood, decimals: 1))) + (fit.converged ? "" : " · " + t(Message(.valueNotConverged))))
        }
        if let fit = m.gammaGamma {
            let g = fit.model
            lines += ["", t(Message(.valueGammaGamma))]
            lines += ReportRenderer.aligned(heads, parameterRows(["p", "q", "v"], [g.p, g.q, g.v], fit.standardErrors, f))
            lines.append(t(Message(.valueLogLikelihood, .number(fit.logLikelihood, decimals: 1))))
        }
        lines += ["", t(Message(.valueCLVSettings, .count(m.lifetime.months), .percent(m.lifetime.discount)))]
        for problem in Set([m.bgnbdProblem, m.clvProblem].compactMap { $0 }).sorted(by: { $0.rawValue < $1.rawValue }) {
            lines.append(t(Message(.valueNote, .message(problem.message))))
        }
        if let h = r.holdout { lines += holdoutLines(h, language) }
        return lines.map { $0.trailingSpacesRemoved }.joined(separator: "\n") + "\n"
    }

    private static func parameterRows(_ names: [String], _ values: [Double], _ errors: [Double]?, _ f: Formats) -> [[String]] {
        names.indices.map { i in [names[i], f.number(values[i], decimals: 4), errors.map { f.number($0[i], decimals: 4) } ?? "—", ""] }
    }

    private static func holdoutLines(_ h: HoldoutCheck, _ language: Language) -> [String] {
        let f = language.formats
        func t(_ message: Message) -> String { message.text(in: language) }
        var lines = ["", t(Message(.holdoutTitle, .date(h.calibrationEnd), .count(h.holdoutDays), .count(h.actual), .number(h.predicted, decimals: 1)))]
        let weekHeads = [MessageKey.columnWeek, .columnActual, .columnPredicted, .columnCumulativeActual, .columnCumulativePredicted]
        lines += ReportRenderer.aligned(weekHeads.map { t(Message($0)) } + [""], h.weeks.map { w in
            [String(w.week), f.count(w.actual), f.number(w.predicted, decimals: 1), f.count(w.cumulativeActual),
             f.number(w.cumulativePredicted, decimals: 1), ""]
        })
        lines += ["", t(Message(.holdoutByFrequency, .date(h.calibrationEnd)))]
        let groupHeads = [MessageKey.columnRepeatPurchases, .columnBuyers, .columnActual, .columnPredicted]
        lines += ReportRenderer.aligned(groupHeads.map { t(Message($0)) } + [""], h.groups.map { g in
            [g.atLeast ? "\(g.frequency)+" : String(g.frequency), f.count(g.customers), f.number(g.actual, decimals: 3),
             f.number(g.predicted, decimals: 3), ""]
        })
        return lines
    }

    /// `{"as_of", "observation_end", "customers", "buyers", "repeat_buyers", "bgnbd": {r, alpha, a, b,
    /// log_likelihood, standard_errors, converged}, "gamma_gamma": {p, q, v, …}, "clv": {months,
    /// discount}, "problems": [...], "holdout": {…}}` (null where a model could not be fitted).
    public static func modelJSON(_ r: CustomerValueReport) -> String {
        var o = JSONObjectText()
        o.string("as_of", r.asOf.iso8601)
        o.string("observation_end", r.model.observationEnd.iso8601)
        o.int("customers", r.customerCount)
        o.int("buyers", r.model.buyers)
        o.int("repeat_buyers", r.model.repeatBuyers)
        o.raw("bgnbd", r.model.bgnbd.map { fit in
            let b = fit.model
            return fitJSON(["r": b.r, "alpha": b.alpha, "a": b.a, "b": b.b], order: ["r", "alpha", "a", "b"], fit.logLikelihood,
                           fit.standardErrors, fit.converged)
        } ?? "null")
        o.raw("gamma_gamma", r.model.gammaGamma.map { fit in
            let g = fit.model
            return fitJSON(["p": g.p, "q": g.q, "v": g.v], order: ["p", "q", "v"], fit.logLikelihood, fit.standardErrors, fit.converged)
        } ?? "null")
        var clv = JSONObjectText()
        clv.int("months", r.model.lifetime.months)
        clv.number("discount", r.model.lifetime.discount)
        o.raw("clv", clv.text)
        let problems = [r.model.bgnbdProblem, r.model.clvProblem].compactMap { $0?.rawValue }
        o.raw("problems", "[" + Array(Set(problems)).sorted().map { JSONText.string($0) }.joined(separator: ", ") + "]")
        o.raw("holdout", r.holdout.map(holdoutJSON) ?? "null")
        return o.text + "\n"
    }

    private static func fitJSON(_ values: [String: Double], order: [String], _ ll: Double, _ errors: [Double]?, _ converged: Bool) -> String {
        var o = JSONObjectText()
        for k in order { o.number(k, values[k]!) }
        o.number("log_likelihood", ll)
        var e = JSONObjectText()
        for (i, k) in order.enumerated() { e.number(k, errors?[i]) }
        o.raw("standard_errors", errors == nil ? "null" : e.text)
        o.raw("converged", converged ? "true" : "false")
        return o.text
    }

    private static func holdoutJSON(_ h: HoldoutCheck) -> String {
        var o = JSONObjectText()
        o.string("calibration_end", h.calibrationEnd.iso8601)
        o.int("days", h.holdoutDays)
        o.int("actual", h.actual)
        o.number("predicted", h.predicted)
        o.raw("weeks", "[" + h.weeks.map { w in
            var x = JSONObjectText()
            x.int("week", w.week); x.int("actual", w.actual); x.number("predicted", w.predicted)
            x.int("cumulative_actual", w.cumulativeActual); x.number("cumulative_predicted", w.cumulativePredicted)
            return x.text
        }.joined(separator: ", ") + "]")
        o.raw("by_frequency", "[" + h.groups.map { g in
            var x = JSONObjectText()
            x.string("frequency", g.atLeast ? "\(g.frequency)+" : String(g.frequency))
            x.int("customers", g.customers); x.number("actual", g.actual); x.number("predicted", g.predicted)
            return x.text
        }.joined(separator: ", ") + "]")
        return o.text
    }
}
