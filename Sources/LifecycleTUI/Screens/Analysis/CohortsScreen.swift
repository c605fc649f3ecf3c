import LifecycleKit

/// Cohorts by month of arrival: the triangle of shares (customers with a purchase, or with any
/// touchpoint, in each month since) as a heat map beside each cohort's size. `b` switches the
/// metric (a pass of its own, cancellable); the cursor moves over the cells and Enter lists the
/// customers behind one.
public struct CohortsScreen: Screen {
    public static let contexts: [KeyContext] = [.cohorts]
    public static let helpTitle = MessageKey.uiKeysCohorts
    public var context: KeyContext { .cohorts }
    public var isOverlay: Bool { false }

    public var metric = CohortMetric.purchase
    /// The cursor: a cohort (row) and a month since arrival (column).
    public var row = 0
    public var column = 0
    public var result: CohortAnalysis?
    public var failure: String?

    public init() {}

    public var rows: [CohortRow] { result?.rows ?? [] }

    public mutating func opened(_ app: inout AppState, _ commands: inout ScreenCommands) { compute(app, &commands) }

    mutating func compute(_ app: AppState, _ commands: inout ScreenCommands) {
        result = nil
        failure = nil
        let (metric, asOf) = (self.metric, app.info.asOf)
        commands.run("cohorts", Message.inProgress(.prComputingCohorts), total: app.funnel.customerTotal) { env in
            try env.answer(CohortAnalysis(metric: metric, asOf: asOf))
        }
    }

    public mutating func update(_ input: ScreenInput, _ app: inout AppState, _ commands: inout ScreenCommands) {
        switch input {
        case .action(.down, _): row += 1
        case .action(.up, _): row -= 1
        case .action(.top, _): row = 0
        case .action(.bottom, _): row = rows.count - 1
        case .action(.columnRight, _): column += 1
        case .action(.columnLeft, _): column -= 1
        case .action(.switchBy, _):
            metric = metric == .purchase ? .active : .purchase
            compute(app, &commands)
        case .action(.open, _): drill(app, &commands)
        case .action(.back, _): commands.close()
        default: break
        }
        clamp()
    }

    /// Keeps the cursor on a cell of the triangle (kept as it is while the metric is computed).
    mutating func clamp() {
        guard result != nil else { return }
        row = max(0, min(row, rows.count - 1))
        column = max(0, min(column, (rows[safe: row]?.counts.count ?? 1) - 1))
    }

    /// Lists the customers of the selected cell.
    func drill(_ app: AppState, _ commands: inout ScreenCommands) {
        guard let cohort = rows[safe: row], column < cohort.counts.count else { return }
        var month = cohort.month
        month.index += Int64(column)
        let title = Message(metric == .purchase ? .uiDrillCohortPurchase : .uiDrillCohortActive, .text(cohort.month.label), .text(month.label))
        let list = CohortAnalysis.customers(metric: metric, asOf: app.info.asOf, cohort: cohort.month, k: column)
        drillDown(list, title: title, &commands, total: app.funnel.customerTotal)
    }

    public mutating func receive(_ slot: String, _ result: Result<EffectValue, EffectFailure>, _ app: inout AppState,
                                 _ commands: inout ScreenCommands) {
        if receiveDrillDown(slot, result, &app, &commands) { return }
        switch (slot, result) {
        case ("cohorts", .success(let v)): self.result = v.value as? CohortAnalysis
        case ("cohorts", .failure(let f)): failure = "\(f.error)"
        default: break
        }
        clamp()
    }

    public mutating func cancelled(_ slot: String, _ app: inout AppState, _ commands: inout ScreenCommands) {
        guard slot == "cohorts", result == nil else { return }
        failure = Message(.stCancelled, .message(Message(.prComputingCohorts))).text(in: app.language)
    }

    public func draw(_ app: AppState, into grid: inout CellGrid) { CohortsView.draw(self, app, into: &grid) }
}
