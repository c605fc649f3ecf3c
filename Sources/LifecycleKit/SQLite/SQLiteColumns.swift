import GRDBSQLite

/// Why a column's value does not follow the format; `message` is the problem's message
/// (`missing value`, `expected text, found integer`, `malformed timestamp "2026-13-01"`).
struct ColumnIssue: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// The place of a problem in a SQLite snapshot: `customers row 1041 (id C-1041), column stage`
/// (no id part when the row has no usable id).
func sqlitePlace(_ table: String, row: Int, id: String? = nil, column: String) -> String {
    let idPart = id.flatMap { $0.isEmpty ? nil : " (id \($0))" } ?? ""
    return "\(table) row \(row)\(idPart), column \(column)"
}

/// Reading a column as the format's field types. Each reader returns the value or throws
/// the `ColumnIssue` the validator reports; the store uses the same readers so that it never
/// shows a value the validator would reject.
extension SQLiteStatement {
    private func typeName(_ column: Int32) -> String {
        switch type(column) {
        case SQLITE_INTEGER: return "integer"
        case SQLITE_FLOAT: return "real"
        case SQLITE_TEXT: return "text"
        case SQLITE_BLOB: return "blob"
        default: return "null"
        }
    }

    private func required<T>(_ column: Int32, _ value: T?) throws -> T {
        guard let value else { throw ColumnIssue("missing value") }
        return value
    }

    /// Text, nil for NULL.
    func text(_ column: Int32) throws -> String? {
        switch type(column) {
        case SQLITE_NULL: return nil
        case SQLITE_TEXT:
            guard let s = String(validating: bytes(column), as: UTF8.self) else { throw ColumnIssue("invalid UTF-8 text") }
            return s
        default: throw ColumnIssue("expected text, found \(typeName(column))")
        }
    }

    func requiredText(_ column: Int32) throws -> String {
        try required(column, text(column))
    }

    /// A customer or touchpoint id: 1 to 128 printable characters.
    func identifier(_ column: Int32) throws -> String {
        let id = try requiredText(column)
        guard SnapshotFormat.isValidIdentifier(id) else {
            throw ColumnIssue("invalid id \(JSONText.string(id)) (must be 1 to \(SnapshotFormat.maxIdentifierLength) printable characters)")
        }
        return id
    }

    /// A stage id: `[a-z0-9][a-z0-9_-]*`.
    func stageID(_ column: Int32) throws -> String {
        let id = try requiredText(column)
        guard SnapshotFormat.isValidStageID(id) else {
            throw ColumnIssue("invalid stage id \(JSONText.string(id)) (must match [a-z0-9][a-z0-9_-]*)")
        }
        return id
    }

    /// An RFC 3339 timestamp or bare date, nil for NULL.
    func timestamp(_ column: Int32) throws -> Timestamp? {
        switch type(column) {
        case SQLITE_NULL: return nil
        case SQLITE_TEXT:
            let b = bytes(column)
            if let t = Timestamp.parse(b) { return t }
            throw ColumnIssue("malformed timestamp \(JSONText.string(String(decoding: b, as: UTF8.self)))")
        default: throw ColumnIssue("expected text, found \(typeName(column))")
        }
    }

    func requiredTimestamp(_ column: Int32) throws -> Timestamp {
        try required(column, timestamp(column))
    }

    /// A number (integer or real), nil for NULL.
    func number(_ column: Int32) throws -> Double? {
        switch type(column) {
        case SQLITE_NULL: return nil
        case SQLITE_INTEGER, SQLITE_FLOAT: return double(column)
        default: throw ColumnIssue("expected number, found \(typeName(column))")
        }
    }

    func requiredInteger(_ column: Int32) throws -> Int {
        switch type(column) {
        case SQLITE_NULL: throw ColumnIssue("missing value")
        case SQLITE_INTEGER: return int(column)
        default: throw ColumnIssue("expected integer, found \(typeName(column))")
        }
    }

    /// `tags`: a JSON array of strings; NULL is no tags.
    func tags(_ column: Int32) throws -> [String] {
        guard let _ = try text(column) else { return [] }
        guard let tags = SQLiteJSONFields.tags(bytes(column)) else { throw ColumnIssue("tags is not a JSON array of strings") }
        return tags
    }

    /// `attributes`: a JSON object of strings, numbers and booleans; NULL is none.
    func attributes(_ column: Int32) throws -> [Attribute] {
        guard let _ = try text(column) else { return [] }
        guard let attributes = SQLiteJSONFields.attributes(bytes(column)) else {
            throw ColumnIssue("attributes is not a JSON object of strings, numbers and booleans")
        }
        return attributes
    }
}
