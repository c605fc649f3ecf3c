import LifecycleKit

/// The stage-flow matrix: from (entry, then each stage) × to, a heat map of the counts with
/// row and column totals, skips and steps back marked. `p` picks the period (all, or the last
/// 30, 90 or 365 days before `as_of`), each a pass of its own (an effect, cancellable); the
/// cursor moves over the cells and Enter lists the customers with such a change.
public struct FlowsScreen: Screen {
    public static let contexts: [KeyContext] = [.flows]
    public static let helpTitle = MessageKey.uiKeysFlows
    public var context: KeyContext { .flows }
    public var isOverlay: Bool { false }

    /// The periods `p` steps through: days before `as_of` (nil: every transition).
    public static let periods: [Int?] = [nil, 30, 90, 365]

    public var periodDays: Int?
    /// The cursor: the row (0 entry, then stage + 1) and the column (a stage).
    public var row = 0
    public var column = 0
    /// The pass's result for the period (nil: being computed, or none).
    public var result: FlowAnalysis?
    public var failure: String?

    public init() {}

    /// The start of the period (nil: all).
    func since(_ app: AppState) -> Timestamp? { periodDays.map { app.info.asOf.adding(seconds: -Int64($0) * 86_400) } }

    /// `all transitions` / `from 2026-05-31`.
    func periodText(_ app: AppState) -> String {
        since(app).map { app.text(.flowsSince, .date($0)) } ?? app.text(.flowsAll)
    }

    public mutating func opened(_ app: inout AppState, _ commands: inout ScreenCommands) { compute(&app, &commands) }

    mutating func compute(_ app: inout AppState, _ commands: inout ScreenCommands) {
        result = nil
        failure = nil
        let (count, since) = (app.stages.count, since(app))
        commands.run("flows", Message.inProgress(.prCountingFlows), total: app.funnel.customerTotal) { env in
            try env.answer(FlowAnalysis(stageCount: count, since: since))
        }
    }

    public mutating func update(_ input: ScreenInput, _ app: inout AppState, _ commands: inout ScreenCommands) {
        let n = app.stages.count
        switch input {
        case .action(.down, _): row = min(n, row + 1)
        case .action(.up, _): row = max(0, row - 1)
        case .action(.top, _): row = 0
        case .action(.bottom, _): row = n
        case .action(.columnRight, _): column = min(n - 1, column + 1)
        case .action(.columnLeft, _): column = max(0, column - 1)
        case .action(.switchPeriod, _):
            let all = Self.periods
            periodDays = all[((all.firstIndex(of: periodDays) ?? 0) + 1) % all.count]
            compute(&app, &commands)
        case .action(.open, _): drill(app, &commands)
        case .action(.back, _): commands.close()
        default: break
        }
    }

    /// Lists the customers with a change of the selected cell in the period.
    func drill(_ app: AppState, _ commands: inout ScreenCommands) {
        guard result != nil else { return }
        let from = row == 0 ? nil : row - 1
        let fromText = from.map { app.stages[$0].name } ?? app.text(.flowEntry)
        let title = Message(.uiDrillFlow, .text(fromText), .text(app.stages[column].name), .text(periodText(app)))
        drillDown(FlowAnalysis.customers(from: from, to: column, since: since(app)), title: title, &commands, total: app.funnel.customerTotal)
    }

    public mutating func receive(_ slot: String, _ result: Result<EffectValue, EffectFailure>, _ app: inout AppState,
                                 _ commands: inout ScreenCommands) {
        if receiveDrillDown(slot, result, &app, &commands) { return }
        switch (slot, result) {
        case ("flows", .success(let v)):
            self.result = v.value as? FlowAnalysis
            if periodDays == nil { app.flows = self.result }
        case ("flows", .failure(let f)): failure = "\(f.error)"
        default: break
        }
    }

    public mutating func cancelled(_ slot: String, _ app: inout AppState, _ commands: inout ScreenCommands) {
        guard slot == "flows", result == nil else { return }
        failure = Message(.stCancelled, .message(Message(.prCountingFlows))).text(in: app.language)
    }

    public func draw(_ app: AppState, into grid: inout CellGrid) { FlowsView.draw(self, app, into: &grid) }
}
