/// The texts of one column while the list index is built: back to back in one byte buffer,
/// each row's end as 32 bits relative to its block of 64 rows (a block's start is a full
/// offset), nil rows in a bit set. About 4 bytes per row besides the text itself, where a
/// `StringColumn` takes 8, and no limit on the total size.
struct PackedTexts: ByteRows {
    private(set) var bytes: [UInt8] = []
    /// Per row: the end of its bytes, from its block's start.
    private var ends: [UInt32] = []
    /// Per block of 64 rows: where its bytes start, and which of its rows are nil.
    private var starts: [Int] = []
    private var nils: [UInt64] = []

    var count: Int { ends.count }

    /// Reserves room for `rows` rows of `bytes` bytes in all (an estimate: more still fits).
    mutating func reserve(rows: Int, bytes total: Int) {
        ends.reserveCapacity(rows)
        starts.reserveCapacity(rows / 64 + 1)
        nils.reserveCapacity(rows / 64 + 1)
        bytes.reserveCapacity(total)
    }

    mutating func append(_ s: UnsafeBufferPointer<UInt8>) {
        openBlock()
        bytes.append(contentsOf: s)
        closeRow()
    }

    mutating func appendNil() {
        openBlock()
        nils[nils.count - 1] |= 1 << UInt64(ends.count & 63)
        closeRow()
    }

    @inline(__always) private mutating func openBlock() {
        if ends.count & 63 == 0 {
            starts.append(bytes.count)
            nils.append(0)
        }
    }

    @inline(__always) private mutating func closeRow() {
        let relative = bytes.count - starts[starts.count - 1]
        // A block of 64 texts over 4 GiB: no memory holds the column anyway.
        precondition(relative <= Int(UInt32.max), "a text of over 4 GiB")
        ends.append(UInt32(relative))
    }

    @inline(__always) func isNil(_ row: Int) -> Bool { nils[row >> 6] & (1 << UInt64(row & 63)) != 0 }

    /// The byte range of a row (empty for nil).
    @inline(__always) func range(_ row: Int) -> Range<Int> {
        let base = starts[row >> 6]
        let start = row & 63 == 0 ? base : base + Int(ends[row - 1])
        return start..<(base + Int(ends[row]))
    }
}
