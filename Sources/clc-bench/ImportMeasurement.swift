import Foundation

/// Issue 14: `clc import` of a HubSpot-like contacts export of a million rows into a SQLite
/// snapshot (process start to exit), against `sqlite3 .import --csv` of the same file into a
/// new database. Without sqlite3 only ours is shown.
enum ImportMeasurement {
    static let targets = ["import 1M-row CSV"]

    static func measure(_ c: BenchContext) throws -> Measured {
        let rows = c.settings.sqliteCustomers
        let csv = c.settings.dataDirectory + "/contacts-\(rows).csv"
        try writeContacts(csv, rows: rows)
        BenchData.readThrough(csv)
        let runs = c.settings.heavyRuns
        c.progress("import: \(ResultTable.count(runs, "run")) each of sqlite3 .import and clc import")
        let ours = c.workDirectory + "/imported.sqlite", theirs = c.workDirectory + "/sqlite3-import.sqlite"
        var clcTimes: [Double] = [], sqliteTimes: [Double] = []
        for _ in 0..<runs {
            clcTimes.append(try ChildProcess.run([c.programs.clc, "import", csv, ours, "--force"], environment: c.environment())
                .checked("clc import").seconds)
            if let sqlite3 = c.programs.sqlite3 {
                unlink(theirs)
                sqliteTimes.append(try ChildProcess.run([sqlite3, theirs, ".import --csv \(csv) contacts"], environment: c.environment())
                    .checked("sqlite3 .import").seconds)
            }
        }
        let size = ResultTable.format(BenchData.size(of: csv), .bytes)
        return Measured(
            rows: [ResultRow(target: targets[0], unit: .seconds, ours: Samples(clcTimes),
                             reference: c.programs.sqlite3 == nil ? "no sqlite3" : "sqlite3 .import",
                             referenceMedian: sqliteTimes.isEmpty ? nil : Samples(sqliteTimes).median, limit: .ratio(2.0))],
            notes: ["import: \(rows) rows (\(size)), HubSpot columns; clc = validate all, then write SQLite; sqlite3 = .import --csv "
                    + "into one table of text columns"])
    }

    /// A HubSpot contacts export of `rows` rows (deterministic), unless the file exists.
    static func writeContacts(_ path: String, rows: Int) throws {
        if FileManager.default.fileExists(atPath: path) { return }
        let stages = ["subscriber", "lead", "Marketing Qualified Lead", "salesqualifiedlead", "opportunity", "customer"]
        var text = "Record ID,First Name,Last Name,Email,Lifecycle Stage,Create Date,Became a Lead Date,Became a Customer Date,City\n"
        text.reserveCapacity(rows * 130)
        for i in 1...rows {
            let day = 1 + i % 28, month = 1 + i % 12
            let date = "2024-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day) 10:\(10 + i % 50)"
            let stage = stages[i % stages.count]
            let customer = stage == "customer" ? "2025-01-\(day < 10 ? "0" : "")\(day) 09:30" : ""
            text += "\(1000 + i),Anna \(i),\"Müller, \(i % 97)\",anna.\(i)@example.de,\(stage),\(date),\(date),\(customer),Bonn\n"
        }
        let temporary = path + ".tmp"
        try text.write(toFile: temporary, atomically: false, encoding: .utf8)
        guard rename(temporary, path) == 0 else { throw BenchError("cannot write \(path)") }
    }
}
