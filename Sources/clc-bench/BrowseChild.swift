import Foundation
import LifecycleKit
import LifecycleTUI

/// The `browse` child: the dashboard as a user meets it, without a terminal. Opens the
/// store, prepares its list index, computes the figures on a background thread meanwhile
/// (as the dashboard does, so memory and CPU are as in real use), loads every customer's
/// value figures (`valueTable()`, kept until the end), then presses the
/// navigation script and the sort/filter script, each on a fresh dashboard of 120×40.
enum BrowseChild {
    static func run(path: String, tours: Int, passes: Int, budget: Double) throws -> BrowseReport {
        let store = try SnapshotFile.open(path)
        let index = try ListIndex.prepare(store)
        startFigures(store)
        // Every customer's value figures, as the dashboard loads them at start (computed, or
        // from the side cache), kept for the whole browse: the memory row includes them.
        let (values, valueSeconds) = try Monotonic.time { try store.valueTable() }
        let counts = try store.stageCounts()
        let big = counts.indices.max { counts[$0] < counts[$1] } ?? 0
        func dashboard() throws -> Dashboard {
            try Dashboard(store: store, width: 120, height: 40, fileLabel: (path as NSString).lastPathComponent, user: "clc-bench")
        }
        var navigation = KeyRunner()
        var app = try dashboard()
        try navigation.run(KeyScript.navigation(big: big, stageCount: counts.count, tours: tours), on: &app, budget: budget)
        var sortFilter = KeyRunner()
        app = try dashboard()
        let sorting = KeyScript.sortAndFilter(big: big, sortColumns: StageListState.sortCycle.count, passes: passes)
        try sortFilter.run(sorting, on: &app, budget: budget)
        withExtendedLifetime(values) {}
        return BrowseReport(index: index, values: ValuesReport(buyers: values.count, seconds: valueSeconds),
                            biggestStage: store.stages[big].id, biggestStageCustomers: counts[big],
                            navigation: navigation.timings, sortFilter: sortFilter.timings,
                            skippedNavigation: navigation.skipped, skippedSortFilter: sortFilter.skipped)
    }

    /// The full-scan figures, on a background thread as the dashboard's; the result is not needed.
    private static func startFigures(_ store: any SnapshotStore) {
        BackgroundThread.start { _ = try? store.funnelReport() }
    }
}
