import Foundation

/// Ids (of customers, of touchpoints) recorded with the row each was first seen in, found
/// again by their bytes: a million ids cost no `String` each, and finding or recording one is
/// one probe of an open-addressing table (a slot holds part of the hash, so most misses read no
/// key). Ids are equal when Swift's `String` calls them equal (canonically equivalent: `é` as
/// one scalar or as `e` and an accent), as the import always compared them: an id with a byte
/// above ASCII is kept in its NFC form.
struct ImportIDs {
    /// Per slot 0 when empty, else the high half of the key's hash and its number + 1.
    private var slots: [UInt64]
    /// Key k is `keys[ends[k - 1]..<ends[k]]` (from 0 for the first).
    private var keys: [UInt8] = []
    private var ends: [Int] = []
    private var rows: [Int32] = []

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [UInt64](repeating: 0, count: size)
    }

    /// The row `id` was recorded with; nil when it was not, and then, given a row, `id` is
    /// recorded with it.
    mutating func firstRow(of id: UnsafeBufferPointer<UInt8>, orRecord row: Int?) -> Int? {
        Self.withKey(id) { key in
            let h = Self.hash(key)
            let (slot, found) = find(key, hash: h)
            if let found { return Int(rows[found]) }
            if let row { add(key, hash: h, slot: slot, row: row) }
            return nil
        }
    }

    /// The row `id` was recorded with; nil when it was not.
    func firstRow(of id: String) -> Int? {
        var id = id
        return id.withUTF8 { b in Self.withKey(b) { key in find(key, hash: Self.hash(key)).found.map { Int(rows[$0]) } } }
    }

    func contains(_ id: String) -> Bool { firstRow(of: id) != nil }

    /// The key's number, or else the empty slot where it would go.
    private func find(_ key: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> (slot: Int, found: Int?) {
        let mask = slots.count - 1, tag = h & 0xffff_ffff_0000_0000
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i] != 0 {
            if slots[i] & 0xffff_ffff_0000_0000 == tag {
                let k = Int(slots[i] & 0xffff_ffff) - 1
                if equals(k, key) { return (i, k) }
            }
            i = (i + 1) & mask
        }
        return (i, nil)
    }

    private func equals(_ k: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = k == 0 ? 0 : ends[k - 1]
        guard ends[k] - start == key.count else { return false }
        return keys.withUnsafeBufferPointer { binaryCompare(UnsafeBufferPointer(rebasing: $0[start..<ends[k]]), key) == 0 }
    }

    private mutating func add(_ key: UnsafeBufferPointer<UInt8>, hash h: UInt64, slot: Int, row: Int) {
        keys.append(contentsOf: key)
        ends.append(keys.count)
        rows.append(Int32(truncatingIfNeeded: row))
        slots[slot] = h & 0xffff_ffff_0000_0000 | UInt64(rows.count)
        if rows.count * 2 > slots.count { grow() }
    }

    /// Twice the slots, every key placed again.
    private mutating func grow() {
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        keys.withUnsafeBufferPointer { all in
            for k in rows.indices {
                let key = UnsafeBufferPointer(rebasing: all[(k == 0 ? 0 : ends[k - 1])..<ends[k]])
                let h = Self.hash(key)
                slots[find(key, hash: h).slot] = h & 0xffff_ffff_0000_0000 | UInt64(k + 1)
            }
        }
    }

    /// A 64-bit hash of the bytes, eight at a time.
    private static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = 0x9e37_79b9_7f4a_7c15 ^ UInt64(b.count)
        var i = 0
        if let base = b.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= b.count {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xff51_afd7_ed55_8ccd
                h ^= h >> 32
                i += 8
            }
        }
        var tail: UInt64 = 0
        for k in i..<b.count { tail |= UInt64(b[k]) << (8 * UInt64(k - i)) }
        h = (h ^ tail) &* 0xc4ce_b9fe_1a85_ec53
        return h ^ (h >> 29)
    }

    /// `id` as compared: itself when ASCII, else its NFC form.
    private static func withKey<R>(_ id: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if !id.contains(where: { $0 >= 0x80 }) { return body(id) }
        var nfc = String(decoding: id, as: UTF8.self).precomposedStringWithCanonicalMapping
        return nfc.withUTF8(body)
    }
}
