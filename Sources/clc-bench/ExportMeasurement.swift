import Foundation

/// Issue 14: `clc export` of every customer of the 1M-customer SQLite snapshot (columns id,
/// name, email, stage; stage by stage in funnel order, by id) to a file, process start to
/// exit, against `sqlite3 -csv` writing the same columns in the same order. Without sqlite3
/// only ours is shown.
enum ExportMeasurement {
    static let targets = ["export 1M rows CSV"]

    static func measure(_ c: BenchContext) throws -> Measured {
        let runs = c.settings.heavyRuns
        c.progress("export: \(ResultTable.count(runs, "run")) each of sqlite3 -csv and clc export")
        let ours = c.workDirectory + "/export.csv", theirs = c.workDirectory + "/sqlite3-export.csv"
        let query = "SELECT c.id, c.name, c.email, c.stage FROM customers c JOIN stages s ON s.id = c.stage ORDER BY s.position, c.id"
        var clcTimes: [Double] = [], sqliteTimes: [Double] = []
        for _ in 0..<runs {
            clcTimes.append(try ChildProcess.run([c.programs.clc, "export", c.data.sqlite, "--output", ours, "--force"],
                                                 environment: c.environment()).checked("clc export").seconds)
            if let sqlite3 = c.programs.sqlite3 {
                sqliteTimes.append(try ChildProcess.run([sqlite3, "-csv", "-header", "-cmd", ".output \(theirs)", c.data.sqlite, query],
                                                        environment: c.environment()).checked("sqlite3 -csv").seconds)
            }
        }
        return Measured(
            rows: [ResultRow(target: targets[0], unit: .seconds, ours: Samples(clcTimes),
                             reference: c.programs.sqlite3 == nil ? "no sqlite3" : "sqlite3 -csv",
                             referenceMedian: sqliteTimes.isEmpty ? nil : Samples(sqliteTimes).median, limit: .ratio(1.0))],
            notes: ["export: \(c.data.sqliteCustomers) customers, columns id,name,email,stage in funnel order; "
                    + "sqlite3 = -csv of the same SELECT … ORDER BY stage position, id, to a file"])
    }
}
