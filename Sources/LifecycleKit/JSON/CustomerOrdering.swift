/// Sorting a stage's customers exactly as SQL would with `ORDER BY <field>, id`: text fields
/// with SQLite's `NOCASE` (only A–Z fold to a–z, then bytes), nil first, numbers and times
/// numerically, ties by id (UTF-8 bytes). Descending is the reverse of this order.
///
/// Each row gets a 64-bit key whose order agrees with the full comparison (for texts: the
/// first 8 folded bytes), so that most comparisons are one integer compare.
struct CustomerOrdering {
    let tables: SnapshotTables
    let indexes: SnapshotIndexes

    /// `rows` in ascending `field` order.
    func sorted(_ rows: [Int32], by field: CustomerSort.Field) -> [Int32] {
        var keyed = rows.map { Keyed(key: key(of: Int($0), field), row: $0) }
        keyed.sort { a, b in a.key != b.key ? a.key < b.key : lessOnTie(Int(a.row), Int(b.row), field) }
        return keyed.map(\.row)
    }

    private struct Keyed {
        var key: UInt64
        var row: Int32
    }

    private func key(of row: Int, _ field: CustomerSort.Field) -> UInt64 {
        let c = tables.customers
        switch field {
        case .name: return c.names.withBytes(row) { Self.prefixKey($0, foldCase: true) }
        case .email: return c.emails.withBytes(row) { Self.prefixKey($0, foldCase: true) }
        case .segment:
            let s = c.segments[row]
            return s < 0 ? 0 : tables.words.strings.withBytes(Int(s)) { Self.prefixKey($0, foldCase: true) }
        case .id: return c.ids.withBytes(row) { Self.prefixKey($0, foldCase: false) }
        case .stageEnteredAt: return Self.timeKey(c.stageEnteredAt[row])
        case .lastTouchAt: return Self.timeKey(indexes.lastTouch[row])
        case .touchpointCount: return UInt64(indexes.touchpointsByCustomer.count(row))
        case .revenue: return Self.numberKey(indexes.revenue[row])
        }
    }

    /// The order of two rows with equal keys: the full field comparison, then the id.
    private func lessOnTie(_ a: Int, _ b: Int, _ field: CustomerSort.Field) -> Bool {
        let c = tables.customers
        var order = 0
        switch field {
        case .name: order = Self.compareNoCase(c.names, a, c.names, b)
        case .email: order = Self.compareNoCase(c.emails, a, c.emails, b)
        case .segment:
            let (x, y) = (Int(c.segments[a]), Int(c.segments[b]))
            if x != y { order = x < 0 ? -1 : y < 0 ? 1 : Self.compareNoCase(tables.words.strings, x, tables.words.strings, y) }
        default: break
        }
        if order != 0 { return order < 0 }
        return c.ids.withBytes(a) { x in c.ids.withBytes(b) { y in x.lexicographicallyPrecedes(y) } }
    }

    // MARK: Keys

    /// The first 8 bytes, big-endian, zero-padded; folded and cut at a NUL byte for `NOCASE`
    /// (SQLite's comparison stops there).
    static func prefixKey(_ s: UnsafeBufferPointer<UInt8>, foldCase: Bool) -> UInt64 {
        var key: UInt64 = 0
        for i in 0..<8 {
            var b: UInt8 = i < s.count ? s[i] : 0
            if foldCase {
                if b == 0 { return key << (8 * UInt64(8 - i)) }
                b = fold(b)
            }
            key = key << 8 | UInt64(b)
        }
        return key
    }

    /// Microseconds (`noTimestamp` → 0, first) as an unsigned key.
    static func timeKey(_ micros: Int64) -> UInt64 { UInt64(bitPattern: micros) ^ (1 << 63) }

    /// A double as an unsigned key of the same order (-0 equal to 0).
    static func numberKey(_ d: Double) -> UInt64 {
        let bits = (d + 0.0).bitPattern
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    // MARK: NOCASE

    @inline(__always) static func fold(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }

    /// SQLite's `NOCASE` collation: nil before any text, then folded bytes up to the shorter
    /// length (stopping where both hold NUL), then the shorter first.
    static func compareNoCase(_ x: StringColumn, _ a: Int, _ y: StringColumn, _ b: Int) -> Int {
        if x.isNil(a) || y.isNil(b) { return x.isNil(a) == y.isNil(b) ? 0 : x.isNil(a) ? -1 : 1 }
        return x.withBytes(a) { s in
            y.withBytes(b) { t in
                for i in 0..<min(s.count, t.count) {
                    if s[i] == 0 && t[i] == 0 { break }
                    let (p, q) = (fold(s[i]), fold(t[i]))
                    if p != q { return p < q ? -1 : 1 }
                }
                return s.count == t.count ? 0 : s.count < t.count ? -1 : 1
            }
        }
    }
}
