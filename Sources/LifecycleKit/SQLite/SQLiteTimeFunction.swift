import GRDBSQLite

/// `clc_time(text)`: a time column as a number that orders as time does (microseconds since
/// 1970, UTC), NULL when the text is not a timestamp. Files written by other programs may
/// hold `+01:00` offsets and fractions of any length, where text order is not time order:
/// every SQL comparison, `ORDER BY` or `max` of times goes through this function. Registered
/// on each connection clc opens (`SQLiteSchema.openReadOnly`, `openWritable`).
enum SQLiteTimeFunction {
    static let name = "clc_time"

    static func register(on db: OpaquePointer) {
        sqlite3_create_function_v2(db, name, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nil, { context, _, arguments in
            guard let value = arguments?[0], sqlite3_value_type(value) == SQLITE_TEXT,
                  let text = sqlite3_value_text(value),
                  let time = Timestamp.parse(UnsafeBufferPointer(start: text, count: Int(sqlite3_value_bytes(value)))) else {
                sqlite3_result_null(context)
                return
            }
            sqlite3_result_int64(context, time.microseconds)
        }, nil, nil, nil)
    }

    /// `clc_time(column)` as SQL.
    static func sql(_ column: String) -> String { "\(name)(\(column))" }
}
