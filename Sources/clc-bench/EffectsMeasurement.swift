import Foundation
import LifecycleKit

/// Issue 11: update never waits for the store. The effects tour on the SQLite snapshot behind
/// a store that sleeps 200 ms per call (every key's frame within 16 ms, the screen right once
/// the results are in), and `j` pressed right after `*` in the biggest stage (its frame
/// within 16 ms while every customer is being marked). No reference: the limit is absolute.
enum EffectsMeasurement {
    static let slowStoreTarget = "keys, 200 ms store"
    static let markThenMoveTarget = "j right after *"
    static let targets = [slowStoreTarget, markThenMoveTarget]
    static let delayMs = 200

    static func measure(_ c: BenchContext) throws -> Measured {
        let runs = c.settings.heavyRuns
        c.progress("effects: \(ResultTable.count(runs, "run")) of the key tour on a \(delayMs) ms store, and of * then j")
        var tours: [EffectsReport] = [], marks: [EffectsReport] = []
        for _ in 0..<runs {
            tours.append(try EffectsReport.parse(try c.child(["effects", c.data.sqlite, "--delay-ms", "\(delayMs)"]), "effects"))
            marks.append(try EffectsReport.parse(try c.child(["effects", c.data.sqlite, "--mark-then-move"]), "effects"))
        }
        let keys = Samples(tours.flatMap { $0.keys.values.flatMap { $0 } })
        let results = Samples(tours.flatMap(\.resultFrames))
        let j = Samples(marks.flatMap { $0.keys[KeyKind.move.rawValue] ?? [] })
        let star = Samples(marks.flatMap { $0.keys[KeyKind.markAll.rawValue] ?? [] })
        let wrong = (tours + marks).flatMap(\.mismatches)
        guard wrong.isEmpty else { throw BenchError("screens wrong once the results were in, after \(wrong.joined(separator: ", "))") }
        let big = marks[0]
        let slowest = tours.max { ($0.resultFrames.max() ?? 0) < ($1.resultFrames.max() ?? 0) }?.slowestResultFrame ?? ""
        return Measured(rows: [
            ResultRow(target: slowStoreTarget, unit: .seconds, ours: keys, limit: .p99(0.016)),
            ResultRow(target: markThenMoveTarget, unit: .seconds, ours: j, limit: .p99(0.016)),
        ], notes: [
            "keys, \(delayMs) ms store: \(keys.count) key frames (open a list, j/k, search, *, sort, journey, back) "
                + "p99 \(ms(keys.p99)), max \(ms(keys.max)); \(results.count) frames as results and progress arrived "
                + "(looked for every 10 ms), p99 \(ms(results.p99)), max \(ms(results.max)) (\(slowest)); "
                + "every screen right once its results were in",
            "j right after *: * in \(big.biggestStage) (\(NumberText.grouped(big.biggestStageCustomers)) customers): "
                + "* frame max \(ms(star.max)), j frame max \(ms(j.max)); the screen right once every customer was marked",
        ])
    }

    private static func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
}
