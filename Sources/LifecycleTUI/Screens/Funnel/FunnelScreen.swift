import LifecycleKit

/// The start screen: a bar per stage. Its selection lives in `AppState.funnel` (with the
/// counts and figures the header shows too), since a list switching stage moves it.
public struct FunnelScreen: Screen {
    public static let contexts: [KeyContext] = [.funnel]
    public static let helpTitle = MessageKey.uiKeysFunnel
    public var context: KeyContext { .funnel }
    public var isOverlay: Bool { false }
    public var helpContexts: [KeyContext] { [.funnel, .globalSearch] }

    public init() {}

    public mutating func update(_ input: ScreenInput, _ app: inout AppState, _ commands: inout ScreenCommands) {
        let n = app.stages.count
        switch input {
        case .action(.down, _): app.funnel.selected = min(n - 1, app.funnel.selected + 1)
        case .action(.up, _): app.funnel.selected = max(0, app.funnel.selected - 1)
        case .action(.top, _): app.funnel.selected = 0
        case .action(.bottom, _): app.funnel.selected = max(0, n - 1)
        case .pick(let i): app.funnel.selected = max(0, min(n - 1, i))
        case .action(.open, _): commands.push(StageListScreen(opening: app.funnel.selected))
        case .action(.model, _): commands.push(ModelScreen())
        case .action(.attribution, _): commands.push(AttributionScreen(stage: app.funnel.selected))
        case .action(.flows, _): commands.push(FlowsScreen())
        case .action(.cohorts, _): commands.push(CohortsScreen())
        case .action(.changedSince, _): changedSince(&app, &commands)
        case .action(.suggestions, _): commands.push(SuggestionsScreen())
        default: break
        }
    }

    public mutating func receive(_ slot: String, _ result: Result<EffectValue, EffectFailure>, _ app: inout AppState,
                                 _ commands: inout ScreenCommands) {
        _ = receiveDrillDown(slot, result, &app, &commands)
    }

    public func draw(_ app: AppState, into grid: inout CellGrid) { FunnelView.draw(app, into: &grid) }

    public func hitRegions(_ app: AppState) -> [HitRegion] { FunnelView.barRegions(app, width: app.width, height: app.height) }
}
