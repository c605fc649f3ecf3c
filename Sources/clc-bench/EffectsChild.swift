import Foundation
import LifecycleKit
import LifecycleTUI

/// The `effects` child: keys with their store work off the input thread, as the dashboard
/// runs them. With `delay`, the store answers each call that many seconds late (a store
/// behind a slow network) and the effects tour is pressed; with `markThenMove`, `*` in the
/// biggest stage and `j` at once on the store as it is. Each screen, once its results are
/// in, is compared with the same keys done at once.
enum EffectsChild {
    static func run(path: String, delay: Double, markThenMove: Bool) throws -> EffectsReport {
        let base = try SnapshotFile.open(path)
        _ = try ListIndex.prepare(base)
        let counts = try base.stageCounts()
        let big = counts.indices.max { counts[$0] < counts[$1] } ?? 0
        let store: any SnapshotStore = delay > 0 ? DelayingStore(wrapping: base, delay: delay) : base
        let label = (path as NSString).lastPathComponent
        var app = try Dashboard(store: store, width: 120, height: 40, fileLabel: label, user: "clc-bench", stageCounts: counts)
        var reference = try Dashboard(store: base, width: 120, height: 40, fileLabel: label, user: "clc-bench", stageCounts: counts)
        let runner = ThreadedEffectRunner(store: store)
        defer { runner.finish(timeout: 10) }
        var keys = KeyRunner()
        let script = markThenMove ? KeyScript.markThenMove(big: big) : KeyScript.effectsTour(big: big)
        try keys.runWithEffects(script, on: &app, runner: runner, reference: &reference)
        return EffectsReport(biggestStage: base.stages[big].id, biggestStageCustomers: counts[big], keys: keys.timings,
                             resultFrames: keys.resultFrames, slowestResultFrame: keys.slowestResultFrame,
                             mismatches: keys.mismatches)
    }
}

/// The `effects` child: key frames by kind and the frames of arriving results (seconds), and
/// the keys whose screen was wrong once the results were in.
struct EffectsReport: ChildReport {
    var biggestStage: String
    var biggestStageCustomers: Int
    var keys: [String: [Double]]
    var resultFrames: [Double]
    var slowestResultFrame: String
    var mismatches: [String]
}
