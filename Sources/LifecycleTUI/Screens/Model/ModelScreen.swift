import LifecycleKit

extension KeyContext {
    public static let model = KeyContext("model")
    public static let calibrationInput = KeyContext("calibrationInput")
}

/// The customer value model: BG/NBD and Gamma-Gamma parameters with standard errors, the
/// log-likelihood and convergence, the CLV settings, the problems, histograms of P(alive)
/// and CLV over the buyers, and (after `c` and a date) the holdout check: the models fitted on
/// the purchases up to the date and compared, week by week and by frequency, with those after.
public struct ModelScreen: Screen {
    public static let contexts: [KeyContext] = [.model]
    public static let helpTitle = MessageKey.uiKeysModel
    public var context: KeyContext { .model }
    public var isOverlay: Bool { false }
    public var helpContexts: [KeyContext] { [.model, .calibrationInput] }

    /// First line shown.
    public var scroll = 0
    /// The histograms of the table they were made from (kept: a million buyers take a moment).
    var histograms: ModelHistograms?
    /// The holdout check asked for: its calibration end, and the result once fitted.
    public var calibrationEnd: Timestamp?
    public var holdout: HoldoutResult?

    /// What the holdout fit gave: the check, or why there is none.
    public enum HoldoutResult: Sendable {
        case check(HoldoutCheck, CustomerValueModel)
        case unavailable(String)
    }

    public init() {}

    public mutating func opened(_ app: inout AppState, _ commands: inout ScreenCommands) { prepare(app) }
    public mutating func relayout(_ app: inout AppState, _ commands: inout ScreenCommands) { prepare(app) }

    mutating func prepare(_ app: AppState) {
        if histograms == nil, let table = app.values { histograms = ModelHistograms(table) }
        scroll = max(0, min(scroll, ModelView.lines(self, app).count - ModelView.visibleRows(app.height)))
    }

    public mutating func update(_ input: ScreenInput, _ app: inout AppState, _ commands: inout ScreenCommands) {
        guard case .action(let action, _) = input else { return }
        let page = ModelView.visibleRows(app.height)
        switch action {
        case .down: scroll += 1
        case .up: scroll -= 1
        case .pageDown: scroll += page
        case .pageUp: scroll -= page
        case .top: scroll = 0
        case .bottom: scroll = Int.max / 2
        case .calibrate: commands.push(CalibrationInputScreen(owner: commands.me))
        case .back: commands.close()
        default: break
        }
        prepare(app)
    }

    public mutating func receive(_ slot: String, _ result: Result<EffectValue, EffectFailure>, _ app: inout AppState,
                                 _ commands: inout ScreenCommands) {
        switch (slot, result) {
        case ("calibrationEnd", .success(let v)):
            guard let text = v.value as? String else { return }
            fit(until: text, &app, &commands)
        case ("holdout", .success(let v)):
            guard let report = v.value as? CustomerValueReport else { return }
            if let check = report.holdout {
                holdout = .check(check, report.model)
                scroll = ModelView.headLines(self, app).count   // the check at the top
            } else {
                let why = report.model.bgnbdProblem ?? .noPurchases
                holdout = .unavailable(why.message.text(in: app.language))
            }
        case ("holdout", .failure(let f)):
            holdout = .unavailable("\(f.error)")
        default: break
        }
        prepare(app)
    }

    /// `Esc` cancelled the fit: back to no holdout check.
    public mutating func cancelled(_ slot: String, _ app: inout AppState, _ commands: inout ScreenCommands) {
        guard slot == "holdout", holdout == nil else { return }
        calibrationEnd = nil
        prepare(app)
    }

    /// Fits the models on the purchases up to `text` (a date) and checks them against the rest.
    mutating func fit(until text: String, _ app: inout AppState, _ commands: inout ScreenCommands) {
        guard let end = Timestamp(text.trimmingCharacters(in: .whitespaces)) else {
            app.status = StatusMessage(.stNotADate, .text(text), kind: .warning)
            return
        }
        guard end < app.info.asOf else {
            app.status = StatusMessage(.stCalibrationNotBefore, .date(app.info.asOf), kind: .warning)
            return
        }
        calibrationEnd = end
        holdout = nil
        scroll = ModelView.headLines(self, app).count   // the holdout part in view
        let lifetime = app.values?.model.lifetime ?? LifetimeValue()
        commands.run("holdout", Self.fittingLabel(end)) { env in
            let report = try env.store.customerValues(calibrationEnd: end, lifetime: lifetime)
            try env.checkCancelled()
            return report
        }
    }

    /// `fitting on purchases up to 2026-03-01…`: the status bar's label of the fit, and the screen's line meanwhile.
    static func fittingLabel(_ end: Timestamp) -> Message { Message.inProgress(.prFittingHoldout, .date(end)) }

    public func draw(_ app: AppState, into grid: inout CellGrid) { ModelView.draw(self, app, into: &grid) }
}

/// The calibration end, typed in the status bar: Enter fits and checks, Esc cancels.
public struct CalibrationInputScreen: Screen {
    public static let contexts: [KeyContext] = [.calibrationInput]
    public var context: KeyContext { .calibrationInput }
    public var text = ""
    let owner: ScreenID

    public init(owner: ScreenID) { self.owner = owner }

    public mutating func update(_ input: ScreenInput, _ app: inout AppState, _ commands: inout ScreenCommands) {
        switch input {
        case .action(.back, _): commands.close()
        case .action(.open, _):
            guard !text.isEmpty else { return }
            commands.close()
            commands.deliver(text, to: owner, slot: "calibrationEnd")
        default: _ = InputLine.edit(&text, input)
        }
    }

    public func draw(_ app: AppState, into grid: inout CellGrid) {}

    public func inputLine(_ app: AppState) -> InputLine? {
        .prompt(app.text(.uiCalibrationPrompt, .text(KeyBindings.promptKeys(in: .calibrationInput, app.language))), text: text)
    }
}
