import Foundation

/// Target 1: the real `clc` on a pseudo-terminal of 120×40, from process start to its exit
/// right after the first complete frame (`CLC_EXIT_AFTER_FIRST_FRAME=1`), against `sqlite3`
/// counting the stages of the same file; run by run, interleaved.
enum OpenMeasurement {
    static let targets = ["open→frame (warm)", "open→frame (cold)"]
    static let query = "SELECT stage, count(*) FROM customers GROUP BY stage"

    static func measure(_ c: BenchContext) throws -> Measured {
        let runs = c.settings.runs
        c.progress("open → first frame: \(ResultTable.count(runs, "run")) each of sqlite3, clc (side cache warm), clc (cold)")
        let sqlite3 = try Programs.required(c.programs.sqlite3, "sqlite3")
        func reference() throws -> Double {
            try ChildProcess.run([sqlite3, c.data.sqlite, query], environment: c.environment()).checked("sqlite3").seconds
        }
        func open(cache: String) throws -> Double {
            let env = c.environment(cache: cache, ["TERM": "xterm-256color", "CLC_EXIT_AFTER_FIRST_FRAME": "1"])
            let (run, written) = try Pty.run([c.programs.clc, c.data.sqlite], environment: env, width: 120, height: 40,
                                             timeout: c.settings.openTimeout)
            guard written > 0 else { throw BenchError("clc drew nothing on the terminal") }
            return try run.checked("clc on a terminal").seconds
        }
        // Not counted: brings the file into the page cache for both.
        _ = try reference()
        _ = try open(cache: c.cacheDirectory)
        var ref: [Double] = [], warm: [Double] = [], cold: [Double] = []
        for _ in 0..<runs {
            ref.append(try reference())
            warm.append(try open(cache: c.cacheDirectory))
            let empty = try c.freshDirectory("cache-cold-open")
            defer { try? FileManager.default.removeItem(atPath: empty) }
            cold.append(try open(cache: empty))
        }
        let reference = Samples(ref)
        func row(_ target: String, _ values: [Double]) -> ResultRow {
            ResultRow(target: target, unit: .seconds, ours: Samples(values), reference: "sqlite3",
                      referenceMedian: reference.median, limit: .ratio(1.5))
        }
        return Measured(rows: [row(targets[0], warm), row(targets[1], cold)],
                        notes: ["open: clc on a 120×40 pty, from start to its exit after the first frame; sqlite3 = "
                            + "\"\(query)\" on the same file (p99 \(ResultTable.format(reference.p99, .seconds)))"])
    }
}
