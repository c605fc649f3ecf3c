import Foundation

/// Ids (of customers, of touchpoints) recorded with the row each was first seen in, found
/// again by their bytes: a million ids cost no `String` each (packed back to back, found
/// through the byte-keyed `StringColumnIndex` the JSON reader uses). Ids are equal when
/// Swift's `String` calls them equal (canonically equivalent: `é` as one scalar or as `e` and
/// an accent), as the import always compared them: an id with a byte above ASCII is kept in
/// its NFC form.
struct ImportIDs {
    /// The ids recorded, in order, keyed by `index`; `rows[k]`: the row id k was recorded with.
    private var ids = PackedTexts()
    private var index: StringColumnIndex
    private var rows: [Int32] = []

    init(capacity: Int = 16) {
        index = StringColumnIndex(capacity: capacity)
    }

    /// The row `id` was recorded with; nil when it was not, and then, given a row, `id` is
    /// recorded with it.
    mutating func firstRow(of id: UnsafeBufferPointer<UInt8>, orRecord row: Int?) -> Int? {
        Self.withKey(id) { key in
            if let found = index.find(key, in: ids) { return Int(rows[found]) }
            if let row {
                ids.append(key)
                rows.append(Int32(truncatingIfNeeded: row))
                _ = index.insert(row: ids.count - 1, in: ids)
            }
            return nil
        }
    }

    /// The row `id` was recorded with; nil when it was not.
    func firstRow(of id: String) -> Int? {
        var id = id
        return id.withUTF8 { b in Self.withKey(b) { key in index.find(key, in: ids).map { Int(rows[$0]) } } }
    }

    func contains(_ id: String) -> Bool { firstRow(of: id) != nil }

    /// `id` as compared: itself when ASCII, else its NFC form.
    private static func withKey<R>(_ id: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if !id.contains(where: { $0 >= 0x80 }) { return body(id) }
        var nfc = String(decoding: id, as: UTF8.self).precomposedStringWithCanonicalMapping
        return nfc.withUTF8(body)
    }
}
