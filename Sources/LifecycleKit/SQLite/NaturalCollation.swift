import GRDBSQLite

/// `NaturalOrder` as a SQLite collation, registered on every connection that reads a
/// snapshot (`SQLiteSchema.openReadOnly`), so that `ORDER BY name COLLATE clc_natural`
/// sorts as the JSON store and the list index do. Used in queries only: nothing in a
/// snapshot's schema names it, so other programs read the file as before.
enum NaturalCollation {
    static let name = "clc_natural"

    static func register(_ db: OpaquePointer) throws {
        let code = sqlite3_create_collation_v2(db, name, SQLITE_UTF8, nil, compare, nil)
        guard code == SQLITE_OK else { throw SQLiteFailure(code: code, message: "cannot register the collation \(name)") }
    }

    private static let compare: @convention(c) (UnsafeMutableRawPointer?, Int32, UnsafeRawPointer?, Int32, UnsafeRawPointer?) -> Int32 = {
        _, count1, bytes1, count2, bytes2 in
        let a = UnsafeBufferPointer(start: bytes1?.assumingMemoryBound(to: UInt8.self), count: bytes1 == nil ? 0 : Int(count1))
        let b = UnsafeBufferPointer(start: bytes2?.assumingMemoryBound(to: UInt8.self), count: bytes2 == nil ? 0 : Int(count2))
        return Int32(NaturalOrder.compare(a, b))
    }
}
