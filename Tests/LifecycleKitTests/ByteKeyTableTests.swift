import Foundation
import Testing
@testable import LifecycleKit

/// The customer ids of `clc model`'s scan numbered by their bytes: in the order first seen,
/// whether they come in ascending order (no hash table) or not (one is built on the way).
@Suite struct ByteKeyTableTests {
    static func numbers(_ keys: [String], capacity: Int = 512) -> (numbers: [Int32], count: Int) {
        var table = ByteKeyTable(capacity: capacity)
        let numbers = keys.map { key in Array(key.utf8).withUnsafeBufferPointer { table.number(of: $0) } }
        return (numbers, table.count)
    }

    /// What a dictionary of strings says: each key's number is how many distinct keys came before it.
    static func reference(_ keys: [String]) -> [Int32] {
        var known: [String: Int32] = [:]
        return keys.map { key in
            if let k = known[key] { return k }
            known[key] = Int32(known.count)
            return Int32(known.count - 1)
        }
    }

    @Test func ascendingKeysAreNumberedInOrder() {
        let keys = ["C-0000001", "C-0000001", "C-0000002", "C-0000010", "C-0000010", "C-0000011"]
        let got = Self.numbers(keys)
        #expect(got.numbers == [0, 0, 1, 2, 2, 3])
        #expect(got.count == 4)
    }

    @Test func aKeyOutOfOrderFindsTheKeysSeenBefore() {
        let keys = ["b", "c", "a", "b", "c", "a", "d", "c"]
        #expect(Self.numbers(keys).numbers == [0, 1, 2, 0, 1, 2, 3, 1])
    }

    @Test func emptyKeysAndPrefixesAreKeysOfTheirOwn() {
        let keys = ["", "a", "ab", "", "a", "é", "ab"]
        #expect(Self.numbers(keys).numbers == [0, 1, 2, 0, 1, 3, 2])
    }

    @Test func manyKeysInAnyOrderAsADictionaryNumbersThem() {
        var generator = SystemRandomNumberGenerator()
        let ids = (0..<20_000).map { "C-\($0 * 7919 % 20_000)" }
        var keys: [String] = []
        for _ in 0..<60_000 { keys.append(ids[Int.random(in: 0..<ids.count, using: &generator)]) }
        // A small first table: it grows several times after the switch to hashing.
        let got = Self.numbers(keys, capacity: 4)
        #expect(got.numbers == Self.reference(keys))
        // First ascending, then not: the switch keeps every number given before it.
        let mixed = (0..<5_000).map { String(format: "K%06d", $0) } + keys
        #expect(Self.numbers(mixed, capacity: 4).numbers == Self.reference(mixed))
    }
}
