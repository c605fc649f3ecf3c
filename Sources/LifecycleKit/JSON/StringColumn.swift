import Foundation

/// Rows of bytes in one buffer, each a range of it (a nil row an empty one), that
/// `StringColumnIndex` can find by their bytes.
protocol ByteRows {
    var bytes: [UInt8] { get }
    func range(_ row: Int) -> Range<Int>
}

extension ByteRows {
    /// Calls `body` with the bytes of a row (empty for nil).
    @inline(__always) func withBytes<R>(_ row: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let r = range(row)
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[r])) }
    }

    func equals(_ row: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let r = range(row)
        guard r.count == key.count else { return false }
        guard !key.isEmpty else { return true }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + r.lowerBound, key.baseAddress!, r.count) == 0 }
    }
}

/// Strings stored back to back in one byte buffer, one row per string, rows possibly nil:
/// a compact column for millions of short texts (ids, names, notes) without one heap
/// object per string.
struct StringColumn: ByteRows {
    private(set) var bytes: [UInt8] = []
    /// Per row: the end offset of its bytes, or the bitwise complement of it when nil.
    private var ends: [Int] = []

    var count: Int { ends.count }

    mutating func append(_ s: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: s)
        ends.append(bytes.count)
    }

    mutating func appendNil() { ends.append(~bytes.count) }

    func isNil(_ row: Int) -> Bool { ends[row] < 0 }

    /// The byte range of a row (empty for nil).
    @inline(__always) func range(_ row: Int) -> Range<Int> {
        let end = ends[row] < 0 ? ~ends[row] : ends[row]
        guard row > 0 else { return 0..<end }
        let start = ends[row - 1] < 0 ? ~ends[row - 1] : ends[row - 1]
        return start..<end
    }

    func string(_ row: Int) -> String? {
        isNil(row) ? nil : String(decoding: bytes[range(row)], as: UTF8.self)
    }

    /// The text of a row; "" for nil.
    func text(_ row: Int) -> String { String(decoding: bytes[range(row)], as: UTF8.self) }
}

/// Finds rows of a `StringColumn` by their bytes: an open-addressing hash table (linear
/// probing, at most 3/4 full) of row numbers, each stored with 32 bits of its hash so that
/// most mismatches are rejected without touching the strings.
struct StringColumnIndex {
    /// Per slot: hash bits << 32 | (row + 1); 0 for an empty slot. The count is a power of two.
    private var slots: [UInt64] = Array(repeating: 0, count: 16)
    private var used = 0

    init() {}

    /// Room for `rows` rows without growing (growing holds the old and the new table at once).
    init(capacity rows: Int) {
        var count = 16
        while count * 3 < rows * 4 + 4 { count *= 2 }
        slots = Array(repeating: 0, count: count)
    }

    /// The row holding `key`, if any.
    func find<C: ByteRows>(_ key: UnsafeBufferPointer<UInt8>, in column: C) -> Int? {
        let h = Self.hash(key)
        let mask = slots.count - 1
        var i = Int(h) & mask
        while true {
            let entry = slots[i]
            if entry == 0 { return nil }
            if entry >> 32 == h, column.equals(Int(entry & 0xFFFF_FFFF) - 1, key) { return Int(entry & 0xFFFF_FFFF) - 1 }
            i = (i + 1) & mask
        }
    }

    /// Adds `row` of `column` unless an earlier row holds the same bytes; returns that row then.
    mutating func insert<C: ByteRows>(row: Int, in column: C) -> Int? {
        if (used + 1) * 4 > slots.count * 3 { grow() }
        let h = column.withBytes(row) { Self.hash($0) }
        let mask = slots.count - 1
        var i = Int(h) & mask
        while true {
            let entry = slots[i]
            if entry == 0 {
                slots[i] = h << 32 | UInt64(row + 1)
                used += 1
                return nil
            }
            if entry >> 32 == h {
                let other = Int(entry & 0xFFFF_FFFF) - 1
                if column.withBytes(row, { column.equals(other, $0) }) { return other }
            }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for entry in old where entry != 0 {
            var i = Int(entry >> 32) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = entry
        }
    }

    /// 32 bits of FNV-1a with a final avalanche, good enough for identifiers.
    @inline(__always) static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        return h & 0xFFFF_FFFF
    }
}

/// Distinct strings numbered in order of first appearance (channels, types, tags…).
struct StringInterner {
    private(set) var strings = StringColumn()
    private var index = StringColumnIndex()

    var count: Int { strings.count }

    /// The number of `s`, adding it when new.
    mutating func intern(_ s: UnsafeBufferPointer<UInt8>) -> Int32 {
        if let row = index.find(s, in: strings) { return Int32(row) }
        strings.append(s)
        _ = index.insert(row: strings.count - 1, in: strings)
        return Int32(strings.count - 1)
    }

    func find(_ s: String) -> Int32? {
        var s = s
        return s.withUTF8 { index.find($0, in: strings) }.map { Int32($0) }
    }

    subscript(_ i: Int32) -> String { strings.text(Int(i)) }
}
