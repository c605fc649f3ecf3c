import Foundation

/// Keys of any bytes (customer ids as SQLite hands them over), numbered 0, 1, 2… in the order
/// first seen, and found again by their bytes without making a `String` of them. For scans
/// that meet hundreds of thousands of ids:
/// - the key asked last is tried first (a customer's rows often come one after the other);
/// - while every new key is greater than the one before (rows in customer order, as clc
///   writes them), a greater key is new and no hash table is needed;
/// - the first key out of that order builds one, open addressing on a 64-bit FNV-1a hash, and
///   it answers from then on. The keys' bytes are kept end to end in one array.
struct ByteKeyTable {
    /// How many keys were numbered.
    private(set) var count = 0
    private var bytes: [UInt8] = []
    /// Key k's bytes are `bytes[starts[k]..<starts[k + 1]]`.
    private var starts: [Int] = [0]
    /// Empty while the keys came in ascending order. Else per slot 0 when empty, or the high
    /// half of the key's hash and its number + 1 in the low half (most misses are told apart
    /// without reading the key); never more than half full.
    private var slots: [UInt64] = []
    private var last: Int32 = -1
    /// The keys the table is first made for.
    private let capacity: Int

    /// A table for about `capacity` keys (more make it grow, which places every key again).
    init(capacity: Int = 512) { self.capacity = capacity }

    /// The number of `key`: its own when it was seen before, else the next one.
    mutating func number(of key: UnsafeBufferPointer<UInt8>) -> Int32 {
        if last >= 0, holds(Int(last), key) { return last }
        if slots.isEmpty {
            if count == 0 || withKey(count - 1, { binaryCompare($0, key) < 0 }) { return added(key, slot: nil) }
            slots = [UInt64](repeating: 0, count: Self.slotCount(max(capacity, count)))
            for k in 0..<count { place(k, hash: withKey(k) { Self.hash($0) }) }
        }
        let h = Self.hash(key)
        let mask = slots.count - 1
        let tag = h & 0xffff_ffff_0000_0000
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i] != 0 {
            let slot = slots[i]
            if slot & 0xffff_ffff_0000_0000 == tag, holds(Int(slot & 0xffff_ffff) - 1, key) {
                last = Int32(slot & 0xffff_ffff) - 1
                return last
            }
            i = (i + 1) & mask
        }
        return added(key, slot: i)
    }

    /// Calls `body` with the bytes of key number `k`.
    func withKey<T>(_ k: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[starts[k]..<starts[k + 1]])) }
    }

    /// Numbers `key` (new), put in the table's empty `slot` when there is a table.
    private mutating func added(_ key: UnsafeBufferPointer<UInt8>, slot: Int?) -> Int32 {
        last = Int32(count)
        if let slot { slots[slot] = Self.hash(key) & 0xffff_ffff_0000_0000 | UInt64(count + 1) }
        bytes.append(contentsOf: key)
        starts.append(bytes.count)
        count += 1
        if !slots.isEmpty, count * 2 > slots.count {
            slots = [UInt64](repeating: 0, count: slots.count * 2)
            for k in 0..<count { place(k, hash: withKey(k) { Self.hash($0) }) }
        }
        return last
    }

    /// Puts key number `k` in the first empty slot from its hash's.
    private mutating func place(_ k: Int, hash h: UInt64) {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = h & 0xffff_ffff_0000_0000 | UInt64(k + 1)
    }

    /// Whether key number `k` is `key`.
    private func holds(_ k: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[k]
        guard starts[k + 1] - start == key.count else { return false }
        guard key.count > 0, let other = key.baseAddress else { return true }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, other, key.count) == 0 }
    }

    /// Slots for `keys` keys at most half full: a power of two, at least 1,024.
    private static func slotCount(_ keys: Int) -> Int {
        var size = 1_024
        while size < 2 * keys { size *= 2 }
        return size
    }

    /// FNV-1a over the bytes, its high bits folded into the low ones the slots are taken from.
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return h ^ (h >> 29) ^ (h >> 47)
    }
}
