import LifecycleKit

/// The store was given the value table (`attachValues`), with the picker's value entries.
struct ValuesAttached: Sendable {
    var choices: [ValueFilterChoice]
}

/// Effects in flight: each slot's current request, results matched to it (others dropped),
/// progress in the status bar, and `Esc` cancelling.
extension Dashboard {
    /// Gives `effect` a request id, superseding (and cancelling) the slot's older request.
    mutating func issue(_ effect: Effect) {
        let key = "\(effect.target)|\(effect.slot)"
        if let old = pending[key] {
            old.issued.token.cancel()
            if state.busy?.id == old.issued.id { state.busy = nil }
        }
        let issued = IssuedEffect(id: nextRequestID, effect: effect, token: CancellationToken())
        nextRequestID += 1
        pending[key] = Pending(issued: issued, slot: effect.slot, target: effect.target)
        outbox.append(issued)
    }

    /// The app's own effects (stage changes, saving, figures) come back to `receiveApp`.
    mutating func issueApp(_ slot: String, _ label: Message?, cancellable: Bool = false, lane: Effect.Lane = .worker,
                           _ work: @escaping @Sendable (EffectEnvironment) throws -> any Sendable) {
        issue(Effect(slot: slot, label: label, cancellable: cancellable, lane: lane, target: .app, work: work))
    }

    /// A request of the app's slot is on its way.
    func isRunning(_ slot: String) -> Bool { pending["\(Effect.Target.app)|\(slot)"] != nil }

    mutating func receive(_ id: RequestID, _ result: Result<EffectValue, EffectFailure>) {
        guard let (key, p) = pending.first(where: { $0.value.issued.id == id }) else { return }  // superseded
        pending[key] = nil
        if state.busy?.id == id { state.busy = nil }
        if case .failure(let f) = result, f.cancelled { return }
        switch p.target {
        case .app: receiveApp(p.slot, result)
        case .screen(let screen): onScreen(screen) { $0.receive(p.slot, result, &$1, &$2) }
        }
    }

    /// The runner says request `id` is still running: show it (with its count when known).
    mutating func progress(_ id: RequestID, _ done: Int) {
        guard let p = pending.values.first(where: { $0.issued.id == id }), let label = p.issued.effect.label else { return }
        state.busy = Busy(id: id, label: label, done: done > 0 ? done : nil, cancellable: p.issued.effect.cancellable)
    }

    mutating func cancel(_ busy: Busy) {
        if let (key, p) = pending.first(where: { $0.value.issued.id == busy.id }) {
            p.issued.token.cancel()
            pending[key] = nil
            if case .screen(let id) = p.target { onScreen(id) { $0.cancelled(p.slot, &$1, &$2) } }
        }
        state.busy = nil
        state.status = StatusMessage(.stCancelled, .message(busy.label.withoutEllipsis))
    }

    /// The full-scan figures as an effect on a thread of its own (the runner asks for it at
    /// start and after changes); a newer request makes an older result void.
    public mutating func requestFigures() -> IssuedEffect? {
        state.figuresStale = false
        issueApp("figures", nil, lane: .ownThread) { env in
            let token = env.token
            return try env.store.funnelReport(shouldStop: { token.isCancelled })
        }
        defer { outbox = [] }
        return outbox.last
    }

    /// Every customer's value figures, once at start on a thread of their own (stage changes
    /// change no purchase, so they stay valid). The header says so meanwhile (not the status
    /// bar, whose messages it would crowd out for as long as a big file takes).
    public mutating func requestValues() -> IssuedEffect? {
        state.valuesComputing = true
        issueApp("values", nil, lane: .ownThread) { env in
            try env.store.valueTable()
        }
        defer { outbox = [] }
        return outbox.last
    }

    /// Gives the store the value table off the input thread (it sorts every customer by each
    /// value field) and makes the filter picker's value entries; lists reload when it is done.
    mutating func attachValues(_ table: CustomerValueTable) {
        let below = state.atRiskBelow, currency = state.info.currency
        issueApp("attachValues", nil, lane: .ownThread) { env in
            try env.store.attachValues(table)
            return ValuesAttached(choices: ValueFilterChoice.all(table, atRiskBelow: below, currency: currency))
        }
    }

    /// The store has the values: the open lists reload to show, sort and filter by them.
    mutating func valuesAttached(_ attached: ValuesAttached) {
        state.valuesInLists = true
        state.valueChoices = attached.choices
        for entry in state.stack { onScreen(entry.id) { $0.reloadAfterChange(moved: [], &$1, &$2) } }
    }

    /// The funnel panel's figures in one pass over every customer: the stage-flow matrix
    /// (inflows and outflows) and, once the value table is in, the value figures per stage
    /// (walked with the table, no refit). After the first figures, when the values arrive and
    /// after every change.
    mutating func requestPanelFigures() {
        let count = state.stages.count, table = state.values, below = state.atRiskBelow
        issueApp("panel", nil, lane: .ownThread) { env in
            var analyses: [any Analysis] = [FlowAnalysis(stageCount: count)]
            if let table { analyses.append(StageValueAnalysis(table: table, stageCount: count, atRiskBelow: below)) }
            let done = try env.store.stream(analyses, shouldStop: { env.token.isCancelled })
            return PanelFigures(flows: (done[0] as! FlowAnalysis).finish(),
                                stageValues: done.count > 1 ? (done[1] as! StageValueAnalysis).finish() : nil)
        }
    }

    /// The result of `requestPanelFigures`.
    struct PanelFigures: Sendable {
        var flows: FlowAnalysis
        var stageValues: [StageValueFigures]?
    }

    /// The figures were recomputed for the current data (kept for callers that compute them themselves).
    public mutating func figuresRequested() { state.figuresStale = false }

    mutating func showFigures(_ report: FunnelReport) {
        state.funnel.reportError = nil
        state.funnel.report = report
        state.changesSinceAsOf = report.changesSinceAsOf
        // After a change the panel's pass is on its way already (`reloadAfterChange`).
        if state.flows == nil && !isRunning("panel") { requestPanelFigures() }
        requestComparison()
    }

    mutating func figuresFailed(_ message: String) {
        state.funnel.reportError = message
        state.status = StatusMessage(.stFiguresFailed, .text(message), kind: .error)
    }
}
