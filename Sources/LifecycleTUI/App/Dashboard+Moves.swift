import Foundation
import LifecycleKit

/// Moving customers between stages: the picker, the note, the confirmation, undo and redo.
/// Every change goes through `StageMover`, so each one is recorded as a transition.
extension Dashboard {
    /// `m`: the marked customers of the list, else the selected one, else the journey's.
    mutating func startMove() {
        if let stale = store.staleJournal {
            state.overlay = .staleJournal(stale)
            return
        }
        if state.readOnly {
            state.status = StatusMessage("\(state.fileLabel) is read-only: stages cannot be changed", kind: .error)
            return
        }
        var customers: [String: String] = [:]
        var label = ""
        switch state.screen {
        case .stageList(let list):
            if !list.marked.isEmpty {
                customers = list.marked
                label = "\(NumberText.grouped(list.marked.count)) marked customers"
            } else if let row = list.row(at: list.cursor) {
                customers = [row.customer.id: row.customer.stage]
                label = row.customer.name
            }
        case .journey(let journey):
            customers = [journey.customer.id: journey.customer.stage]
            label = journey.customer.name
        case .funnel:
            return
        }
        guard !customers.isEmpty else { return }
        let current = customers.count == 1 ? state.stages.firstIndex { $0.id == customers.first!.value } : nil
        state.overlay = .stagePicker(MovePlan(customers: customers, label: label, target: current ?? 0))
    }

    mutating func handleStagePicker(_ action: Action, key: Key, _ plan: MovePlan) {
        var p = plan
        switch action {
        case .back:
            state.overlay = nil
            return
        case .down: p.target = min(state.stages.count - 1, p.target + 1)
        case .up: p.target = max(0, p.target - 1)
        case .top: p.target = 0
        case .bottom: p.target = state.stages.count - 1
        case .pickDigit:
            if case .char(let c) = key, let d = c.wholeNumberValue, d >= 1, d <= state.stages.count { p.target = d - 1 }
        case .open:
            state.overlay = nil
            if p.customers.count == 1, p.customers.first?.value == state.stages[p.target].id {
                state.status = StatusMessage("\(SafeText.visible(p.label)) is already in \(state.stages[p.target].name)")
                return
            }
            state.noteInput = p
            return
        default: break
        }
        state.overlay = .stagePicker(p)
    }

    /// Typing the optional note; Enter moves (after a confirmation for several), Esc cancels.
    mutating func handleNoteInput(_ key: Key) {
        guard var plan = state.noteInput else { return }
        switch key {
        case .escape:
            state.noteInput = nil
            state.status = StatusMessage("nothing moved")
        case .enter:
            state.noteInput = nil
            if plan.customers.count > 1 { state.overlay = .confirm(plan) } else { perform(plan) }
        case .backspace:
            if !plan.note.isEmpty { plan.note.removeLast() }
            state.noteInput = plan
        case .char(let c):
            plan.note.append(c)
            state.noteInput = plan
        default:
            break
        }
    }

    /// Applies the plan through the one domain function and says what happened.
    mutating func perform(_ plan: MovePlan) {
        let target = state.stages[plan.target]
        let customers = plan.customers.sorted { $0.key < $1.key }.map { (id: $0.key, seenIn: $0.value) }
        let note = plan.note.isEmpty ? nil : plan.note
        var mover = self.mover
        let outcome = attempt("moving") { try mover.move(customers, to: target.id, note: note, in: $0) }
        self.mover = mover
        guard let outcome else { return }
        if case .stageList(var list) = state.screen {
            for t in outcome.applied { list.marked[t.customerID] = nil }
            state.screen = .stageList(list)
        }
        report(outcome, verb: "Moved", single: plan.customers.count == 1 ? plan.label : nil, target: target)
        reloadAfterChange(moved: outcome.applied)
    }

    mutating func undo() { replayHistory(undo: true) }

    mutating func redo() { replayHistory(undo: false) }

    /// `u` and `Ctrl-R`: the last action backwards, or the last undone one again.
    private mutating func replayHistory(undo: Bool) {
        var mover = self.mover
        let outcome = attempt(undo ? "undoing" : "redoing") { store in
            try undo ? mover.undo(in: store) : mover.redo(in: store)
        }
        self.mover = mover
        guard let done = outcome else { return }
        guard let o = done else {
            state.status = StatusMessage(undo ? "nothing to undo" : "nothing to redo")
            return
        }
        report(o, verb: undo ? "Undone: moved back" : "Redone: moved", single: nil, target: nil)
        reloadAfterChange(moved: o.applied)
    }

    mutating func save() {
        guard store.hasUnsavedChanges else {
            state.status = StatusMessage(state.readOnly ? "\(state.fileLabel) is read-only" : "nothing to save: every change is in the file")
            return
        }
        do {
            try store.save()
            state.unsaved = store.hasUnsavedChanges
            state.status = StatusMessage("Saved \(state.fileLabel)")
        } catch let error as MoveError where error.reason == .changedOnDisk {
            // Never overwrite someone else's version: offer a new name beside it.
            state.saveAsInput = Self.suggestedCopyName(store.path)
            state.status = StatusMessage("\(state.fileLabel) changed on disk since it was opened: save under another name", kind: .warning)
        } catch {
            state.status = StatusMessage("saving failed: \(error)", kind: .error)
        }
    }

    /// `shop.json` → `shop-2.json` (the first name not taken).
    static func suggestedCopyName(_ path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let base = url.deletingPathExtension().path, ext = url.pathExtension
        var n = 2
        while FileManager.default.fileExists(atPath: "\(base)-\(n).\(ext)") { n += 1 }
        return "\(base)-\(n).\(ext)"
    }

    /// Typing the name to save under; Enter saves, Esc cancels (the changes stay in the journal).
    mutating func handleSaveAsInput(_ key: Key) {
        guard var name = state.saveAsInput else { return }
        switch key {
        case .escape:
            state.saveAsInput = nil
            state.status = StatusMessage("not saved: the changes stay in the journal", kind: .warning)
        case .backspace:
            if !name.isEmpty { name.removeLast() }
            state.saveAsInput = name
        case .char(let c):
            name.append(c)
            state.saveAsInput = name
        case .enter:
            guard !name.isEmpty else { return }
            guard !FileManager.default.fileExists(atPath: name) else {
                state.status = StatusMessage("\(name) exists: choose another name", kind: .warning)
                return
            }
            state.saveAsInput = nil
            let original = state.fileLabel
            if attempt("saving", { try $0.save(to: name) }) != nil {
                // The store continues on the new file; the original stays as it is on disk.
                state.fileLabel = (store.path as NSString).lastPathComponent
                state.unsaved = store.hasUnsavedChanges
                state.status = StatusMessage("Saved as \(state.fileLabel), now open; \(original) unchanged")
            }
        default:
            break
        }
    }

    /// The prompt about a journal that cannot be replayed: `s` sets it aside, Esc browses
    /// read-only, `q` quits; nothing is changed unless `s`.
    mutating func handleStaleJournalPrompt(_ action: Action) {
        switch action {
        case .setAside:
            state.overlay = nil
            do {
                let name = (try store.setAsideStaleJournal() as NSString).lastPathComponent
                state.readOnly = store.isReadOnly
                state.status = StatusMessage("Journal set aside as \(name); \(state.fileLabel) is as it is on disk")
            } catch {
                state.status = StatusMessage("setting the journal aside failed: \(error)", kind: .error)
            }
        case .back:
            state.overlay = nil
            state.status = StatusMessage("read-only while the journal is there (m offers to set it aside)", kind: .warning)
        case .quit:
            state.overlay = nil
            state.shouldQuit = true
        default:
            break
        }
    }

    mutating func handleQuitPrompt(_ action: Action) {
        state.overlay = nil
        switch action {
        case .save:
            save()
            if !store.hasUnsavedChanges { state.shouldQuit = true }
        case .quit: state.shouldQuit = true
        default: break
        }
    }

    /// `Moved Anna Müller: Retention → Win-back`, `Moved 12 customers to Win-back`, and
    /// what could not be moved: `1 of 12 not moved: C-1041 was moved to loyalty by ben at …`.
    private mutating func report(_ o: MoveOutcome, verb: String, single: String?, target: Stage?) {
        let stages = state.stages
        let name = { (id: String?) in stages.first { $0.id == id }?.name ?? (id ?? "—") }
        var text: String
        if let single, let t = o.applied.first {
            text = "\(verb) \(single): \(name(t.from)) → \(name(t.to))"
        } else if let target {
            text = "\(verb) \(NumberText.grouped(o.applied.count)) customer\(o.applied.count == 1 ? "" : "s") to \(target.name)"
        } else {
            text = "\(verb) \(NumberText.grouped(o.applied.count)) customer\(o.applied.count == 1 ? "" : "s")"
        }
        var parts = o.applied.isEmpty ? [] : [text]
        if let there = o.alreadyThere.first {
            parts.append(o.alreadyThere.count == 1 ? "\(there)" : "\(NumberText.grouped(o.alreadyThere.count)) already there: \(there)")
        }
        var kind = StatusMessage.Kind.info
        if let first = o.conflicts.first {
            let total = o.applied.count + o.conflicts.count + o.alreadyThere.count
            parts.append("\(o.conflicts.count) of \(total) not moved: \(first)")
            kind = .warning
        }
        text = parts.isEmpty ? text : parts.joined(separator: " · ")
        state.status = StatusMessage(text, kind: kind)
    }

    /// After any change (`moved`: the ones made here): counts, the list (its cursor on the same
    /// customer), the journey and (in the background) the figures.
    mutating func reloadAfterChange(moved: [Transition] = []) {
        if let counts = attempt("counting", { try $0.stageCounts() }) { state.funnel.counts = counts }
        // `as_of` follows a change (else days in stage would count from before it).
        state.info = store.info
        state.figuresStale = true
        state.unsaved = store.hasUnsavedChanges
        for i in state.stack.indices {
            switch state.stack[i] {
            case .funnel: break
            case .stageList(var list):
                let anchor = CursorAnchor(list, stage: state.stages[list.stageIndex].id, moved: moved)
                reload(&list)
                follow(anchor, in: &list)
                state.stack[i] = .stageList(list)
            case .journey(let journey):
                let id = journey.customer.id
                if let fresh = attempt("reloading the journey", { store -> JourneyState? in
                    guard let c = try store.customer(id: id) else { return nil }
                    return JourneyState(customer: c, transitions: try store.transitions(ofCustomer: id), touchpoints: try store.touchpoints(ofCustomer: id))
                }), var updated = fresh {
                    updated.newestFirst = journey.newestFirst
                    updated.scroll = journey.scroll
                    state.stack[i] = .journey(updated)
                }
            }
        }
    }
}
