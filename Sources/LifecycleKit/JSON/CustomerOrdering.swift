/// Sorting a stage's customers exactly as SQL would with `ORDER BY <field>, id`: names,
/// emails and segments in `NaturalOrder` (SQL: `NaturalCollation`), nil first, numbers and
/// times numerically, ties by id (UTF-8 bytes). Descending is the reverse of this order.
///
/// Each row gets a key of 128 bits whose order agrees with the full comparison (for texts:
/// the first 16 key bytes), and its position in id order as the tie-breaker, so that
/// almost every comparison is a few integer compares.
struct CustomerOrdering {
    let tables: SnapshotTables
    let indexes: SnapshotIndexes
    /// For the value fields; nil: every customer lacks them.
    var values: JSONValues? = nil

    /// Every customer row in ascending id order (bytes, as SQLite's `ORDER BY id`).
    func idOrder() -> [Int] {
        sortedByID(Array(0..<Int32(tables.customers.count))).map { Int($0) }
    }

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
        func text(_ column: StringColumn, _ i: Int, natural: Bool) {
            guard !column.isNil(i) else {
                k.present = 0
                return
            }
            column.withBytes(i) { (k.k1, k.k2, k.exact) = natural ? NaturalOrder.prefixKey($0) : Self.prefixKey($0) }
        }
        switch field {
        case .name: text(c.names, r, natural: true)
        case .email: text(c.emails, r, natural: true)
        case .segment:
            if c.segments[r] < 0 { k.present = 0 } else { text(tables.words.strings, Int(c.segments[r]), natural: true) }
        case .id: text(c.ids, r, natural: false)
        case .stageEnteredAt: k.k1 = Self.timeKey(c.stageEnteredAt[r])
        case .lastTouchAt: k.k1 = Self.timeKey(indexes.lastTouch[r])
        case .touchpointCount: k.k1 = UInt64(indexes.touchpointsByCustomer.count(r))
        case .revenue: k.k1 = Self.numberKey(indexes.revenue[r])
        case .clv, .probabilityAlive, .rfmSegment:
            if let key = values?.sortKey(row: r, field) { k.k1 = key } else { k.present = 0 }
        }
        return k
    }

    /// The full comparison of two present values of a text field.
    private func compareFully(_ a: Int, _ b: Int, _ field: CustomerSort.Field) -> Int {
        let c = tables.customers
        switch field {
        case .name: return Self.compareNatural(c.names, a, c.names, b)
        case .email: return Self.compareNatural(c.emails, a, c.emails, b)
        case .segment:
            let words = tables.words.strings
            return Self.compareNatural(words, Int(c.segments[a]), words, Int(c.segments[b]))
        case .id:
            return c.ids.withBytes(a) { x in
                c.ids.withBytes(b) { y in x.lexicographicallyPrecedes(y) ? -1 : y.lexicographicallyPrecedes(x) ? 1 : 0 }
            }
        default: return 0
        }
    }

    // MARK: Keys

    /// The first 16 bytes as two big-endian words, zero-padded, and whether they are the
    /// whole text (binary order: ids).
    static func prefixKey(_ s: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64, Bool) {
        var words: (UInt64, UInt64) = (0, 0)
        for i in 0..<16 {
            let b: UInt8 = i < s.count ? s[i] : 0
            if i < 8 { words.0 = words.0 << 8 | UInt64(b) } else { words.1 = words.1 << 8 | UInt64(b) }
        }
        // A shorter text padded with zeros could equal a longer one ending in NUL bytes.
        return (words.0, words.1, s.count <= 16 && !s.contains(0))
    }

    /// Microseconds (`noTimestamp` → 0, first) as an unsigned key.
    static func timeKey(_ micros: Int64) -> UInt64 { UInt64(bitPattern: micros) ^ (1 << 63) }

    /// A double as an unsigned key of the same order (-0 equal to 0).
    static func numberKey(_ d: Double) -> UInt64 {
        let bits = (d + 0.0).bitPattern
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    /// `NaturalOrder` of two present texts.
    static func compareNatural(_ x: StringColumn, _ a: Int, _ y: StringColumn, _ b: Int) -> Int {
        x.withBytes(a) { s in y.withBytes(b) { t in NaturalOrder.compare(s, t) } }
    }
}
