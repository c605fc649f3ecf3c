import GRDBSQLite

/// The place of a problem in a SQLite snapshot: `customers row 1041 (id C-1041), column stage`
/// (no id part when the row has no usable id, no column part for the row as a whole).
func sqlitePlace(_ table: String, row: Int, id: String? = nil, column: String?) -> String {
    let idPart = id.flatMap { $0.isEmpty ? nil : " (id \($0))" } ?? ""
    return "\(table) row \(row)\(idPart)" + (column.map { ", column \($0)" } ?? "")
}

/// Decoding rows of the snapshot tables into entities. A row decodes into its entity, or
/// into the problems of its columns (all of them, for the validator); the store turns those
/// into a `SnapshotError` rather than showing made-up values.
enum SQLiteRows {
    /// The columns of one table, in the order `select` returns them (followed by `rowid`).
    struct Table {
        let name: String
        let columns: [String]
        /// True when the table's `id` column names the row in problem places.
        let hasTextID: Bool

        /// `SELECT <columns>, rowid FROM <name>` plus `rest` (WHERE / ORDER BY).
        func select(_ rest: String = "") -> String {
            "SELECT \(columns.joined(separator: ", ")), rowid FROM \(name) \(rest)"
        }

        var rowidColumn: Int32 { Int32(columns.count) }

        /// The place of a column of the current row of `s` (selected by `select`).
        func place(_ s: SQLiteStatement, column: String) -> String {
            sqlitePlace(name, row: s.int(rowidColumn), id: id(s), column: column)
        }

        /// The current row of `s` as a record, at the field held in `column`.
        func record(_ s: SQLiteStatement, column: String? = nil) -> RecordPlace {
            RecordPlace(RecordPlace.Table(rawValue: name)!, s.int(rowidColumn), id: id(s),
                        column.flatMap(SnapshotField.init(sqliteColumn:)))
        }

        private func id(_ s: SQLiteStatement) -> String? {
            hasTextID && s.type(0) == SQLITE_TEXT ? s.string(0) : nil
        }
    }

    static let stages = Table(name: "stages", columns: ["id", "position", "name", "description"], hasTextID: true)
    static let customers = Table(name: "customers", columns: ["id", "name", "email", "stage", "stage_entered_at",
                                                              "created_at", "segment", "tags", "attributes"], hasTextID: true)
    static let touchpoints = Table(name: "touchpoints", columns: ["id", "customer_id", "at", "channel", "type",
                                                                  "campaign", "value", "note"], hasTextID: true)
    /// The required columns; a file may add the optional `reverts` (see `transitions(hasReverts:)`).
    static let transitions = Table(name: "transitions", columns: ["id", "customer_id", "from_stage", "to_stage", "at",
                                                                  "by", "note"], hasTextID: false)
    private static let transitionsWithReverts = Table(name: "transitions", columns: transitions.columns + ["reverts"],
                                                      hasTextID: false)

    /// The transitions' columns to read: with `reverts` when the file has that column.
    static func transitions(hasReverts: Bool) -> Table { hasReverts ? transitionsWithReverts : transitions }

    /// Reads the columns of the current row as the format's field types, collecting a
    /// problem for each column that does not follow the format (`missing value`,
    /// `expected text, found integer`, `malformed timestamp "2026-13-01"`, …). A reader
    /// returns a placeholder for such a column: a row with problems is never used.
    struct Reader {
        let statement: SQLiteStatement
        let table: Table
        private(set) var problems: [Problem] = []

        init(_ statement: SQLiteStatement, _ table: Table) {
            self.statement = statement
            self.table = table
        }

        var isValid: Bool { problems.isEmpty }

        /// The current row, at the field held in `column`.
        func record(_ column: Int32) -> RecordPlace {
            table.record(statement, column: table.columns[Int(column)])
        }

        /// Records a record rule's finding.
        mutating func report(_ finding: Finding?) {
            if let finding { problems.append(finding.problem(.sqlite)) }
        }

        /// A required column that is NULL.
        private mutating func missing(_ column: Int32) {
            let record = record(column)
            report(SnapshotRules.missingField(record.field!, of: record))
        }

        private mutating func fail(_ column: Int32, _ message: String) {
            problems.append(Problem(.invalidField, at: table.place(statement, column: table.columns[Int(column)]), message))
        }

        private mutating func wrongType(_ column: Int32, expected: String) {
            let found: String
            switch statement.type(column) {
            case SQLITE_INTEGER: found = "integer"
            case SQLITE_FLOAT: found = "real"
            case SQLITE_TEXT: found = "text"
            default: found = "blob"
            }
            fail(column, "expected \(expected), found \(found)")
        }

        /// Text, nil for NULL.
        mutating func text(_ column: Int32) -> String? {
            switch statement.type(column) {
            case SQLITE_NULL: return nil
            case SQLITE_TEXT:
                if let s = String(validating: statement.bytes(column), as: UTF8.self) { return s }
                fail(column, "invalid UTF-8 text")
            default: wrongType(column, expected: "text")
            }
            return nil
        }

        mutating func requiredText(_ column: Int32) -> String {
            if statement.isNull(column) { missing(column); return "" }
            return text(column) ?? ""
        }

        /// A customer or touchpoint id: 1 to 128 printable characters.
        mutating func identifier(_ column: Int32) -> String {
            checkedText(column, SnapshotRules.identifier)
        }

        /// A stage id: `[a-z0-9][a-z0-9_-]*`.
        mutating func stageID(_ column: Int32) -> String {
            checkedText(column, SnapshotRules.stageID)
        }

        /// Required text that must also pass `rule`.
        private mutating func checkedText(_ column: Int32, _ rule: (String, RecordPlace) -> Finding?) -> String {
            let before = problems.count
            let value = requiredText(column)
            if problems.count == before { report(rule(value, record(column))) }
            return value
        }

        /// An RFC 3339 timestamp or bare date, nil for NULL.
        mutating func timestamp(_ column: Int32) -> Timestamp? {
            switch statement.type(column) {
            case SQLITE_NULL: return nil
            case SQLITE_TEXT:
                let b = statement.bytes(column)
                if let t = Timestamp.parse(b) { return t }
                report(SnapshotRules.malformedTimestamp(String(decoding: b, as: UTF8.self), at: record(column)))
            default: wrongType(column, expected: "text")
            }
            return nil
        }

        mutating func requiredTimestamp(_ column: Int32) -> Timestamp {
            if statement.isNull(column) { missing(column) }
            return timestamp(column) ?? Timestamp(microseconds: 0)
        }

        /// A number (integer or real), nil for NULL.
        mutating func number(_ column: Int32) -> Double? {
            switch statement.type(column) {
            case SQLITE_NULL: return nil
            case SQLITE_INTEGER, SQLITE_FLOAT:
                let value = statement.double(column)
                if value.isFinite { return value }
                fail(column, "number out of range")
                return nil
            default: wrongType(column, expected: "number"); return nil
            }
        }

        /// An integer, nil for NULL.
        mutating func integer(_ column: Int32) -> Int64? {
            switch statement.type(column) {
            case SQLITE_NULL: return nil
            case SQLITE_INTEGER: return Int64(statement.int(column))
            default: wrongType(column, expected: "integer"); return nil
            }
        }

        mutating func requiredInteger(_ column: Int32) -> Int {
            switch statement.type(column) {
            case SQLITE_INTEGER: return statement.int(column)
            case SQLITE_NULL: missing(column)
            default: wrongType(column, expected: "integer")
            }
            return 0
        }

        /// `tags`: a JSON array of strings; NULL is no tags.
        mutating func tags(_ column: Int32) -> [String] {
            guard text(column) != nil else { return [] }
            if let tags = SQLiteJSONFields.tags(statement.bytes(column)) { return tags }
            fail(column, "tags is not a JSON array of strings")
            return []
        }

        /// `attributes`: a JSON object of strings, numbers and booleans; NULL is none.
        mutating func attributes(_ column: Int32) -> [Attribute] {
            guard text(column) != nil else { return [] }
            if let attributes = SQLiteJSONFields.attributes(statement.bytes(column)) { return attributes }
            fail(column, "attributes is not a JSON object of strings, numbers and booleans")
            return []
        }
    }

    /// The row's problems as the error of a store that meets it.
    static func refuse(_ reader: Reader, path: String) -> SnapshotError {
        var list = ProblemList()
        for p in reader.problems { list.add(p) }
        return SnapshotError(path: path, problems: list)
    }

    static func stage(_ r: inout Reader) -> (stage: Stage, position: Int)? {
        let id = r.stageID(0)
        let position = r.requiredInteger(1)
        let stage = Stage(id: id, name: r.requiredText(2), description: r.text(3))
        return r.isValid ? (stage, position) : nil
    }

    static func customer(_ r: inout Reader) -> Customer? {
        let c = Customer(id: r.identifier(0), name: r.requiredText(1), email: r.text(2), stage: r.requiredText(3),
                         stageEnteredAt: r.timestamp(4), createdAt: r.timestamp(5), segment: r.text(6),
                         tags: r.tags(7), attributes: r.attributes(8))
        return r.isValid ? c : nil
    }

    static func touchpoint(_ r: inout Reader) -> Touchpoint? {
        let t = Touchpoint(id: r.identifier(0), customerID: r.requiredText(1), at: r.requiredTimestamp(2),
                           channel: r.requiredText(3), type: r.requiredText(4), campaign: r.text(5),
                           value: r.number(6), note: r.text(7))
        return r.isValid ? t : nil
    }

    /// Column 0 (`id`) is the row id itself (positive, as the format says); column 7 is
    /// `reverts` when the table selects it.
    static func transition(_ r: inout Reader) -> Transition? {
        if r.statement.int(0) <= 0 { r.report(SnapshotRules.notPositiveInteger(at: r.record(0))) }
        let t = Transition(customerID: r.requiredText(1), from: r.text(2), to: r.requiredText(3),
                           at: r.requiredTimestamp(4), by: r.requiredText(5), note: r.text(6),
                           id: Int64(r.statement.int(0)), reverts: r.table.columns.count > 7 ? r.integer(7) : nil)
        return r.isValid ? t : nil
    }
}
