import Foundation
import LifecycleKit

/// Issue 13: keys stay within 16 ms p99 while an analysis runs. The real dashboard on the
/// SQLite snapshot (`AnalysisKeysChild`): each analysis screen opened from the funnel, which
/// starts its computation (nothing kept: the kept results are removed first), and its keys
/// pressed one every 50 ms until the result is in; then the result must be on the screen.
enum AnalysisKeysMeasurement {
    static let targets = AnalysisKeysChild.screens.map { "keys during \($0.name)" }

    static func measure(_ c: BenchContext) throws -> Measured {
        let runs = c.settings.heavyRuns
        c.progress("analysis keys: \(ResultTable.count(runs, "run")) of each analysis screen with keys pressed while it computes")
        var reports: [AnalysisKeysReport] = []
        for _ in 0..<runs {
            AnalysisMeasurement.forgetKeptResults(c)
            reports.append(try AnalysisKeysReport.parse(try c.child(["analysis-keys", c.data.sqlite]), "analysis-keys"))
        }
        var rows: [ResultRow] = [], notes: [String] = []
        for screen in AnalysisKeysChild.screens {
            let name = screen.name
            let missing = reports.filter { ($0.shown[name] ?? "").isEmpty }
            guard missing.isEmpty else { throw BenchError("\(name): no result on the screen once its computation ended") }
            let keys = Samples(reports.flatMap { $0.keys[name] ?? [] })
            let frames = Samples(reports.flatMap { $0.resultFrames[name] ?? [] })
            let seconds = reports.compactMap { $0.seconds[name] }
            rows.append(ResultRow(target: "keys during \(name)", unit: .seconds, ours: keys, limit: .p99(0.016)))
            notes.append("keys during \(name): \(keys.count) key frames while it computed (\(seconds.map { String(format: "%.1f s", $0) }.joined(separator: ", "))), "
                + "p99 \(ms(keys.p99)), max \(ms(keys.max)); \(frames.count) frames as progress and the result arrived, "
                + "p99 \(ms(frames.p99)), max \(ms(frames.max)) (\(reports.last?.slowestResultFrame[name] ?? "")); shown: "
                + (reports.last?.shown[name] ?? ""))
        }
        return Measured(rows: rows, notes: notes)
    }

    private static func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
}
