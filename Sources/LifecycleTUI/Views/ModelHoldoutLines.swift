import LifecycleKit

/// The holdout part of the model screen: how to start it, the cumulative tracking chart
/// (actual `●` vs predicted `○` repeat purchase days, week by week) and the bars by calibration
/// frequency (0, 1, … 7+).
enum ModelHoldoutLines {
    static let actualGlyph = "●"
    static let predictedGlyph = "○"
    static let chartRows = 8

    static func lines(_ screen: ModelScreen, _ state: AppState, width: Int) -> [ModelLine] {
        let none = { () -> [ModelLine] in
            let key = KeyBindings.bindings(in: .model).first { $0.action == .calibrate }?.keyLabel ?? "c"
            return TextWrap.lines(state.text(.uiHoldoutNone, .text(key)), width: width).map { ModelLine($0, .dim) }
        }
        guard let end = screen.calibrationEnd else { return none() }
        switch screen.holdout {
        case nil:
            return [ModelLine(ModelScreen.fittingLabel(end).text(in: state.language), .pending)]
        case .unavailable(let why)?:
            return [ModelLine(state.text(.uiHoldoutUnavailable, .text(why)), .warning)]
        case .check(let check, let model)?:
            let fm = state.formats
            var out = [ModelLine(state.text(.holdoutTitle, .date(check.calibrationEnd), .count(check.holdoutDays), .count(check.actual),
                                             .text(fm.number(check.predicted, decimals: 1))), .title)]
            out.append(ModelLine(state.text(.valueCalibration, .date(model.observationEnd)) + " · "
                                 + state.text(.uiModelBuyers, .count(model.buyers), .count(model.repeatBuyers)), .dim))
            out.append(ModelLine())
            out += tracking(check, state, width: width)
            out.append(ModelLine())
            out += byFrequency(check, state, width: width)
            return out
        }
    }

    /// The cumulative tracking chart: one column per week (weeks sampled when more than fit).
    static func tracking(_ check: HoldoutCheck, _ state: AppState, width: Int) -> [ModelLine] {
        let fm = state.formats
        var out = [ModelLine(state.text(.uiTrackingChart, .text(actualGlyph), .text(predictedGlyph)), .title)]
        let weeks = check.weeks
        guard !weeks.isEmpty else { return out }
        let top = max(1, weeks.map { max(Double($0.cumulativeActual), $0.cumulativePredicted.isFinite ? $0.cumulativePredicted : 0) }.max() ?? 1)
        let axis = [fm.number(top, decimals: 0), "0"]
        let axisWidth = axis.map(DisplayWidth.of).max()! + 1
        let columns = max(1, min(weeks.count, width - axisWidth - 4))
        var rows = Array(repeating: Array(repeating: (" ", Role.normal), count: columns), count: chartRows)
        func level(_ v: Double) -> Int { chartRows - 1 - Int((v / top * Double(chartRows - 1)).rounded()) }
        for c in 0..<columns {
            let w = weeks[columns == 1 ? weeks.count - 1 : c * (weeks.count - 1) / (columns - 1)]
            if w.cumulativePredicted.isFinite { rows[level(w.cumulativePredicted)][c] = (predictedGlyph, .dim) }
            rows[level(Double(w.cumulativeActual))][c] = (actualGlyph, .bar)
        }
        for (r, row) in rows.enumerated() {
            let label = r == 0 ? axis[0] : r == chartRows - 1 ? axis[1] : ""
            var pieces: [(text: String, role: Role)] = [("  " + String(repeating: " ", count: axisWidth - DisplayWidth.of(label)) + label + "│", .dim)]
            for cell in row { pieces.append(cell) }
            out.append(ModelLine(pieces: pieces))
        }
        out.append(ModelLine("  " + String(repeating: " ", count: axisWidth) + "└" + String(repeating: "─", count: columns), .dim))
        out.append(ModelLine("  " + String(repeating: " ", count: axisWidth + 1) + state.text(.uiTrackingWeeks, .count(weeks.count)), .dim))
        return out
    }

    /// Per calibration frequency: actual and predicted holdout purchase days per buyer, as bars.
    static func byFrequency(_ check: HoldoutCheck, _ state: AppState, width: Int) -> [ModelLine] {
        let fm = state.formats
        var out = [ModelLine(state.text(.holdoutByFrequency, .date(check.calibrationEnd)), .title),
                   ModelLine("  " + state.text(.uiFrequencyLegend, .text("█"), .text("░")), .dim)]
        let top = max(1e-9, check.groups.map { max($0.actual, $0.predicted.isFinite ? $0.predicted : 0) }.max() ?? 1)
        let barWidth = max(4, min(30, (width - 30) / 2))
        for g in check.groups {
            let label = "\(g.frequency)\(g.atLeast ? "+" : "")"
            let actual = Glyphs.bar(g.actual / top, width: barWidth)
            let predicted = String(repeating: "░", count: g.predicted.isFinite ? Int((g.predicted / top * Double(barWidth)).rounded()) : 0)
            func pad(_ s: String) -> String { s + String(repeating: " ", count: max(0, barWidth - DisplayWidth.of(s))) }
            out.append(ModelLine(pieces: [("  " + label.padding(toLength: 3, withPad: " ", startingAt: 0), .dim),
                                          (pad(actual), .bar), (" " + fm.number(g.actual, decimals: 2).padding(toLength: 6, withPad: " ", startingAt: 0), .normal),
                                          (" " + pad(predicted), .dim), (" " + fm.number(g.predicted, decimals: 2), .dim),
                                          ("  (" + state.text(.uiStageBuyers, .count(g.customers)) + ")", .dim)]))
        }
        return out
    }
}
