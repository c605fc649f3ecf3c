import LifecycleKit

/// `clc FILE --compare OLD`: the file compared with an older snapshot of it.
public struct Comparison: Sendable {
    /// The older file's name, as the funnel and the list title say it.
    public var label: String
    let old: any SnapshotStore
    /// The comparison (nil until computed; again after every change).
    public var diff: SnapshotDiff?
}

extension Dashboard {
    /// Compares the file with `old` (a pass over each, after the figures, at start and after
    /// every change): a delta beside each funnel bar, and `x` lists the customers changed since.
    public mutating func compare(with old: any SnapshotStore, label: String) {
        state.comparison = Comparison(label: label, old: old)
    }

    /// The comparison's pass, when there is one to make (`comparing with OLD…` in the status
    /// bar while it runs; the next change's request supersedes it, and it stops at its next check).
    mutating func requestComparison() {
        guard let comparison = state.comparison else { return }
        let old = comparison.old
        issueApp("compare", Message.inProgress(.prComparing, .text(comparison.label)), lane: .ownThread) { env in
            let token = env.token
            return try SnapshotDiff.compare(old: old, new: env.store, shouldStop: { token.isCancelled })
        }
    }
}

extension FunnelScreen {
    /// The customers added or moved since the compared file, in a drill-down list.
    func changedSince(_ app: inout AppState, _ commands: inout ScreenCommands) {
        guard let comparison = app.comparison else { return }
        guard let diff = comparison.diff else {
            app.status = StatusMessage(Message.inProgress(.prComparing, .text(comparison.label)))
            return
        }
        let changed = Set((diff.added + diff.moved).map(\.id))
        let list = CustomerListAnalysis(needs: []) { changed.contains($0.id) }
        drillDown(list, title: Message(.uiChangedSince, .text(comparison.label)), &commands, total: app.funnel.customerTotal)
    }
}
