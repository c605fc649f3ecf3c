/// A row with a 128-bit key whose order agrees with the full comparison of its value (for
/// texts: the first 16 bytes), plus a tie-breaker: sorting millions of rows then costs a few
/// integer compares per comparison. Used by the JSON store's orderings and the SQLite list index.
struct SortKeyed {
    var k1: UInt64
    var k2: UInt64
    var row: Int32
    /// Position in id order: the tie-breaker.
    var position: Int32
    /// 0 for nil, which sorts first.
    var present: UInt8
    /// Whether the key holds the whole value (else equal keys need the full comparison).
    var exact: Bool

    init(k1: UInt64, k2: UInt64, row: Int32, position: Int32, present: UInt8, exact: Bool) {
        (self.k1, self.k2, self.row, self.position, self.present, self.exact) = (k1, k2, row, position, present, exact)
    }

    /// The rows of `keyed` in ascending order (`keyed` is sorted in place, not copied);
    /// `compareFully(rowA, rowB)` orders two present values whose keys are equal but not exact.
    static func sorted(_ keyed: inout [SortKeyed], compareFully: (Int, Int) -> Int) -> [Int32] {
        keyed.sort { a, b in
            if a.present != b.present { return a.present < b.present }
            if a.k1 != b.k1 { return a.k1 < b.k1 }
            if a.k2 != b.k2 { return a.k2 < b.k2 }
            if !(a.exact && b.exact) {
                let order = compareFully(Int(a.row), Int(b.row))
                if order != 0 { return order < 0 }
            }
            return a.position < b.position
        }
        return keyed.map(\.row)
    }
}
