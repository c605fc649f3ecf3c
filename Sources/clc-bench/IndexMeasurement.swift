import Foundation

/// The store's list index (`prepareListIndex()`): one build with an empty side cache, and
/// loads from the kept one, and the cold build's peak memory. No limit of its own: it tells
/// what the browsing rows stand on.
enum IndexMeasurement {
    static let targets = ["list index (cold)", "list index (warm)", "list index (cold) peak RSS"]

    static func measure(_ c: BenchContext) throws -> Measured {
        c.progress("list index: a cold build, then \(ResultTable.count(c.settings.heavyRuns, "warm load"))")
        let coldCache = try c.freshDirectory("cache-cold")
        defer { try? FileManager.default.removeItem(atPath: coldCache) }
        let coldRun = try c.child(["prepare", c.data.sqlite], cache: coldCache)
        let cold = try IndexReport.parse(coldRun, "prepare (cold)")
        _ = try IndexReport.parse(try c.child(["prepare", c.data.sqlite]), "prepare")  // fills the kept cache
        var warm: [IndexReport] = []
        for _ in 0..<c.settings.heavyRuns {
            warm.append(try IndexReport.parse(try c.child(["prepare", c.data.sqlite]), "prepare (warm)"))
        }
        let kinds = Set(warm.map(\.preparation)).sorted().joined(separator: "/")
        return Measured(
            rows: [ResultRow(target: targets[0], unit: .seconds, ours: Samples([cold.seconds])),
                   ResultRow(target: targets[1], unit: .seconds, ours: Samples(warm.map(\.seconds))),
                   ResultRow(target: targets[2], unit: .bytes, ours: Samples([coldRun.peakRSS]))],
            notes: ["list index: prepareListIndex() said \(cold.preparation) with an empty side cache (peak RSS "
                    + "\(ResultTable.format(coldRun.peakRSS, .bytes))), \(kinds) with the kept one"])
    }
}
