import Foundation
import LifecycleKit

/// Stage changes, saving and quitting: what screens ask of the app (`AppRequest`). Every
/// change goes through `StageMover` as one effect, so each is recorded as a transition and
/// is durable before the status bar says so; while one is being written, another waits its turn
/// (refused with a message) and navigation goes on.
extension Dashboard {
    /// The file after a change: what the app shows of it, read by the same effect.
    struct FileState: Sendable {
        var counts: [Int]
        var info: SnapshotInfo
        var unsaved: Bool
        var readOnly: Bool
        /// The transitions other programs added, when the store read them (`refreshChanges`).
        var movedElsewhere: [Transition] = []

        static func read(_ store: any SnapshotStore) throws -> FileState {
            FileState(counts: try store.stageCounts(), info: store.info, unsaved: store.hasUnsavedChanges, readOnly: store.isReadOnly)
        }
    }

    /// A change made: by whom (`verb`), its outcome, the mover's history after it.
    // The mover is handed over once: no other change runs while this one is out.
    /// What a change did, for its status message.
    enum Verb: Sendable { case moved, undone, redone }

    struct ChangeDone: Sendable {
        var outcome: MoveOutcome?
        var mover: StageMover
        var verb: Verb
        var single: String?
        var target: Stage?
        /// The rule whose matches moved (the status names it).
        var rule: String?
        var file: FileState
    }

    mutating func request(_ r: AppRequest) {
        switch r {
        case .startMove(let customers, let label): startMove(customers, label: label)
        case .perform(let plan): perform(plan)
        case .confirmMove(let plan): if !refusedUnwritable() { push(ConfirmScreen(plan)) }
        case .save: save(thenQuit: false)
        case .saveAndQuit: save(thenQuit: true)
        case .saveAs(let name): saveAs(name)
        case .quit: if state.unsaved { push(QuitPromptScreen()) } else { state.shouldQuit = true }
        case .setAsideJournal: setAside()
        case .showFound(let found, let label, let query): showFound(found, label: label, query: query)
        case .export(let job): startExport(job)
        }
    }

    /// A change is being written: say so instead of starting another.
    private mutating func refusedWhileChanging() -> Bool {
        guard isRunning("change") else { return false }
        state.status = StatusMessage(.stStillWriting, kind: .warning)
        return true
    }

    /// The file cannot be changed now: the stale journal's prompt, or the read-only message.
    private mutating func refusedUnwritable() -> Bool {
        if let stale = state.staleJournal {
            push(StaleJournalScreen(stale))
            return true
        }
        guard state.readOnly else { return false }
        state.status = StatusMessage(.moveReadOnly, .text(state.fileLabel), kind: .error)
        return true
    }

    private mutating func startMove(_ customers: [String: String], label: String) {
        guard !refusedUnwritable(), !customers.isEmpty else { return }
        let current = customers.count == 1 ? state.stages.firstIndex { $0.id == customers.first!.value } : nil
        push(StagePickerScreen(MovePlan(customers: customers, label: label, target: current ?? 0)))
    }

    /// Applies the plan through the one domain function; the reply says what happened.
    private mutating func perform(_ plan: MovePlan) {
        guard !refusedWhileChanging() else { return }
        let target = state.stages[plan.target]
        let customers = plan.customers.sorted { $0.key < $1.key }.map { (id: $0.key, seenIn: $0.value) }
        let note = plan.note.isEmpty ? nil : plan.note
        let mover = self.mover, single = plan.customers.count == 1 && plan.rule == nil ? plan.label : nil, rule = plan.rule
        issueApp("change", .inProgress(.prMoving, .count(customers.count))) { env in
            var mover = mover
            let outcome = try mover.move(customers, to: target.id, note: note, in: env.store)
            return ChangeDone(outcome: outcome, mover: mover, verb: .moved, single: single, target: target, rule: rule,
                              file: try .read(env.store))
        }
    }

    /// `u` and `Ctrl-R`: the last action backwards, or the last undone one again.
    mutating func replayHistory(undo: Bool) {
        guard !refusedWhileChanging() else { return }
        let mover = self.mover
        issueApp("change", .inProgress(undo ? .prUndoing : .prRedoing)) { env in
            var mover = mover
            let outcome = try undo ? mover.undo(in: env.store) : mover.redo(in: env.store)
            return ChangeDone(outcome: outcome, mover: mover, verb: undo ? .undone : .redone,
                              file: try .read(env.store))
        }
    }

    private mutating func changed(_ done: ChangeDone) {
        mover = done.mover
        guard let o = done.outcome else {
            state.status = StatusMessage(done.verb == .undone ? .stNothingToUndo : .stNothingToRedo)
            return
        }
        report(o, verb: done.verb, single: done.single, target: done.target, rule: done.rule)
        reloadAfterChange(done.file, moved: o.applied)
    }

    /// After any change (`moved`: the ones made here): counts, every screen (a list's cursor
    /// on the same customer, the journey) and, in the background, the figures.
    mutating func reloadAfterChange(_ file: FileState, moved: [Transition] = []) {
        state.funnel.counts = file.counts
        // `as_of` follows a change (else days in stage would count from before it).
        state.info = file.info
        state.unsaved = file.unsaved
        state.figuresStale = true
        requestPanelFigures()
        for entry in state.stack { onScreen(entry.id) { $0.reloadAfterChange(moved: moved, &$1, &$2) } }
    }

    /// `Moved Anna Müller: Retention → Win-back`, `Moved 12 customers to Win-back`, and
    /// what could not be moved: `1 of 12 not moved: C-1041 was moved to loyalty by ben at …`.
    private mutating func report(_ o: MoveOutcome, verb: Verb, single: String?, target: Stage?, rule: String? = nil) {
        let text = applied(o, verb: verb, single: single, target: target, rule: rule)
        var parts = o.applied.isEmpty ? [] : [text]
        if let there = o.alreadyThere.first {
            parts.append(o.alreadyThere.count == 1 ? there.message : Message(.stAlreadyThereMany, .count(o.alreadyThere.count), .message(there.message)))
        }
        var kind = StatusMessage.Kind.info
        if let first = o.conflicts.first {
            let total = o.applied.count + o.conflicts.count + o.alreadyThere.count
            parts.append(Message(.stNotMoved, .count(o.conflicts.count), .count(total), .message(first.message)))
            kind = .warning
        }
        let joined = parts.dropFirst().reduce(parts.first ?? text) { Message(.stJoined, .message($0), .message($1)) }
        state.status = StatusMessage(joined, kind: kind)
    }

    /// What was done: `Moved Anna Müller: Retention → Win-back`, `Undone: moved back 3 customers`.
    private func applied(_ o: MoveOutcome, verb: Verb, single: String?, target: Stage?, rule: String?) -> Message {
        let stages = state.stages
        let name = { (id: String?) in MessageArgument.text(stages.first { $0.id == id }?.name ?? (id ?? "—")) }
        if let rule, verb == .moved, let t = o.applied.first {
            return Message(.ruleMoved, .text(rule), .count(o.applied.count), name(t.from), name(t.to))
        }
        if let single, let t = o.applied.first {
            let key: MessageKey = verb == .moved ? .stMovedOne : verb == .undone ? .stUndoneOne : .stRedoneOne
            return Message(key, .text(single), name(t.from), name(t.to))
        }
        let n = MessageArgument.count(o.applied.count)
        switch verb {
        case .moved: return Message(.stMovedMany, n, .text(target?.name ?? "—"))
        case .undone: return Message(.stUndoneMany, n)
        case .redone: return Message(.stRedoneMany, n)
        }
    }

    /// Every few ticks: did another program change the file?
    mutating func tick() {
        ticksSinceRefresh += 1
        guard ticksSinceRefresh >= 5, !isRunning("change"), !isRunning("refresh") else { return }
        ticksSinceRefresh = 0
        issueApp("refresh", nil) { env -> FileState? in
            guard let moved = try env.store.refreshChanges() else { return nil }
            var file = try FileState.read(env.store)
            file.movedElsewhere = moved
            return file
        }
    }

    /// The results of the app's effects.
    mutating func receiveApp(_ slot: String, _ result: Result<EffectValue, EffectFailure>) {
        let value: any Sendable
        switch result {
        case .success(let v): value = v.value
        case .failure(let f): return failed(slot, f.error)
        }
        switch value {
        case let done as ChangeDone: changed(done)
        case let report as FunnelReport: showFigures(report)
        case let table as CustomerValueTable:
            state.values = table
            state.valuesError = nil
            state.valuesComputing = false
            attachValues(table)
            requestPanelFigures()
        case let attached as ValuesAttached: valuesAttached(attached)
        case let panel as PanelFigures:
            state.flows = panel.flows
            if let stages = panel.stageValues { state.funnel.values = stages }
        case let diff as Compared: compared(diff)
        case let saved as Saved: self.saved(saved)
        case let file as FileState?:
            guard let file else { return }
            reloadAfterChange(file, moved: file.movedElsewhere)
            if state.status == nil { state.status = StatusMessage(.stUpdated) }
        case let shown as Shown: show(shown)
        case let done as ExportDone: exported(done)
        default: break
        }
    }

    private mutating func failed(_ slot: String, _ error: any Error) {
        switch slot {
        case "figures": figuresFailed(DashboardRunner.figuresFailure(error))
        case "values":
            state.valuesError = DashboardRunner.figuresFailure(error)
            state.valuesComputing = false
        case "save": saveFailed(error)
        case "panel": state.flows = nil   // the panel keeps the figures' inflows
        default:
            let doing: [String: MessageKey] = ["change": .prMovingPlain, "attachValues": .prComputingValues, "refresh": .prCheckingChanges, "show": .prFindingCustomer,
                                          "export": .prExportingPlain]
            state.status = StatusMessage(.stFailed, doing[slot].map { .message(Message($0)) } ?? .text(slot), .error(error), kind: .error)
        }
    }
}
