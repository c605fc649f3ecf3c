import Foundation
import Testing
@testable import LifecycleKit

/// A side cache with any byte changed is ignored and rebuilt: what clc shows is what it
/// shows without the cache (the checksum in each cache file's header).
@Suite(.serialized) struct SideCacheDamageTests {
    /// Positions spread over the whole file, the first 64 bytes (magic, lengths, checksum) all.
    static func positions(_ count: Int) -> [Int] {
        Array(Set(Array(0..<min(64, count)) + stride(from: 64, to: count, by: max(1, count / 40)).map { $0 }
            + [count - 1])).sorted()
    }

    @Test func aReportCacheWithOneByteChangedIsIgnored() throws {
        let path = try SQLiteListIndexTests.file()
        let uncached = try SQLiteSnapshotStore(path: path).scannedFunnelReport()
        #expect(try SQLiteSnapshotStore(path: path).funnelReport() == uncached)
        let url = try #require(SQLiteReportCache(snapshotPath: path)).file.url
        let original = try Data(contentsOf: url)
        // A changed letter in a key (the case of the issue: the figure read as null), and everywhere else.
        let key = try #require(original.firstRange(of: Data("\"median".utf8))).lowerBound + 2
        for position in Self.positions(original.count) + [key] {
            var damaged = original
            damaged[position] ^= 0x20
            try damaged.write(to: url)
            let report = try SQLiteSnapshotStore(path: path).funnelReport()
            #expect(report == uncached, "byte \(position)")
        }
    }

    @Test func aListIndexCacheWithOneByteChangedIsIgnored() throws {
        let path = try SQLiteListIndexTests.file()
        let expected = try SQLiteListIndexTests.lists(SQLiteSnapshotStore(path: path, readOnly: true))
        let counts = try SQLiteSnapshotStore(path: path).stageCountsBySQL()
        _ = try Fixtures.indexedSQLiteStore(path)
        let url = try #require(SQLiteListIndexCache(snapshotPath: path)).file.url
        let original = try Data(contentsOf: url)
        for position in Self.positions(original.count) {
            var damaged = original
            damaged[position] ^= 0x01
            try damaged.write(to: url)
            let store = try SQLiteSnapshotStore(path: path)
            let cachedCounts = store.cachedStageCounts()
            #expect(cachedCounts == nil || cachedCounts == counts, "byte \(position)")
            #expect(try store.prepareListIndex() == .built, "byte \(position)")
            #expect(try SQLiteListIndexTests.lists(store) == expected, "byte \(position)")
        }
    }
}
