import GRDBSQLite

/// Decoding whole rows of the snapshot tables into entities. A row decodes into its entity,
/// or into the list of its columns' problems (all of them, for the validator); the store
/// turns those into a `SnapshotError` rather than showing made-up values.
enum SQLiteRows {
    /// One bad column of a row.
    struct Issue {
        var column: String
        var message: String
    }

    /// The columns of one table, in the order the `select` statements return them
    /// (followed by `rowid`).
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
            let id = hasTextID && s.type(0) == SQLITE_TEXT ? s.string(0) : nil
            return sqlitePlace(name, row: s.int(rowidColumn), id: id, column: column)
        }
    }

    static let stages = Table(name: "stages", columns: ["id", "position", "name", "description"], hasTextID: true)
    static let customers = Table(name: "customers", columns: ["id", "name", "email", "stage", "stage_entered_at",
                                                              "created_at", "segment", "tags", "attributes"], hasTextID: true)
    static let touchpoints = Table(name: "touchpoints", columns: ["id", "customer_id", "at", "channel", "type",
                                                                  "campaign", "value", "note"], hasTextID: true)
    static let transitions = Table(name: "transitions", columns: ["id", "customer_id", "from_stage", "to_stage", "at",
                                                                  "by", "note"], hasTextID: false)

    /// Collects the issues of one row while its columns are read.
    struct Reader {
        let statement: SQLiteStatement
        let table: Table
        var issues: [Issue] = []

        init(_ statement: SQLiteStatement, _ table: Table) {
            self.statement = statement
            self.table = table
        }

        /// Reads column `i` with `read`; nil (and an issue) when it does not follow the format.
        mutating func callAsFunction<T>(_ i: Int32, _ read: (SQLiteStatement) -> (Int32) throws -> T) -> T? {
            do {
                return try read(statement)(i)
            } catch let issue as ColumnIssue {
                issues.append(Issue(column: table.columns[Int(i)], message: issue.message))
            } catch {
                issues.append(Issue(column: table.columns[Int(i)], message: "\(error)"))
            }
            return nil
        }

        /// The issues as problems with their places.
        func problems() -> [Problem] {
            issues.map { Problem(.invalidField, at: table.place(statement, column: $0.column), $0.message) }
        }
    }

    /// Throws the row's problems as a `SnapshotError` (the store refuses to show a broken row).
    static func refuse(_ reader: Reader, path: String) -> SnapshotError {
        var list = ProblemList()
        for p in reader.problems() { list.add(p) }
        return SnapshotError(path: path, problems: list)
    }

    static func stage(_ r: inout Reader) -> (stage: Stage, position: Int)? {
        let id = r(0, SQLiteStatement.stageID)
        let position = r(1, SQLiteStatement.requiredInteger)
        let name = r(2, SQLiteStatement.requiredText)
        let description = r(3, SQLiteStatement.text)
        guard let id, let position, let name, let description else { return nil }
        return (Stage(id: id, name: name, description: description), position)
    }

    static func customer(_ r: inout Reader) -> Customer? {
        let id = r(0, SQLiteStatement.identifier)
        let name = r(1, SQLiteStatement.requiredText)
        let email = r(2, SQLiteStatement.text)
        let stage = r(3, SQLiteStatement.requiredText)
        let entered = r(4, SQLiteStatement.timestamp)
        let created = r(5, SQLiteStatement.timestamp)
        let segment = r(6, SQLiteStatement.text)
        let tags = r(7, SQLiteStatement.tags)
        let attributes = r(8, SQLiteStatement.attributes)
        guard let id, let name, let email, let stage, let entered, let created, let segment, let tags, let attributes
        else { return nil }
        return Customer(id: id, name: name, email: email, stage: stage, stageEnteredAt: entered, createdAt: created,
                        segment: segment, tags: tags, attributes: attributes)
    }

    static func touchpoint(_ r: inout Reader) -> Touchpoint? {
        let id = r(0, SQLiteStatement.identifier)
        let customerID = r(1, SQLiteStatement.requiredText)
        let at = r(2, SQLiteStatement.requiredTimestamp)
        let channel = r(3, SQLiteStatement.requiredText)
        let type = r(4, SQLiteStatement.requiredText)
        let campaign = r(5, SQLiteStatement.text)
        let value = r(6, SQLiteStatement.number)
        let note = r(7, SQLiteStatement.text)
        guard let id, let customerID, let at, let channel, let type, let campaign, let value, let note else { return nil }
        return Touchpoint(id: id, customerID: customerID, at: at, channel: channel, type: type,
                          campaign: campaign, value: value, note: note)
    }

    /// Column 0 (`id`) is the row id itself and is not read.
    static func transition(_ r: inout Reader) -> Transition? {
        let customerID = r(1, SQLiteStatement.requiredText)
        let from = r(2, SQLiteStatement.text)
        let to = r(3, SQLiteStatement.requiredText)
        let at = r(4, SQLiteStatement.requiredTimestamp)
        let by = r(5, SQLiteStatement.requiredText)
        let note = r(6, SQLiteStatement.text)
        guard let customerID, let from, let to, let at, let by, let note else { return nil }
        return Transition(customerID: customerID, from: from, to: to, at: at, by: by, note: note)
    }
}
