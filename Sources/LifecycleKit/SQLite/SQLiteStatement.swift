import Foundation
import GRDBSQLite

/// A failed SQLite call: the result code and SQLite's message.
struct SQLiteFailure: Error, CustomStringConvertible {
    var code: Int32
    var message: String

    init(code: Int32, message: String) {
        self.code = code
        self.message = message
    }

    /// The connection's last error.
    init(code: Int32, connection: OpaquePointer?) {
        self.init(code: code, message: connection.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code)))
    }

    var description: String { message }
}

/// A prepared statement on a raw connection, reused by binding, stepping and resetting.
/// Columns are read without copying where possible (`bytes`), so that scans of millions
/// of rows stay cheap. Text may contain NUL characters: lengths are always explicit.
final class SQLiteStatement {
    let handle: OpaquePointer
    private let connection: OpaquePointer

    init(_ connection: OpaquePointer, _ sql: String) throws {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(connection, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw SQLiteFailure(code: code, connection: connection)
        }
        self.connection = connection
        self.handle = statement
    }

    deinit {
        sqlite3_finalize(handle)
        ended()
    }

    /// The thread that started the statement while it is active (it holds the file's read
    /// lock then, counted by `ReadGate`), else nil.
    private var activeOn: UInt?

    private func ended() {
        guard let thread = activeOn else { return }
        activeOn = nil
        ReadGate.shared.ended(connection, thread: thread)
    }

    // MARK: Binding (1-based indexes, like SQLite)

    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    func bind(_ index: Int32, _ text: String?) {
        guard var text else { sqlite3_bind_null(handle, index); return }
        text.withUTF8 { buffer in
            // A non-nil pointer even for the empty string, so that '' is not bound as NULL.
            let base = buffer.baseAddress.map { UnsafeRawPointer($0) } ?? UnsafeRawPointer(("" as StaticString).utf8Start)
            _ = sqlite3_bind_text(handle, index, base.assumingMemoryBound(to: CChar.self), Int32(buffer.count), Self.transient)
        }
    }

    /// Binds text by address, not copied (`SQLITE_STATIC`): the bytes must stay as they are
    /// until the statement has run. Nil binds NULL; an empty buffer binds ''.
    func bind(_ index: Int32, bytes: UnsafeBufferPointer<UInt8>?) {
        guard let bytes else { sqlite3_bind_null(handle, index); return }
        let base = bytes.baseAddress.map { UnsafeRawPointer($0) } ?? UnsafeRawPointer(("" as StaticString).utf8Start)
        _ = sqlite3_bind_text(handle, index, base.assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil)
    }

    func bind(_ index: Int32, _ value: Double?) {
        if let value { sqlite3_bind_double(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    func bind(_ index: Int32, _ value: Int) {
        sqlite3_bind_int64(handle, index, Int64(value))
    }

    func bind(_ index: Int32, _ value: Int64?) {
        if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    // MARK: Stepping

    /// Advances to the next row; false when there is none.
    func step() throws -> Bool {
        if activeOn == nil {
            let thread = ReadGate.thread
            ReadGate.shared.started(connection, thread: thread)
            activeOn = thread
        }
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE:
            ended()
            return false
        case let code:
            let failure = SQLiteFailure(code: code, connection: connection)
            sqlite3_reset(handle)
            ended()
            throw failure
        }
    }

    /// Runs a statement that returns no rows, then makes it ready for the next bindings.
    func run() throws {
        defer { reset() }
        while try step() {}
    }

    func reset() {
        sqlite3_reset(handle)
        ended()
    }

    // MARK: Columns (0-based indexes)

    func type(_ column: Int32) -> Int32 { sqlite3_column_type(handle, column) }
    func isNull(_ column: Int32) -> Bool { type(column) == SQLITE_NULL }
    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }
    func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }

    /// The column as UTF-8 bytes (numbers converted to text), valid until the next step.
    func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
        guard let pointer = sqlite3_column_text(handle, column) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(handle, column)))
    }

    /// The column as text, nil for NULL.
    func string(_ column: Int32) -> String? {
        isNull(column) ? nil : String(decoding: bytes(column), as: UTF8.self)
    }
}

/// Compares two byte strings as SQLite's BINARY collation does (memcmp, then length).
func binaryCompare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
    let n = min(a.count, b.count)
    if n > 0, let pa = a.baseAddress, let pb = b.baseAddress {
        let c = memcmp(pa, pb, n)
        if c != 0 { return Int(c) }
    }
    return a.count - b.count
}
