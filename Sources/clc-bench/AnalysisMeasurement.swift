import Foundation

/// Issue 13: each touchpoint analysis as a command (process start to exit, `--format json`) on
/// the SQLite snapshot, against `sqlite3` running the reference SQL of `scripts/bench-sql` on
/// the same file; the two take turns going first, run by run. `clc diff` compares the snapshot
/// with a copy in which some customers moved (made once per run of the benchmark). Each clc
/// run computes (the results kept in the side cache are removed first); a last run per
/// analysis is timed with its result kept from the run before (`kept` rows).
enum AnalysisMeasurement {
    static let computed = ["clc attribution", "clc flows", "clc cohorts", "clc diff"]
    static let targets = computed + computed.map { $0 + " (kept)" }
    /// The stage credited (the generated snapshots' first order).
    static let stage = "conversion"
    /// Customers moved in the copy `clc diff` compares with (every this-many-th customer).
    static let moveEvery = 50

    /// One analysis: the clc arguments after the program, and sqlite3's after the program.
    private struct Case {
        var target: String
        var clc: [String]
        var sqlite3: [String]
    }

    static func measure(_ c: BenchContext) throws -> Measured {
        let sqlite3 = try Programs.required(c.programs.sqlite3, "sqlite3")
        let runs = c.settings.heavyRuns
        c.progress("analyses: copying the snapshot with moves, then \(ResultTable.count(runs, "run")) of each command and its SQL")
        let moved = try movedCopy(c)
        defer { try? FileManager.default.removeItem(atPath: moved) }
        let cases = try self.cases(c, moved: moved)
        var rows: [ResultRow] = []
        var kept: [ResultRow] = []
        for item in cases {
            var ours: [Double] = [], theirs: [Double] = []
            for run in 0..<runs {
                let clc = {
                    forgetKeptResults(c)
                    ours.append(try timed([c.programs.clc] + item.clc, c, item.target))
                }
                let sql = { theirs.append(try timed([sqlite3] + item.sqlite3, c, "sqlite3 (\(item.target))")) }
                if run % 2 == 0 { try clc(); try sql() } else { try sql(); try clc() }
            }
            let again = try timed([c.programs.clc] + item.clc, c, item.target + " (kept)")
            rows.append(ResultRow(target: item.target, unit: .seconds, ours: Samples(ours), reference: "sqlite3",
                                  referenceMedian: Samples(theirs).median, limit: .ratio(0.5)))
            kept.append(ResultRow(target: item.target + " (kept)", unit: .seconds, ours: Samples([again]), reference: "sqlite3",
                                  referenceMedian: Samples(theirs).median, limit: .ratio(0.5)))
        }
        rows += kept
        return Measured(rows: rows, notes: [
            "analyses: clc = `clc attribution FILE --stage \(stage) --model last --by channel`, `clc flows FILE`, "
                + "`clc cohorts FILE`, `clc diff FILE COPY` (COPY: every \(moveEvery)th customer moved to another stage), "
                + "--format json, process start to exit, each computing (kept results removed first); sqlite3 = the SQL "
                + "of scripts/bench-sql on the same files; (kept): one more run answered from the result the run before kept",
        ])
    }

    private static func cases(_ c: BenchContext, moved: String) throws -> [Case] {
        let sql = ModelMeasurement.repository(c.programs.bench) + "/scripts/bench-sql/"
        let attribution = c.workDirectory + "/attribution.sql"
        let text = try String(contentsOfFile: sql + "attribution-last-channel.sql", encoding: .utf8)
        try text.replacingOccurrences(of: "'purchase' AS stage", with: "'\(stage)' AS stage")
            .write(toFile: attribution, atomically: true, encoding: .utf8)
        let file = c.data.sqlite, json = ["--format", "json"]
        return [
            Case(target: computed[0], clc: ["attribution", file, "--stage", stage, "--model", "last", "--by", "channel"] + json,
                 sqlite3: ["-bail", file, ".read \(attribution)"]),
            Case(target: computed[1], clc: ["flows", file] + json, sqlite3: ["-bail", file, ".read \(sql)flows.sql"]),
            Case(target: computed[2], clc: ["cohorts", file] + json, sqlite3: ["-bail", file, ".read \(sql)cohorts-purchase.sql"]),
            Case(target: computed[3], clc: ["diff", file, moved] + json,
                 sqlite3: ["-bail", moved, "-cmd", "ATTACH '\(file)' AS old", ".read \(sql)diff.sql"]),
        ]
    }

    /// Removes the analysis results kept in the children's side cache, so the next run computes.
    static func forgetKeptResults(_ c: BenchContext) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: c.cacheDirectory)) ?? []
        for name in names where name.contains(".clc-analysis-") {
            try? FileManager.default.removeItem(atPath: c.cacheDirectory + "/" + name)
        }
    }

    /// Wall time of one run, its output read and dropped; throws when it failed.
    private static func timed(_ argv: [String], _ c: BenchContext, _ what: String) throws -> Double {
        try ChildProcess.run(argv, environment: c.environment(), stdout: .capture).checked(what).seconds
    }

    /// A copy of the snapshot in which every `moveEvery`th customer is in the next stage of the funnel.
    private static func movedCopy(_ c: BenchContext) throws -> String {
        let copy = c.workDirectory + "/diff-" + (c.data.sqlite as NSString).lastPathComponent
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: c.data.sqlite, toPath: copy)
        let db = try RawSQLite(copy, readOnly: false)
        try db.execute("""
            UPDATE customers SET stage = (SELECT COALESCE(
                (SELECT n.id FROM stages s JOIN stages n ON n.position > s.position WHERE s.id = customers.stage ORDER BY n.position LIMIT 1),
                (SELECT id FROM stages ORDER BY position LIMIT 1)))
            WHERE rowid % \(moveEvery) = 0
            """)
        return copy
    }
}
