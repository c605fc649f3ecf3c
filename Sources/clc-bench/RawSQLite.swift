import GRDBSQLite

/// The SQLite C API with nothing in between: for the reference stage changes and for
/// picking customers, never through the store under test.
final class RawSQLite {
    private var db: OpaquePointer?

    init(_ path: String, readOnly: Bool) throws {
        let flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE
        guard sqlite3_open_v2(path, &db, flags, nil) == SQLITE_OK else {
            defer { sqlite3_close(db) }
            throw BenchError("\(path): \(String(cString: sqlite3_errmsg(db)))")
        }
        sqlite3_busy_timeout(db, 2000)
    }

    deinit { sqlite3_close(db) }

    func execute(_ sql: String) throws {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { throw failure(sql) }
    }

    func prepare(_ sql: String) throws -> Statement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else { throw failure(sql) }
        return Statement(statement, connection: self)
    }

    /// Every row of `sql` as text columns.
    func rows(_ sql: String) throws -> [[String?]] {
        let s = try prepare(sql)
        var rows: [[String?]] = []
        while try s.step() { rows.append((0..<sqlite3_column_count(s.handle)).map { s.text($0) }) }
        return rows
    }

    fileprivate func failure(_ sql: String) -> BenchError {
        BenchError("SQLite: \(String(cString: sqlite3_errmsg(db))) in \(sql)")
    }

    /// A prepared statement, reusable after `reset`.
    final class Statement {
        let handle: OpaquePointer
        private let connection: RawSQLite

        fileprivate init(_ handle: OpaquePointer, connection: RawSQLite) {
            self.handle = handle
            self.connection = connection
        }

        deinit { sqlite3_finalize(handle) }

        /// Binds text parameters ?1, ?2…; nil binds NULL.
        func bind(_ values: String?...) {
            sqlite3_reset(handle)
            for (i, value) in values.enumerated() {
                if let value {
                    sqlite3_bind_text(handle, Int32(i + 1), value, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
                } else {
                    sqlite3_bind_null(handle, Int32(i + 1))
                }
            }
        }

        /// True while there is a row.
        func step() throws -> Bool {
            switch sqlite3_step(handle) {
            case SQLITE_ROW: return true
            case SQLITE_DONE: return false
            default: throw connection.failure(String(cString: sqlite3_sql(handle)))
            }
        }

        /// Runs a statement without rows to its end.
        func run() throws {
            sqlite3_reset(handle)
            while try step() {}
        }

        /// Ends a read, releasing its lock.
        func reset() { sqlite3_reset(handle) }

        func text(_ column: Int32) -> String? {
            sqlite3_column_text(handle, column).map { String(cString: $0) }
        }
    }
}
