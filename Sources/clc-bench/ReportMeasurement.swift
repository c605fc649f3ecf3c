import Foundation

/// `clc report FILE --format json`, process start to exit: once with an empty side cache (the
/// full scan of every customer, transition and touchpoint), then again with the side cache that
/// run left (the figures read back). No limit of its own: the scale run shows how it grows.
enum ReportMeasurement {
    static let targets = ["clc report (cold)", "clc report (warm)"]

    static func measure(_ c: BenchContext) throws -> Measured {
        c.progress("report: one cold run, then \(ResultTable.count(c.settings.heavyRuns, "warm run")) of clc report")
        let coldCache = try c.freshDirectory("cache-cold-report")
        defer { try? FileManager.default.removeItem(atPath: coldCache) }
        let cold = try report(c, cache: coldCache)
        var warm: [Double] = []
        for _ in 0..<c.settings.heavyRuns { warm.append(try report(c, cache: coldCache)) }
        return Measured(
            rows: [ResultRow(target: targets[0], unit: .seconds, ours: Samples([cold])),
                   ResultRow(target: targets[1], unit: .seconds, ours: Samples(warm))],
            notes: ["report: `clc report FILE --format json`, process start to exit; cold = empty side cache, warm = the cache it left"])
    }

    /// Wall time of one `clc report`, its output read and dropped.
    private static func report(_ c: BenchContext, cache: String) throws -> Double {
        try ChildProcess.run([c.programs.clc, "report", c.data.sqlite, "--format", "json"],
                             environment: c.environment(cache: cache), stdout: .capture).checked("clc report").seconds
    }
}
