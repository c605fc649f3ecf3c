/// Byte strings (customer ids, channel names, touchpoint ids…) numbered in the order first
/// added and found again by their bytes, without making a `String` per row: one arena of
/// bytes and an open-addressing table over it. For scans of millions of rows.
struct ByteStringTable {
    /// String k is `bytes[starts[k]..<starts[k + 1]]`.
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]
    /// Per slot, a string number, or -1 when empty (only with `indexed`).
    private var slots: [Int32]
    private var hashes: [UInt32] = []
    private let indexed: Bool

    /// `indexed`: strings can be found again by their bytes (`index(of:)`); without it the
    /// table only keeps them (touchpoint ids to compare).
    init(indexed: Bool = true, capacity: Int = 16) {
        self.indexed = indexed
        var size = 16
        while indexed && size < capacity * 2 { size *= 2 }
        slots = indexed ? [Int32](repeating: -1, count: size) : []
    }

    var count: Int { starts.count - 1 }

    /// The number of `key`, nil when it was never added.
    func index(of key: UnsafeBufferPointer<UInt8>) -> Int32? { index(of: key, hash: Self.hash(key), below: Int32(count)) }

    private func index(of key: UnsafeBufferPointer<UInt8>, hash h: UInt32, below limit: Int32) -> Int32? {
        var slot = Int(h) & (slots.count - 1)
        while true {
            let k = slots[slot]
            if k < 0 { return nil }
            if k < limit && hashes[Int(k)] == h && equals(Int(k), key) { return k }
            slot = (slot + 1) & (slots.count - 1)
        }
    }

    /// The number of `key`, added when new (with `indexed`, an existing one is found again).
    mutating func add(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
        if indexed, let known = index(of: key) { return known }
        return append(key)
    }

    /// Adds `key` as a new string, even when it is there already (`index(of:)` then finds the
    /// first): numbers stay those of the rows.
    @discardableResult
    mutating func append(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
        let k = Int32(count)
        bytes.append(contentsOf: key)
        starts.append(bytes.count)
        guard indexed else { return k }
        let h = Self.hash(key)
        hashes.append(h)
        if count * 2 > slots.count { grow(); return k }
        // One probe: an equal string found first keeps the slot, else this one takes the empty slot.
        var slot = Int(h) & (slots.count - 1)
        while slots[slot] >= 0 {
            let other = Int(slots[slot])
            if hashes[other] == h && equals(other, key) { return k }
            slot = (slot + 1) & (slots.count - 1)
        }
        slots[slot] = k
        return k
    }

    /// Appends every string of `other` (numbers shift by this table's count before).
    mutating func append(contentsOf other: ByteStringTable) {
        other.bytes.withUnsafeBufferPointer { all in
            for k in 0..<other.count { append(UnsafeBufferPointer(rebasing: all[other.starts[k]..<other.starts[k + 1]])) }
        }
    }

    /// String k.
    func string(_ k: Int) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[starts[k]..<starts[k + 1]]), as: UTF8.self) }
    }

    /// Compares strings a and b as SQLite's BINARY collation does.
    func compare(_ a: Int, _ b: Int) -> Int {
        bytes.withUnsafeBufferPointer { all in
            binaryCompare(UnsafeBufferPointer(rebasing: all[starts[a]..<starts[a + 1]]),
                          UnsafeBufferPointer(rebasing: all[starts[b]..<starts[b + 1]]))
        }
    }

    /// Compares string k with `key` as SQLite's BINARY collation does.
    func compare(_ k: Int, _ key: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.withUnsafeBufferPointer { binaryCompare(UnsafeBufferPointer(rebasing: $0[starts[k]..<starts[k + 1]]), key) }
    }

    private func equals(_ k: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        starts[k + 1] - starts[k] == key.count && compare(k, key) == 0
    }

    private mutating func place(_ k: Int32) {
        var slot = Int(hashes[Int(k)]) & (slots.count - 1)
        while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = k
    }

    /// Twice the slots, with each distinct string placed again (its first number).
    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let all = bytes
        all.withUnsafeBufferPointer { all in
            for k in 0..<Int32(count) {
                let key = UnsafeBufferPointer(rebasing: all[starts[Int(k)]..<starts[Int(k) + 1]])
                if index(of: key, hash: hashes[Int(k)], below: k) == nil { place(k) }
            }
        }
    }

    /// FNV-1a, folded to 32 bits.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return UInt32(truncatingIfNeeded: h ^ (h >> 32))
    }
}
