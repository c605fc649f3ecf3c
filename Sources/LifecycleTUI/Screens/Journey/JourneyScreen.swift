import LifecycleKit

/// One customer's journey: profile, stage path and the timeline, scrolled.
public struct JourneyScreen: Screen {
    public static let contexts: [KeyContext] = [.journey]
    public static let helpTitle = MessageKey.uiKeysJourney
    public var journey: JourneyState

    public var context: KeyContext { .journey }
    public var isOverlay: Bool { false }

    public init(_ journey: JourneyState) { self.journey = journey }

    public mutating func update(_ input: ScreenInput, _ app: inout AppState, _ commands: inout ScreenCommands) {
        guard case .action(let action, _) = input else { return }
        let page = JourneyLayout.visibleRows(width: app.width, height: app.height)
        switch action {
        case .down: journey.scroll += 1
        case .up: journey.scroll -= 1
        case .pageDown: journey.scroll += page
        case .pageUp: journey.scroll -= page
        case .top: journey.scroll = 0
        case .bottom: journey.scroll = Int.max / 2
        case .flipOrder:
            journey.newestFirst.toggle()
            journey.scroll = 0
            app.status = StatusMessage(journey.newestFirst ? .uiNewestFirst : .uiOldestFirst)
        case .move:
            commands.ask(.startMove(customers: [journey.customer.id: journey.customer.stage], label: journey.customer.name))
        case .back: commands.close()
        default: break
        }
        clampScroll(app)
    }

    mutating func clampScroll(_ app: AppState) {
        let page = JourneyLayout.visibleRows(width: app.width, height: app.height)
        journey.scroll = max(0, min(journey.scroll, journey.timeline.count - page))
    }

    public mutating func relayout(_ app: inout AppState, _ commands: inout ScreenCommands) { clampScroll(app) }

    public mutating func reloadAfterChange(moved: [Transition], _ app: inout AppState, _ commands: inout ScreenCommands) {
        let id = journey.customer.id
        commands.run("reload", Message(.prReloadingJourney)) { env in JourneyLoad(id: id, journey: try StageListLoading.journey(id, in: env.store)) }
    }

    public mutating func receive(_ slot: String, _ result: Result<EffectValue, EffectFailure>, _ app: inout AppState,
                                 _ commands: inout ScreenCommands) {
        switch result {
        case .success(let v):
            guard var fresh = (v.value as? JourneyLoad)?.journey else { return }
            fresh.newestFirst = journey.newestFirst
            fresh.scroll = journey.scroll
            journey = fresh
        case .failure(let f):
            app.status = StatusMessage(.stFailed, .message(Message(.prReloadingJourney)), .error(f.error), kind: .error)
        }
    }

    public func draw(_ app: AppState, into grid: inout CellGrid) { JourneyView.draw(journey, app, into: &grid) }
}
