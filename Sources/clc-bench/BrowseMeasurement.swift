import Foundation
import LifecycleKit

/// Targets 2, 3 and 5: the `browse` child's key latencies (handle + render, real store) and
/// its peak memory; re-sorting and filtering against the same ordered page from `sqlite3`.
enum BrowseMeasurement {
    static let navigationTarget = "navigation keys"
    static let sortFilterTarget = "sort/filter keys"
    static let memoryTarget = "browse peak RSS"
    static let targets = [navigationTarget, sortFilterTarget, memoryTarget]
    static let navigationKinds: [KeyKind] = [.funnelMove, .openList, .move, .page, .jump, .switchStage,
                                             .openJourney, .journeyScroll, .journeyOrder, .back]
    static let sortFilterKinds: [KeyKind] = [.sort, .flip, .filterPicker, .filterApply, .filterClear]

    static func measure(_ c: BenchContext) throws -> Measured {
        let s = c.settings
        c.progress("browsing: \(ResultTable.count(s.heavyRuns, "run")) of the key scripts (each at most \(Int(s.scriptBudget)) s) and sqlite3 pages")
        let sqlite3 = try Programs.required(c.programs.sqlite3, "sqlite3")
        var reports: [BrowseReport] = [], memory: [Double] = [], pages: [Double] = []
        for _ in 0..<s.heavyRuns {
            let run = try c.child(["browse", c.data.sqlite, "--tours", "\(s.navigationTours)", "--passes", "\(s.sortPasses)",
                                   "--budget", "\(s.scriptBudget)"])
            let report = try BrowseReport.parse(run, "browse")
            reports.append(report)
            memory.append(run.peakRSS)
            let page = [sqlite3, c.data.sqlite, pageQuery(stage: report.biggestStage)]
            for _ in 0..<3 {
                pages.append(try ChildProcess.run(page, environment: c.environment()).checked("sqlite3").seconds)
            }
        }
        let navigation = merged(reports.map(\.navigation))
        let sortFilter = merged(reports.map(\.sortFilter))
        let page = Samples(pages)
        var rows = [ResultRow(target: navigationTarget, unit: .seconds, ours: all(navigation), limit: .p99(0.016))]
        rows += kindRows(navigation, navigationKinds, limit: .p99(0.016))
        rows.append(ResultRow(target: sortFilterTarget, unit: .seconds, ours: all(sortFilter), reference: "sqlite3",
                              referenceMedian: page.median, limit: .p99(0.2)))
        rows += kindRows(sortFilter, sortFilterKinds, limit: .p99(0.2))
        rows.append(ResultRow(target: memoryTarget, unit: .bytes, ours: Samples(memory), limit: .p99(150e6)))
        let big = reports[0]
        let skipped = reports.map { $0.skippedNavigation + $0.skippedSortFilter }.reduce(0, +)
        return Measured(rows: rows, notes: [
            "keys: \(all(navigation).count) navigation keys, \(all(sortFilter).count) sort/filter keys in stage "
                + "\(big.biggestStage) (\(NumberText.grouped(big.biggestStageCustomers)) customers), \(ResultTable.count(s.heavyRuns, "run"))"
                + (skipped > 0 ? "; \(skipped) keys skipped (script over its time budget)" : ""),
            "sort/filter: sqlite3 = the first page by name, \(pageQuery(stage: big.biggestStage))",
            "browse: list index before the keys: "
                + reports.map { "\($0.index.preparation) in \(ResultTable.format($0.index.seconds, .seconds))" }.joined(separator: ", ")
                + "; then the value table (\(NumberText.grouped(big.values.buyers)) buyers), held while the keys run, loaded in "
                + reports.map { ResultTable.format($0.values.seconds, .seconds) }.joined(separator: ", ")
                + " (the first run computes it with an empty side cache, the next reads the cache): "
                + "browse peak RSS includes it",
        ])
    }

    /// The first page of the stage by name, as the list shows it first.
    static func pageQuery(stage: String) -> String {
        let quoted = "'" + stage.replacingOccurrences(of: "'", with: "''") + "'"
        return "SELECT id FROM customers WHERE stage = \(quoted) ORDER BY name COLLATE NOCASE, id LIMIT 40"
    }

    private static func merged(_ runs: [[String: [Double]]]) -> [String: [Double]] {
        runs.reduce(into: [:]) { all, run in all.merge(run) { $0 + $1 } }
    }

    private static func all(_ timings: [String: [Double]]) -> Samples { Samples(timings.values.flatMap { $0 }) }

    private static func kindRows(_ timings: [String: [Double]], _ kinds: [KeyKind], limit: ResultRow.Limit) -> [ResultRow] {
        kinds.compactMap { kind in
            timings[kind.rawValue].map { ResultRow(target: "  " + kind.rawValue, unit: .seconds, ours: Samples($0), limit: limit) }
        }
    }
}
