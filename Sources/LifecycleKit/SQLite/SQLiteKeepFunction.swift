import GRDBSQLite

/// `clc_converter(customer_id)` and `clc_kept(customer_id, at, type)` for one part of an
/// attribution scan (`TouchpointKeeper`), registered on its connection for the scan's time:
/// SQLite then hands over only the touchpoints a converter's window or revenue needs, and the
/// other rows (most of them) never have their other columns read. A time that does not parse
/// is kept, so that the scan reports it as the streaming pass would.
final class SQLiteKeepFunction {
    private let keeper: TouchpointKeeper
    /// The customer number of the last id asked (rows of one customer usually come together).
    private var last: Int32?

    private init(_ keeper: TouchpointKeeper) { self.keeper = keeper }

    /// Registers both functions on `db` for `keeper`; `remove(from:)` takes them away.
    static func register(_ keeper: TouchpointKeeper, on db: OpaquePointer) {
        let filter = SQLiteKeepFunction(keeper)
        for (name, arguments) in [("clc_converter", Int32(1)), ("clc_kept", Int32(3))] {
            let box = Unmanaged.passRetained(filter).toOpaque()
            sqlite3_create_function_v2(db, name, arguments, SQLITE_UTF8, box, { context, count, values in
                let filter = Unmanaged<SQLiteKeepFunction>.fromOpaque(sqlite3_user_data(context)!).takeUnretainedValue()
                sqlite3_result_int(context, filter.keeps(count, values) ? 1 : 0)
            }, nil, nil, { box in Unmanaged<SQLiteKeepFunction>.fromOpaque(box!).release() })
        }
    }

    static func remove(from db: OpaquePointer) {
        sqlite3_create_function_v2(db, "clc_converter", 1, SQLITE_UTF8, nil, nil, nil, nil, nil)
        sqlite3_create_function_v2(db, "clc_kept", 3, SQLITE_UTF8, nil, nil, nil, nil, nil)
    }

    private static func bytes(_ value: OpaquePointer?) -> UnsafeBufferPointer<UInt8> {
        guard let value, let text = sqlite3_value_text(value) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: text, count: Int(sqlite3_value_bytes(value)))
    }

    private func keeps(_ count: Int32, _ values: UnsafeMutablePointer<OpaquePointer?>?) -> Bool {
        guard let values, let c = keeper.customers.number(of: Self.bytes(values[0]), last: &last) else { return false }
        let entry = keeper.entries[Int(c)]
        guard entry != SQLiteCustomerColumns.none else { return false }
        guard count == 3 else { return true }
        guard let at = Timestamp.parse(Self.bytes(values[1]))?.microseconds else { return true }
        return keeper.keeps(at: at, entry: entry, type: Self.bytes(values[2]))
    }
}
