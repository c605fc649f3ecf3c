import Foundation
import GRDB
import GRDBSQLite

/// Checks a SQLite snapshot against every rule of the format's Validation section.
///
/// Streams: each table is read once in row order for the per-column checks; duplicates,
/// references and stage mismatches are found by SQL (GROUP BY, NOT EXISTS, indexed
/// look-ups), so that memory stays flat on files of millions of rows.
public enum SQLiteValidator {
    /// Every problem of a SQLite snapshot, with table, row id and column. Never throws: a
    /// file that is not a readable SQLite database is one problem.
    public static func validate(path: String) -> ProblemList {
        do {
            let tidy = SQLiteSchema.walFilesAbsent(path)
            let database = try SQLiteSchema.openReadOnly(path, cacheMiB: 512)
            let problems = validate(path: path, on: database)
            try? database.close()
            if tidy { SQLiteSchema.removeWALFilesCreated(path) }
            return problems
        } catch {
            return problems(of: error, path: path)
        }
    }

    /// As `validate(path:)`, on the connection `database` (a store's scan connection, which
    /// its own stage changes can interrupt). First SQLite's `integrity_check` (a damaged file
    /// gets no further: its rows cannot be trusted), then every row and reference.
    /// `inside` runs first in the same read transaction (the state the checks see).
    static func validate(path: String, on database: DatabaseQueue,
                         inside: (OpaquePointer) throws -> Void = { _ in }) -> ProblemList {
        validateCounting(path: path, on: database, inside: inside).problems
    }

    /// As `validate(path:on:)`, with the totals its row pass counted on the way (nil when it
    /// stopped before reading rows): the figures need no pass of their own for them.
    static func validateCounting(path: String, on database: DatabaseQueue,
                                 inside: (OpaquePointer) throws -> Void = { _ in })
        -> (problems: ProblemList, totals: SnapshotTotals?) {
        var list = ProblemList(), totals: SnapshotTotals?
        do {
            try database.read { db in try ReadGate.shared.reading {
                let connection = try SQLiteSchema.connection(db)
                try inside(connection)
                list.merge(try integrity(connection))
                if list.hasErrors { return }
                let header = try SQLiteSchema.inspect(db)
                list.merge(header.problems)
                // Without the expected tables and columns, the rows cannot be checked.
                let structural = header.problems.errors.contains { $0.kind == .notASnapshot || $0.kind == .unsupportedVersion }
                if structural { return }
                var checker = Checker(connection: connection, asOf: header.declaredAsOf, hasReverts: header.transitionsHaveReverts)
                try checker.run()
                list.merge(checker.problems)
                totals = checker.totals
            } }
        } catch {
            list.merge(problems(of: error, path: path))
        }
        return (list, totals)
    }

    static func problems(of error: Error, path: String) -> ProblemList {
        var list = ProblemList()
        switch SQLiteSchema.readError(error, path: path) {
        case let error as SnapshotError: list.merge(error.problems)
        case let error: list.add(.notASnapshot, at: "", "\(error)")
        }
        return list
    }

    /// SQLite's `integrity_check` findings (b-tree pages, indexes against their tables), each
    /// an error placed at the index or table SQLite names, else at the database file.
    static func integrity(_ connection: OpaquePointer) throws -> ProblemList {
        var list = ProblemList()
        let check = try SQLiteStatement(connection, "PRAGMA integrity_check")
        while try check.step() {
            let finding = check.string(0) ?? ""
            if finding == "ok" { continue }
            for line in finding.split(separator: "\n") where !line.hasPrefix("*** in database") {
                list.add(.corrupted, at: integrityPlace(String(line)), "damaged file: \(line)")
            }
        }
        return list
    }

    /// `index customers_by_stage` / `table customers` when SQLite's finding names one.
    private static func integrityPlace(_ finding: String) -> String {
        let words = finding.split(separator: " ")
        for (i, word) in words.enumerated().dropLast() where word == "index" || word == "table" {
            let name = words[i + 1].trimmingCharacters(in: CharacterSet(charactersIn: ":,\"'"))
            if !name.isEmpty { return "\(word) \(name)" }
        }
        return "database file"
    }

    /// The checks of `clc validate` after the integrity check, on every row, or (+Followed)
    /// on the transitions another program added and the customers they touch.
    struct Checker {
        let connection: OpaquePointer
        let asOf: Timestamp?
        /// The file has the optional `transitions.reverts` column.
        let hasReverts: Bool
        var problems = ProblemList()
        /// The rows of each table and the sum of touchpoint values, counted by the row pass.
        var totals = SnapshotTotals(customers: 0, touchpoints: 0, transitions: 0, revenue: 0)

        mutating func run() throws {
            let asOf = self.asOf
            totals.customers = try checkCustomerRows()
            var revenue = RevenueSum()
            totals.touchpoints = try checkRows(SQLiteRows.touchpoints) { r, problems in
                revenue.add(r.statement, column: 6)
                SQLiteRows.touchpoint(&r).map { Self.checkAsOf($0.at, asOf, r, &problems) }
            }
            totals.revenue = revenue.sum
            totals.transitions = try checkTransitionRows()
            try checkDuplicates(.customers)
            try checkDuplicates(.touchpoints)
            try checkReferences(.customers, hasID: true, .stage, to: "stages")
            try checkReferences(.touchpoints, hasID: true, .customerID, to: "customers")
            try checkReferences(.transitions, hasID: false, .customerID, to: "customers")
            try checkReferences(.transitions, hasID: false, .from, to: "stages")
            try checkReferences(.transitions, hasID: false, .to, to: "stages")
            try checkStageMismatches()
            if hasReverts { try checkReverts() }
        }

        /// The rows of `customers` (meeting `condition`): columns, and entered before created.
        @discardableResult
        mutating func checkCustomerRows(where condition: String = "1") throws -> Int {
            try checkRows(SQLiteRows.customers, where: condition) { r, problems in
                guard let c = SQLiteRows.customer(&r) else { return }
                Self.report(SnapshotRules.enteredBeforeCreated(c.stageEnteredAt, c.createdAt, customer: r.record(0)), &problems)
            }
        }

        /// The rows of `transitions` (meeting `condition`): columns, and none after `as_of`.
        @discardableResult
        mutating func checkTransitionRows(where condition: String = "1") throws -> Int {
            let asOf = self.asOf
            return try checkRows(SQLiteRows.transitions(hasReverts: hasReverts), where: condition) { r, problems in
                SQLiteRows.transition(&r).map { Self.checkAsOf($0.at, asOf, r, &problems) }
            }
        }

        /// Each transition (meeting `condition`, SQL on the row `r`) whose `reverts` names no
        /// other transition of the same customer (a warning: it then counts as an ordinary stage change).
        mutating func checkReverts(where condition: String = "1") throws {
            let s = try SQLiteStatement(connection, """
                SELECT r.rowid, r.reverts FROM transitions AS r
                WHERE typeof(r.reverts) = 'integer' AND (\(condition)) AND NOT EXISTS (
                    SELECT 1 FROM transitions AS x WHERE x.id = r.reverts AND x.customer_id = r.customer_id AND x.id <> r.id)
                ORDER BY r.rowid
                """)
            while try s.step() {
                report(SnapshotRules.unmatchedRevert(Int64(s.int(1)), at: RecordPlace(.transitions, s.int(0), .reverts)))
            }
        }

        static func checkAsOf(_ at: Timestamp, _ asOf: Timestamp?, _ r: SQLiteRows.Reader,
                                      _ problems: inout ProblemList) {
            report(SnapshotRules.afterAsOf(at, asOf, at: r.table.record(r.statement, column: "at")), &problems)
        }

        static func report(_ finding: Finding?, _ problems: inout ProblemList) {
            if let finding { problems.add(finding.problem(.sqlite)) }
        }

        mutating func report(_ finding: Finding?) { Self.report(finding, &problems) }

        /// Reads every row of `table` (meeting `condition`, SQL): the column problems, then
        /// `more` (the warnings of a row that decodes). Returns how many rows it read.
        @discardableResult
        mutating func checkRows(_ table: SQLiteRows.Table, where condition: String = "1",
                                _ more: (inout SQLiteRows.Reader, inout ProblemList) -> Void) throws -> Int {
            let rows = try SQLiteStatement(connection, table.select("WHERE \(condition) ORDER BY rowid"))
            var count = 0
            while try rows.step() {
                count += 1
                var reader = SQLiteRows.Reader(rows, table)
                more(&reader, &problems)
                for p in reader.problems { problems.add(p) }
            }
            return count
        }

        /// Each row whose id an earlier row already has (among the ids meeting `condition`).
        mutating func checkDuplicates(_ records: RecordPlace.Table, where condition: String = "1") throws {
            let table = records.rawValue
            let s = try SQLiteStatement(connection, """
                SELECT t.rowid, t.id, d.first
                FROM (SELECT id, min(rowid) AS first FROM \(table) WHERE id IS NOT NULL AND (\(condition))
                      GROUP BY id HAVING count(*) > 1) AS d
                JOIN \(table) AS t ON t.id = d.id AND t.rowid <> d.first
                ORDER BY t.rowid
                """)
            while try s.step() {
                let id = s.string(1) ?? ""
                report(SnapshotRules.duplicateID(id, at: RecordPlace(records, s.int(0), id: id, .id),
                                                 first: RecordPlace(records, s.int(2))))
            }
        }

        /// Each row whose `column` (text, not NULL) names no row of `target`, in `column` order:
        /// the scan then runs through the column's index (when the file has one) and its
        /// look-ups into `target` come in key order, several times faster than in row order.
        /// With `condition` (SQL on the row `r`: a few rows), only the rows meeting it, in
        /// row order (in column order SQLite would scan the column's whole index for them).
        mutating func checkReferences(_ records: RecordPlace.Table, hasID: Bool, _ field: SnapshotField,
                                      to target: String, where condition: String? = nil) throws {
            let table = records.rawValue, column = field.sqliteColumn
            let s = try SQLiteStatement(connection, """
                SELECT r.rowid, r.\(column) FROM \(table) AS r
                WHERE typeof(r.\(column)) = 'text' AND NOT EXISTS (SELECT 1 FROM \(target) AS x WHERE x.id = r.\(column))
                  AND (\(condition ?? "1"))
                ORDER BY r.\(condition == nil ? column : "rowid")
                """)
            let rowID = hasID ? try SQLiteStatement(connection, "SELECT id FROM \(table) WHERE rowid = ?1") : nil
            while try s.step() {
                let row = s.int(0)
                var idText: String?
                if let rowID {
                    rowID.bind(1, row)
                    if try rowID.step() { idText = rowID.string(0) }
                    rowID.reset()
                }
                report(SnapshotRules.unknownReference(s.string(1) ?? "", at: RecordPlace(records, row, id: idText, field)))
            }
        }

        /// Customers (meeting `condition`, SQL on the row `c`) whose latest transition (by
        /// time, then row) goes elsewhere than their stage.
        mutating func checkStageMismatches(where condition: String = "1") throws {
            let s = try SQLiteStatement(connection, """
                SELECT c.rowid, c.id, c.stage, l.to_stage, l.rowid
                FROM customers AS c
                JOIN transitions AS l ON l.rowid = (SELECT t.rowid FROM transitions AS t WHERE t.customer_id = c.id
                                                    ORDER BY \(SQLiteTimeFunction.sql("t.at")) DESC, t.rowid DESC LIMIT 1)
                WHERE l.to_stage IS NOT c.stage AND (\(condition))
                ORDER BY c.rowid
                """)
            while try s.step() {
                report(SnapshotRules.stageMismatch(stage: s.string(2) ?? "", lastGoesTo: s.string(3) ?? "",
                                                   customer: RecordPlace(.customers, s.int(0), id: s.string(1))))
            }
        }
    }
}
