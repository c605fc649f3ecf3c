import Foundation

/// The checksum of a side cache's bytes: a 64-bit FNV-1a variant that takes 8 bytes per
/// step (then the rest byte by byte) and mixes with a xorshift. Every step is a bijection of
/// the running value, so any change to one word of the input always changes the result; a
/// damaged cache is told apart from the file it was written as, and ignored.
struct SideCacheChecksum: Equatable {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x100_0000_01b3

    init() {}

    /// False only while the fuzzer feeds the readers behind the checksums (`FuzzTarget`).
    nonisolated(unsafe) static var verified = true

    /// Whether a stored checksum accepts the one computed.
    static func accepts(stored: UInt64, computed: UInt64) -> Bool { !verified || stored == computed }

    /// Adds `bytes` (reader and writer must add the same pieces in the same order).
    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var h = value
        let words = bytes.count / 8
        for i in 0..<words {
            h = (h ^ UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))) &* Self.prime
            h ^= h >> 29
        }
        for i in (words * 8)..<bytes.count { h = (h ^ UInt64(bytes[i])) &* Self.prime }
        value = h ^ UInt64(bytes.count)
    }

    mutating func add<T>(_ array: [T]) { array.withUnsafeBytes { add($0) } }

    /// The checksum of `bytes` alone.
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var c = SideCacheChecksum()
        c.add(bytes)
        return c.value
    }

    static func of<C: ContiguousBytes>(_ bytes: C) -> UInt64 { bytes.withUnsafeBytes { of($0) } }

    /// `value` as 8 big-endian bytes, and back.
    static func bytes(_ value: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * $0)) } }
    static func value<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 { bytes.reduce(0) { $0 << 8 | UInt64($1) } }
}
