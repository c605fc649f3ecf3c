/// Sorting a stage's customers exactly as SQL would with `ORDER BY <field>, id`: text fields
/// with SQLite's `NOCASE` (only A–Z fold to a–z, then bytes), nil first, numbers and times
/// numerically, ties by id (UTF-8 bytes). Descending is the reverse of this order.
///
/// Each row gets a key of 128 bits whose order agrees with the full comparison (for texts:
/// the first 16 folded bytes), and its position in id order as the tie-breaker, so that
/// almost every comparison is a few integer compares.
struct CustomerOrdering {
    let tables: SnapshotTables
    let indexes: SnapshotIndexes

    /// `rows` in ascending id order.
    func sortedByID(_ rows: [Int32]) -> [Int32] {
        sort(rows.map { keyed(row: $0, position: 0, .id) }, .id)
    }

    /// `rowsByID` (ascending by id) in ascending `field` order.
    func sorted(_ rowsByID: [Int32], by field: CustomerSort.Field) -> [Int32] {
        sort(rowsByID.enumerated().map { keyed(row: $1, position: $0, field) }, field)
    }

    private typealias Keyed = SortKeyed

    private func sort(_ keyed: consuming [Keyed], _ field: CustomerSort.Field) -> [Int32] {
        SortKeyed.sorted(&keyed) { compareFully($0, $1, field) }
    }

    private func keyed(row: Int32, position: Int, _ field: CustomerSort.Field) -> Keyed {
        let r = Int(row)
        let c = tables.customers
        var k = Keyed(k1: 0, k2: 0, row: row, position: Int32(position), present: 1, exact: true)
        func text(_ column: StringColumn, _ i: Int, foldCase: Bool) {
            guard !column.isNil(i) else {
                k.present = 0
                return
            }
            column.withBytes(i) { (k.k1, k.k2, k.exact) = Self.prefixKey($0, foldCase: foldCase) }
        }
        switch field {
        case .name: text(c.names, r, foldCase: true)
        case .email: text(c.emails, r, foldCase: true)
        case .segment:
            if c.segments[r] < 0 { k.present = 0 } else { text(tables.words.strings, Int(c.segments[r]), foldCase: true) }
        case .id: text(c.ids, r, foldCase: false)
        case .stageEnteredAt: k.k1 = Self.timeKey(c.stageEnteredAt[r])
        case .lastTouchAt: k.k1 = Self.timeKey(indexes.lastTouch[r])
        case .touchpointCount: k.k1 = UInt64(indexes.touchpointsByCustomer.count(r))
        case .revenue: k.k1 = Self.numberKey(indexes.revenue[r])
        }
        return k
    }

    /// The full comparison of two present values of a text field.
    private func compareFully(_ a: Int, _ b: Int, _ field: CustomerSort.Field) -> Int {
        let c = tables.customers
        switch field {
        case .name: return Self.compareNoCase(c.names, a, c.names, b)
        case .email: return Self.compareNoCase(c.emails, a, c.emails, b)
        case .segment:
            let words = tables.words.strings
            return Self.compareNoCase(words, Int(c.segments[a]), words, Int(c.segments[b]))
        case .id:
            return c.ids.withBytes(a) { x in
                c.ids.withBytes(b) { y in x.lexicographicallyPrecedes(y) ? -1 : y.lexicographicallyPrecedes(x) ? 1 : 0 }
            }
        default: return 0
        }
    }

    // MARK: Keys

    /// The first 16 bytes as two big-endian words, zero-padded, and whether they are the
    /// whole text. For `NOCASE` they are folded and cut at a NUL byte (SQLite's comparison
    /// stops where both texts hold one); a text with a NUL is never exact.
    static func prefixKey(_ s: UnsafeBufferPointer<UInt8>, foldCase: Bool) -> (UInt64, UInt64, Bool) {
        var words: (UInt64, UInt64) = (0, 0)
        var exact = s.count <= 16
        var cut = false
        for i in 0..<16 {
            var b: UInt8 = 0
            if i < s.count && !cut {
                b = s[i]
                if b == 0 {
                    exact = false
                    cut = foldCase
                }
                b = foldCase ? fold(b) : b
            }
            if i < 8 { words.0 = words.0 << 8 | UInt64(b) } else { words.1 = words.1 << 8 | UInt64(b) }
        }
        return (words.0, words.1, exact)
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

    /// SQLite's `NOCASE` collation of two present texts: folded bytes up to the shorter
    /// length (stopping where both hold NUL), then the shorter first.
    static func compareNoCase(_ x: StringColumn, _ a: Int, _ y: StringColumn, _ b: Int) -> Int {
        x.withBytes(a) { s in
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
