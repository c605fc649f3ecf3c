import Foundation
import LifecycleKit
import LifecycleTUI

/// The `analysis-keys` child: the dashboard on the snapshot with its effects on the real
/// `ThreadedEffectRunner`; from the funnel each analysis screen is opened (attribution, flows,
/// cohorts: the key starts its computation, as a user's would) and, while it computes, its
/// navigation keys are pressed one every 50 ms, each key's update and frame timed, and the
/// frames of arriving progress and results too. Then the result must be on the screen.
enum AnalysisKeysChild {
    static let screens: [(key: Character, context: KeyContext, name: String)] = [
        ("t", .attribution, "attribution"), ("f", .flows, "flows"), ("c", .cohorts, "cohorts"),
    ]

    static func run(path: String, limit: Int) throws -> AnalysisKeysReport {
        let store = try SnapshotFile.open(path)
        _ = try ListIndex.prepare(store)
        let counts = try store.stageCounts()
        var app = try Dashboard(store: store, width: 120, height: 40, fileLabel: (path as NSString).lastPathComponent,
                                user: "clc-bench", stageCounts: counts)
        let runner = ThreadedEffectRunner(store: store)
        defer { runner.finish(timeout: 10) }
        var report = AnalysisKeysReport()
        for screen in screens {
            var keys = KeyRunner()
            let (open, navigation, back) = KeyScript.analysis(screen.key, screen.context)
            let cycle = (0..<limit).map { navigation[$0 % navigation.count] }
            let seconds = try keys.runDuringEffect(open, keys: cycle, on: &app, runner: runner, interval: 0.05, limit: limit)
            report.keys[screen.name] = keys.timings.values.flatMap { $0 }
            report.resultFrames[screen.name] = keys.resultFrames
            report.slowestResultFrame[screen.name] = keys.slowestResultFrame
            report.seconds[screen.name] = seconds
            report.shown[screen.name] = shown(app)
            var leave = KeyRunner()
            _ = try leave.runDuringEffect(back, keys: [], on: &app, runner: runner, interval: 0, limit: 0)
        }
        return report
    }

    /// What the analysis screen on top shows once its result arrived ("" when none did).
    private static func shown(_ app: Dashboard) -> String {
        let lines = RootView.render(app.state).lines.joined(separator: "\n")
        switch app.state.top {
        case let a as AttributionScreen:
            guard a.result != nil, let first = a.rows.first, lines.contains(first.key) else { return "" }
            return "\(a.rows.count) rows, first \(first.key)"
        case let f as FlowsScreen:
            guard let result = f.result else { return "" }
            return "\(result.rows.count) cells"
        case let c as CohortsScreen:
            guard let result = c.result else { return "" }
            return "\(result.rows.count) cohorts"
        default: return ""
        }
    }
}

/// The `analysis-keys` child, per analysis: the key frames while it computed, the frames of
/// its progress and result, its time (seconds) and what the screen showed once done.
struct AnalysisKeysReport: ChildReport {
    var keys: [String: [Double]] = [:]
    var resultFrames: [String: [Double]] = [:]
    var slowestResultFrame: [String: String] = [:]
    var seconds: [String: Double] = [:]
    var shown: [String: String] = [:]
}
