import Foundation
import Testing
@testable import LifecycleKit

/// Rowids anywhere in the 64-bit range (snowflake ids of other systems, negative ones): every
/// pass walks the rows that exist, never the numbers between them, and answers as the JSON
/// store does.
@Suite(.serialized) struct ExtremeRowidTests {
    static let extremes: [Int64] = [Int64.min, -1, 0, 1, Int64.max]
    /// Transition ids are positive (the format): their rowids go to the top of the range.
    static let transitionExtremes: [Int64] = [1, 2, 1 << 62, Int64.max - 1, Int64.max]

    /// The hand-made snapshot as SQLite whose first rows in every table have the extreme
    /// rowids (the rest far apart), and its JSON copy converted back from that file.
    static func files() throws -> (sqlite: String, json: String) {
        let dir = try Fixtures.temporaryDirectory()
        let sqlite = try Fixtures.handMadeFiles(in: dir).sqlite
        for table in ["stages", "customers", "touchpoints", "transitions"] {
            // Out of the way first, then onto the targets (no two rows ever share a rowid).
            try SQLiteListIndexTests.sql(sqlite, "UPDATE \(table) SET rowid = rowid + 4000000000000000000")
            let targets = (table == "transitions" ? transitionExtremes : extremes) + (0..<20).map { 1_000_000_000_000 * Int64($0 + 2) }
            for target in targets {
                try SQLiteListIndexTests.sql(sqlite, """
                    UPDATE \(table) SET rowid = \(target) WHERE rowid = (SELECT min(rowid) FROM \(table)
                                                                         WHERE rowid BETWEEN 4000000000000000000 AND 5000000000000000000)
                    """)
            }
        }
        let json = dir.appendingPathComponent("back.json").path
        try SQLiteSnapshotStore(path: sqlite).export(to: try JSONSnapshotWriter(path: json))
        return (sqlite, json)
    }

    @Test func reportTotalsListsAndConvertFinishAndAgreeWithJSON() throws {
        let (sqlite, json) = try Self.files()
        let rowids = try SQLiteSnapshotStore(path: sqlite).read { db in
            let s = try SQLiteStatement(db, "SELECT rowid FROM customers ORDER BY rowid")
            var out: [Int64] = []
            while try s.step() { out.append(Int64(s.int(0))) }
            return out
        }
        #expect(Set(Self.extremes).isSubset(of: rowids))
        let started = Date()
        let store = try SQLiteSnapshotStore(path: sqlite)
        let reference = try JSONSnapshotStore(path: json)
        #expect(try store.totals() == reference.totals())
        #expect(try store.scannedFunnelReport() == reference.funnelReport())
        #expect(try store.funnelReport() == reference.funnelReport())
        #expect(try store.stageCounts() == reference.stageCounts())
        #expect(try store.prepareListIndex() == .built)
        #expect(try SQLiteListIndexTests.lists(store) == SQLiteListIndexTests.lists(reference))
        // Read back from the side cache, the same.
        let again = try SQLiteSnapshotStore(path: sqlite)
        #expect(try again.prepareListIndex() == .loadedFromCache)
        #expect(try SQLiteListIndexTests.lists(again) == SQLiteListIndexTests.lists(reference))
        let exported = CollectingSink()
        try store.export(to: exported)
        #expect(exported.customers.count == 6 && exported.transitions.count == 11 && exported.transitions.last?.id == Int64.max)
        #expect(Date().timeIntervalSince(started) < 30)
    }

    @Test func consecutiveRowidsAcrossTheWholeRangeDoNotOverflow() {
        let ends = SlotRowids([Int64.min, Int64.max])
        #expect(!ends.isConsecutive && ends.slot(of: Int64.max) == 1 && ends.slot(of: 0) == nil)
        let top = SlotRowids([Int64.max - 1, Int64.max])
        #expect(top.isConsecutive && top[1] == Int64.max && top.slot(of: Int64.max) == 1 && top.slot(of: Int64.min) == nil)
        let bottom = SlotRowids([Int64.min, Int64.min + 1])
        #expect(bottom.slot(of: Int64.min) == 0 && bottom.slot(of: Int64.max) == nil)
    }
}
