import Foundation

/// Ids (of customers, of touchpoints) recorded with the row each was first seen in, found
/// again by their bytes: a million ids cost no `String` each. Ids are equal when Swift's
/// `String` calls them equal (canonically equivalent: `é` as one scalar or as `e` and an
/// accent), as the import always compared them: an id with a byte above ASCII is kept in its
/// NFC form.
struct ImportIDs {
    private var table: ByteStringTable
    private var rows: [Int32] = []

    init(capacity: Int = 16) {
        table = ByteStringTable(capacity: capacity)
        rows.reserveCapacity(capacity)
    }

    /// The row `id` was recorded with; nil when it was not.
    func firstRow(of id: UnsafeBufferPointer<UInt8>) -> Int? {
        Self.withKey(id) { key in table.index(of: key).map { Int(rows[Int($0)]) } }
    }

    func firstRow(of id: String) -> Int? {
        var id = id
        return id.withUTF8 { firstRow(of: $0) }
    }

    func contains(_ id: String) -> Bool { firstRow(of: id) != nil }

    /// Records `id` (not recorded before) as first seen in `row`.
    mutating func record(_ id: UnsafeBufferPointer<UInt8>, row: Int) {
        Self.withKey(id) { table.append($0) }
        rows.append(Int32(truncatingIfNeeded: row))
    }

    /// `id` as compared: itself when ASCII, else its NFC form.
    private static func withKey<R>(_ id: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if !id.contains(where: { $0 >= 0x80 }) { return body(id) }
        var nfc = String(decoding: id, as: UTF8.self).precomposedStringWithCanonicalMapping
        return nfc.withUTF8(body)
    }
}
