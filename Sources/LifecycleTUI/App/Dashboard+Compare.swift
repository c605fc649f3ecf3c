import LifecycleKit

/// `clc FILE --compare OLD`: the file compared with an older snapshot of it.
public struct Comparison: Sendable {
    /// The older file's name, as the funnel and the list title say it.
    public var label: String
    let old: any SnapshotStore
    /// The comparison (nil until computed; again after every change).
    public var diff: SnapshotDiff?
    /// The filter picker's "since OLD" entries, made with `diff` (empty until then).
    public var choices: [ChangeFilterChoice] = []
}

/// A comparison's result: the diff and the id sets of its filter entries, made off the input thread.
struct Compared: Sendable {
    var diff: SnapshotDiff
    var choices: [ChangeFilterChoice]
}

extension Dashboard {
    /// Compares the file with `old` (a pass over each, after the figures, at start and after
    /// every change): a delta beside each funnel bar, `x` lists the customers changed since,
    /// and the lists' filter picker offers "changed / moved in / added since OLD".
    public mutating func compare(with old: any SnapshotStore, label: String) {
        state.comparison = Comparison(label: label, old: old)
    }

    /// The comparison's pass, when there is one to make (`comparing with OLD…` in the status
    /// bar while it runs; the next change's request supersedes it, and it stops at its next check).
    mutating func requestComparison() {
        guard let comparison = state.comparison else { return }
        let old = comparison.old, label = comparison.label
        issueApp("compare", Message.inProgress(.prComparing, .text(label)), lane: .ownThread) { env in
            let token = env.token
            let diff = try SnapshotDiff.compare(old: old, new: env.store, shouldStop: { token.isCancelled })
            return Compared(diff: diff, choices: ChangeFilterChoice.all(diff, label: label))
        }
    }

    /// A new comparison (after a change): lists filtered by one of its entries get the new
    /// id set and reload.
    mutating func compared(_ compared: Compared) {
        state.comparison?.diff = compared.diff
        state.comparison?.choices = compared.choices
        for entry in state.stack {
            onScreen(entry.id) { screen, app, commands in
                guard var list = screen as? StageListScreen else { return }
                list.renewIDFilter(compared.choices, &app, &commands)
                screen = list
            }
        }
    }
}

extension FunnelScreen {
    /// The customers added or moved since the compared file, in a drill-down list.
    func changedSince(_ app: inout AppState, _ commands: inout ScreenCommands) {
        guard let comparison = app.comparison else { return }
        guard let changed = comparison.choices.first(where: { $0.kind == .changed })?.ids else {
            app.status = StatusMessage(Message.inProgress(.prComparing, .text(comparison.label)))
            return
        }
        let list = CustomerListAnalysis(needs: []) { changed.contains($0.id) }
        drillDown(list, title: Message(.uiChangedSince, .text(comparison.label)), &commands, total: app.funnel.customerTotal)
    }
}
