import GRDBSQLite

/// `clc_mix(v, …)`: a 31-bit hash (FNV-1a, 64 bits, folded) of its arguments' types and
/// values, so that `sum(clc_mix(…))` over a table marks its content in one pass in SQLite
/// (the value cache's key). Not a cryptographic hash: it tells an edited row from the one it
/// was, nothing more. Registered only on the connection of that pass.
enum SQLiteMixFunction {
    static let name = "clc_mix"

    static func register(on db: OpaquePointer) {
        sqlite3_create_function_v2(db, name, -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nil, { context, count, arguments in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            func add(_ byte: UInt8) { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
            func add(_ word: UInt64) { for k in 0..<8 { add(UInt8(truncatingIfNeeded: word >> (8 * k))) } }
            for i in 0..<Int(count) {
                guard let value = arguments?[i] else { continue }
                let type = sqlite3_value_type(value)
                add(UInt8(truncatingIfNeeded: type))
                switch type {
                case SQLITE_INTEGER: add(UInt64(bitPattern: sqlite3_value_int64(value)))
                case SQLITE_FLOAT: add(sqlite3_value_double(value).bitPattern)
                case SQLITE_TEXT, SQLITE_BLOB:
                    let bytes = type == SQLITE_TEXT ? UnsafeRawPointer(sqlite3_value_text(value)) : sqlite3_value_blob(value)
                    let n = Int(sqlite3_value_bytes(value))
                    if let bytes { for k in 0..<n { add(bytes.load(fromByteOffset: k, as: UInt8.self)) } }
                    add(UInt64(n))
                default: break
                }
            }
            sqlite3_result_int64(context, Int64(h >> 33))
        }, nil, nil, nil)
    }
}
