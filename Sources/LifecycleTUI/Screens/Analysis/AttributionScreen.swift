import LifecycleKit

/// Attribution of the conversions into one stage: per key (channel, campaign or type) the
/// credit of each of the five models side by side as bars. One pass (an effect, cancellable)
/// computes every model and dimension for a stage and lookback window; Tab changes the stage,
/// `d` the window, `b` the dimension, ←/→ the model whose credit orders the rows and whose
/// converters Enter lists.
public struct AttributionScreen: Screen {
    public static let contexts: [KeyContext] = [.attribution]
    public static let helpTitle = MessageKey.uiKeysAttribution
    public var context: KeyContext { .attribution }
    public var isOverlay: Bool { false }

    /// The lookback windows `d` steps through (days).
    public static let windows = [7, 30, 90, 180]

    /// Funnel position of the stage whose conversions are attributed.
    public var stage: Int
    public var lookbackDays = 90
    public var by = AttributionDimension.channel
    /// The selected model (`AttributionModel.allCases` index).
    public var model = AttributionModel.allCases.firstIndex(of: .linear)!
    public var selected = 0
    public var scroll = 0
    /// The pass's result for `stage` and `lookbackDays` (nil: being computed, or none).
    public var result: AttributionAnalysis?
    /// Why there is no result (failed, or cancelled).
    public var failure: String?

    public init(stage: Int) { self.stage = stage }

    /// The rows shown: the selected model's, by its credit.
    public var rows: [AttributionRow] { result?.rows(model: AttributionModel.allCases[model], by: by) ?? [] }

    public mutating func opened(_ app: inout AppState, _ commands: inout ScreenCommands) { compute(app, &commands) }

    /// Asks for the pass of the current stage and window.
    mutating func compute(_ app: AppState, _ commands: inout ScreenCommands) {
        result = nil
        failure = nil
        selected = 0
        scroll = 0
        let (stage, days) = (self.stage, lookbackDays)
        commands.run("attribution", Self.label(app.stages[stage]), total: app.funnel.customerTotal) { env in
            try env.answer(AttributionAnalysis(stage: stage, lookbackDays: days))
        }
    }

    static func label(_ stage: Stage) -> Message { Message.inProgress(.prAttributing, .text(stage.name)) }

    public mutating func update(_ input: ScreenInput, _ app: inout AppState, _ commands: inout ScreenCommands) {
        let page = AttributionView.visibleRows(app.height)
        let models = AttributionModel.allCases.count
        if let moved = cursorMove(input, selected, page: page) { selected = moved }
        switch input {
        case .action(.columnRight, _): model = (model + 1) % models
        case .action(.columnLeft, _): model = (model + models - 1) % models
        case .action(.switchBy, _):
            let all = AttributionDimension.allCases
            by = all[(all.firstIndex(of: by)! + 1) % all.count]
            selected = 0
        case .action(.nextStage, _):
            stage = (stage + 1) % app.stages.count
            compute(app, &commands)
        case .action(.previousStage, _):
            stage = (stage + app.stages.count - 1) % app.stages.count
            compute(app, &commands)
        case .action(.switchPeriod, _):
            let all = Self.windows
            lookbackDays = all[((all.firstIndex(of: lookbackDays) ?? 0) + 1) % all.count]
            compute(app, &commands)
        case .action(.open, _): drill(app, &commands)
        case .action(.back, _): commands.close()
        default: break
        }
        clamp(app)
    }

    /// Lists the converters the selected model credits to the selected row.
    func drill(_ app: AppState, _ commands: inout ScreenCommands) {
        guard let row = rows[safe: selected] else { return }
        let m = AttributionModel.allCases[model]
        let key = row.key == AttributionDimension.none ? Message(.keyNone) : Message(.stText, .text(row.key))
        let title = Message(.uiDrillCredited, .text(app.stages[stage].name), .message(key), .message(Message(m.messageKey)),
                            .text(app.formats.number(row.credit, decimals: 2)))
        let list = AttributionAnalysis.credited(stage: stage, lookbackDays: lookbackDays, model: m, by: by, key: row.key)
        drillDown(list, title: title, &commands, total: app.funnel.customerTotal)
    }

    mutating func clamp(_ app: AppState) {
        let page = AttributionView.visibleRows(app.height)
        selected = max(0, min(selected, rows.count - 1))
        scroll = max(0, min(scroll, selected))
        if selected >= scroll + page { scroll = selected - page + 1 }
    }

    public mutating func relayout(_ app: inout AppState, _ commands: inout ScreenCommands) { clamp(app) }

    public mutating func receive(_ slot: String, _ result: Result<EffectValue, EffectFailure>, _ app: inout AppState,
                                 _ commands: inout ScreenCommands) {
        if receiveDrillDown(slot, result, &app, &commands) { return }
        switch (slot, result) {
        case ("attribution", .success(let v)): self.result = v.value as? AttributionAnalysis
        case ("attribution", .failure(let f)): failure = "\(f.error)"
        default: break
        }
        clamp(app)
    }

    /// `Esc` cancelled the pass: the screen says so (a key that changes stage or window asks again).
    public mutating func cancelled(_ slot: String, _ app: inout AppState, _ commands: inout ScreenCommands) {
        guard slot == "attribution", result == nil else { return }
        failure = Message(.stCancelled, .message(Self.label(app.stages[stage]).withoutEllipsis)).text(in: app.language)
    }

    public func draw(_ app: AppState, into grid: inout CellGrid) { AttributionView.draw(self, app, into: &grid) }

    public func hitRegions(_ app: AppState) -> [HitRegion] {
        (0..<max(0, min(AttributionView.visibleRows(app.height), rows.count - scroll))).map {
            HitRegion(x: 0, y: AttributionView.firstRow + $0, width: app.width, index: scroll + $0)
        }
    }
}
