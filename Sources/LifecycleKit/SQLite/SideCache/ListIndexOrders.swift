/// The orders of the list index, each made from 16-byte `OrderRecord`s sorted in place:
/// every slot ascending by its field, nil first, ties by id (SQL's `ORDER BY <field>, id`).
/// Rows are numbered by their position in id order, so that the tie-breaker is the row.
enum ListIndexOrders {
    /// Every slot ascending by id (bytes, as SQLite's BINARY); equal ids by slot.
    static func byID(_ ids: PackedTexts) -> [Int32] {
        order(ids.count, byID: nil, full: BinaryTexts(texts: ids), isNil: ids.isNil) { slot in
            ids.withBytes(slot) { key(CustomerOrdering.prefixKey($0)) }
        }
    }

    /// Every slot ascending by `texts` in `NaturalOrder`.
    static func natural(_ texts: PackedTexts, byID: [Int32]) -> [Int32] {
        byID.withUnsafeBufferPointer { byID in
            order(texts.count, byID: byID, full: NaturalTexts(texts: texts, byID: byID), isNil: texts.isNil) { slot in
                texts.withBytes(slot) { key(NaturalOrder.prefixKey($0)) }
            }
        }
    }

    /// Every slot ascending by a key that is the whole value (nil: first).
    static func keyed(byID: [Int32], _ key: (Int) -> UInt64?) -> [Int32] {
        byID.withUnsafeBufferPointer { byID in
            order(byID.count, byID: byID, full: KeysOnly(), isNil: { key($0) == nil }) { (key($0) ?? 0, 0) }
        }
    }

    /// Key bytes `offset..<offset + 12` as (8, 4) big-endian, zero-padded; `byte(i)` gives
    /// byte i of the key, nil past its end (called for i = 0, 1, 2… in turn).
    static func window(_ offset: Int, _ byte: (Int) -> UInt8?) -> (UInt64, UInt32) {
        var high: UInt64 = 0, low: UInt32 = 0, ended = false
        for i in 0..<(offset + 12) {
            var b: UInt8 = 0
            if !ended, let next = byte(i) { b = next } else { ended = true }
            if i < offset { continue }
            if i < offset + 8 { high = high << 8 | UInt64(b) } else { low = low << 8 | UInt32(b) }
        }
        return (high, low)
    }

    /// The first 12 of 16 key bytes.
    @inline(__always) private static func key(_ prefix: (UInt64, UInt64, Bool)) -> (UInt64, UInt32) {
        (prefix.0, UInt32(truncatingIfNeeded: prefix.1 >> 32))
    }

    /// Rows numbered by `byID` (position → slot), else by slot: nil rows first in that
    /// order, then the others' records sorted.
    private static func order<F: FullOrder>(_ n: Int, byID: UnsafeBufferPointer<Int32>?, full: F, isNil: (Int) -> Bool,
                                            key: (Int) -> (UInt64, UInt32)) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(n)
        var nils = 0
        for row in 0..<n where isNil(byID.map { Int($0[row]) } ?? row) { nils += 1 }
        var records = [OrderRecord](unsafeUninitializedCapacity: n - nils) { buffer, initialized in
            for row in 0..<n {
                let slot = byID.map { Int($0[row]) } ?? row
                if isNil(slot) {
                    out.append(Int32(slot))
                } else {
                    let (high, low) = key(slot)
                    buffer[initialized] = OrderRecord(high: high, low: low, tie: UInt32(row))
                    initialized += 1
                }
            }
        }
        records.withUnsafeMutableBufferPointer { RecordSort.sort($0, full) }
        for record in records { out.append(byID.map { $0[Int(record.tie)] } ?? Int32(record.tie)) }
        return out
    }
}

/// Ids compared in full: bytes (ties are slots).
private struct BinaryTexts: FullOrder {
    static var refines: Bool { true }
    let texts: PackedTexts

    func window(_ tie: UInt32, from offset: Int) -> (UInt64, UInt32) {
        texts.withBytes(Int(tie)) { bytes in ListIndexOrders.window(offset) { i in i < bytes.count ? bytes[i] : nil } }
    }

    func compare(_ a: UInt32, _ b: UInt32) -> Int {
        texts.withBytes(Int(a)) { x in texts.withBytes(Int(b)) { y in binaryCompare(x, y) } }
    }
}

/// Names, emails compared in full: `NaturalOrder` (ties are positions in id order).
private struct NaturalTexts: FullOrder {
    static var refines: Bool { true }
    let texts: PackedTexts
    let byID: UnsafeBufferPointer<Int32>

    func window(_ tie: UInt32, from offset: Int) -> (UInt64, UInt32) {
        texts.withBytes(Int(byID[Int(tie)])) { text in
            var key = NaturalOrder.KeyBytes(text)
            return ListIndexOrders.window(offset) { _ in key.next() }
        }
    }

    func compare(_ a: UInt32, _ b: UInt32) -> Int {
        texts.withBytes(Int(byID[Int(a)])) { x in texts.withBytes(Int(byID[Int(b)])) { y in NaturalOrder.compare(x, y) } }
    }
}
