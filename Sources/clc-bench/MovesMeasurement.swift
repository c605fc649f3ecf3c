import Foundation

/// Target 6: single-customer stage changes through the app (commit included) on a copy of
/// the SQLite snapshot, against the same SQL through the C API on the same copy; the two
/// take turns going first, run by run.
enum MovesMeasurement {
    static let targets = ["stage change"]

    static func measure(_ c: BenchContext) throws -> Measured {
        let s = c.settings
        c.progress("stage changes: copying the snapshot, then \(ResultTable.count(s.heavyRuns, "run")) of \(s.moves) moves, app and C API")
        let copy = c.workDirectory + "/moves-" + (c.data.sqlite as NSString).lastPathComponent
        try copyDurably(c.data.sqlite, to: copy)
        let cache = try c.freshDirectory("cache-moves")
        defer {
            for path in [copy, copy + "-journal", cache] { try? FileManager.default.removeItem(atPath: path) }
        }
        var ours: [Double] = [], reference: [Double] = [], indexes: [IndexReport] = []
        for run in 0..<s.heavyRuns {
            let app = { () throws -> Void in
                let report = try MovesReport.parse(try c.child(["moves", copy, "--count", "\(s.moves)", "--seed", "\(run + 1)"], cache: cache), "moves")
                ours += report.seconds
                if let index = report.index { indexes.append(index) }
            }
            let api = { () throws -> Void in
                let args = ["moves", copy, "--count", "\(s.moves)", "--seed", "\(1000 + run)", "--reference"]
                reference += try MovesReport.parse(try c.child(args, cache: cache), "moves --reference").seconds
            }
            if run % 2 == 0 { try app(); try api() } else { try api(); try app() }
        }
        let ref = Samples(reference)
        let prepared = indexes.map { "\($0.preparation) in \(ResultTable.format($0.seconds, .seconds))" }.joined(separator: ", ")
        return Measured(
            rows: [ResultRow(target: targets[0], unit: .seconds, ours: Samples(ours), reference: "C API",
                             referenceMedian: ref.median, limit: .p99(0.010))],
            notes: ["stage change: \(ours.count) single-customer moves through StageMover, commit included; C API = the "
                    + "same SQL with synchronous=FULL (p99 \(ResultTable.format(ref.p99, .seconds))); list index before: \(prepared)"])
    }

    /// Copies `source` and syncs the copy, so that its write-back does not slow the commits measured.
    static func copyDurably(_ source: String, to copy: String) throws {
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: source, toPath: copy)
        let fd = open(copy, O_RDONLY)
        guard fd >= 0 else { throw BenchError.posix("open \(copy)") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw BenchError.posix("fsync \(copy)") }
    }
}
