import Foundation
import GRDBSQLite
import Testing
@testable import LifecycleKit

/// The lean build of the list index (`SQLiteListIndexBuilder`: one text column at a time,
/// 16-byte records sorted in place) orders every field exactly as SQL does, on a snapshot
/// made to trip it: equal key prefixes, digits, accents, case, NULLs, a NUL byte.
@Suite(.serialized) struct SQLiteListIndexBuildTests {
    /// (`name` is NOT NULL.)
    static let names: [String?] = [
        "Çağla", "Emil", "Ömer", "Oskar", "Zoe", "Anna", "anna", "ANNA", "Änna", "customer 100", "customer 11",
        "customer 2", "customer 011", "customer 0", "Aaaaaaaaaaaaaaaaaaaa1", "Aaaaaaaaaaaaaaaaaaaa2", "Aaaaaaaaaaaaaaaaaaaä",
        "Aaaaaaaaaaaaaaaaaaaa", "Straße", "Strasse", "STRASSE", "ß", "", "张伟", "Ελένη", "Юлия", "e\u{301}", "é",
        "  lead", "lead", "-lead", "99999999999999999999 big", "123456789012 x", "123456789012 y", "😀", "Łukasz", "Lukasz",
        "same name", "same name", "same name", "x\u{0}y", "x", "Bäcker", "Backer", "æble", "aeble", "ǆ", "dž",
    ]
    static let emails: [String?] = [
        "henry.nibhriain1@example.com", "henry.nibhriain10@example.com", "henry.nibhriain2@example.com",
        "henry.nibhriain1@example.org", "Henry.Nibhriain1@example.com", nil, "", "sales+5002@lopez.example",
        "a@b", "a@b.c", "ä@b", "zz@zz", "12@x", "012@x", "1@x",
    ]
    static let segments: [String?] = ["VIP", "vip", "Vip", nil, "Großkunde", "grosskunde", "", "A10", "A9", "a9", "Ä9"]

    /// The generated snapshot with hostile names, emails, segments and times.
    static func hostileFile() throws -> String {
        let path = try SQLiteListIndexTests.file()
        var db: OpaquePointer?
        guard sqlite3_open(path, &db) == SQLITE_OK else { throw OperationError("open") }
        defer { sqlite3_close(db) }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (column, values) in [("name", names), ("email", emails), ("segment", segments)] {
            var s: OpaquePointer?
            sqlite3_prepare_v2(db, "UPDATE customers SET \(column) = ?1 WHERE rowid % \(values.count + 3) = ?2", -1, &s, nil)
            for (i, value) in values.enumerated() {
                if let value { sqlite3_bind_text(s, 1, value, Int32(value.utf8.count), transient) } else { sqlite3_bind_null(s, 1) }
                sqlite3_bind_int(s, 2, Int32(i))
                guard sqlite3_step(s) == SQLITE_DONE else { throw OperationError("update \(column)") }
                sqlite3_reset(s)
            }
            sqlite3_finalize(s)
        }
        try SQLiteListIndexTests.sql(path, """
            UPDATE customers SET name = 'customer 2' WHERE rowid IN (9, 10, 11);
            UPDATE customers SET stage_entered_at = NULL WHERE rowid % 13 = 0;
            UPDATE customers SET stage_entered_at = '2026-01-01T00:00:00Z' WHERE rowid % 17 = 0;
            """)
        return path
    }

    /// Every slot's rowid in `field` order, as SQL orders the whole table (`ORDER BY <field>, id`).
    static func sqlOrder(_ store: SQLiteSnapshotStore, _ field: CustomerSort.Field) throws -> [Int64] {
        try store.read { db in
            let s = try SQLiteStatement(db, "SELECT c.rowid FROM customers c ORDER BY \(SQLiteSnapshotStore.sortKey(field)), c.id COLLATE BINARY")
            var out: [Int64] = []
            while try s.step() { out.append(Int64(s.int(0))) }
            return out
        }
    }

    @Test func everyOrderIsSQLsOnAHostileSnapshot() throws {
        let path = try Self.hostileFile()
        let store = try SQLiteSnapshotStore(path: path)
        #expect(try store.prepareListIndex() == .built)
        let index = try #require(store.listIndex.current)
        let fields: [CustomerSort.Field] = [.name, .email, .segment, .stageEnteredAt, .touchpointCount, .lastTouchAt, .revenue, .id]
        #expect(Set(index.orders.keys) == Set(fields))
        for field in fields {
            let order = try #require(index.orders[field])
            #expect(order.wholeOrder().map { index.rowids[Int($0)] } == (try Self.sqlOrder(store, field)), "\(field)")
        }
        // Read back from the side cache: the very same orders and columns.
        let loaded = try SQLiteSnapshotStore(path: path)
        #expect(try loaded.prepareListIndex() == .loadedFromCache)
        let again = try #require(loaded.listIndex.current)
        #expect(again.orders.mapValues { $0.wholeOrder() } == index.orders.mapValues { $0.wholeOrder() })
        #expect(again.segments.array == index.segments.array && again.channels.array == index.channels.array)
        #expect(again.segmentNames == index.segmentNames && again.touchpointCounts.array == index.touchpointCounts.array)
        #expect(try SQLiteListIndexTests.lists(loaded) == SQLiteListIndexTests.lists(SQLiteSnapshotStore(path: path, readOnly: true)))
    }

    /// A cold build writes the builder's whole orders to the side cache, each grouped by stage
    /// only while it is written: read back, every order, column and count is the one an index
    /// grouped in memory has.
    @Test func aBuildWrittenWithWholeOrdersReadsBackAsTheIndexGroupedInMemory() throws {
        let path = try Self.hostileFile()
        let store = try SQLiteSnapshotStore(path: path)
        let built = try store.read { db in
            try SQLiteListIndexBuilder(stageIndex: store.stageIndex, stageCount: store.stages.count).build(db)
        }
        #expect(built.index.orders.isEmpty && built.orders.count == 8)
        let grouped = built.grouped()
        let cache = try #require(SQLiteListIndexCache(snapshotPath: path))
        let fingerprint = try #require(SQLiteFileFingerprint(path: path))
        let stageIDs = store.stages.map(\.id)
        cache.write(built.index, wholeOrders: built.orders, fingerprint: fingerprint, stageIDs: stageIDs)
        let mapped = try #require(cache.read(fingerprint: fingerprint, stageIDs: stageIDs))
        #expect(Set(mapped.orders.keys) == Set(grouped.orders.keys))
        for (field, order) in grouped.orders {
            let read = try #require(mapped.orders[field])
            #expect(read.runs.array == order.runs.array && read.ranks.array == order.ranks.array && read.starts == order.starts, "\(field)")
            #expect(order.wholeOrder() == built.orders[field], "\(field)")
        }
        #expect(mapped.stages == grouped.stages && mapped.stageCounts == grouped.stageCounts)
        #expect(mapped.revenues.array == grouped.revenues.array && mapped.lastTouches.array == grouped.lastTouches.array)
        #expect(mapped.segments.array == grouped.segments.array && mapped.channels.array == grouped.channels.array)
    }

    /// A value that is not text (a blob) leaves its field to SQL; the other orders are still made.
    @Test func aNameThatIsNotTextLeavesTheNameOrderToSQL() throws {
        let path = try Self.hostileFile()
        try SQLiteListIndexTests.sql(path, "UPDATE customers SET name = x'4142' WHERE rowid = 3; UPDATE customers SET segment = x'41' WHERE rowid = 4")
        let store = try Fixtures.indexedSQLiteStore(path)
        let index = try #require(store.listIndex.current)
        #expect(index.orders[.name] == nil && index.orders[.segment] == nil)
        #expect(index.orders[.email].map { $0.wholeOrder().map { index.rowids[Int($0)] } } == (try Self.sqlOrder(store, .email)))
        #expect(index.orders[.id].map { $0.wholeOrder().map { index.rowids[Int($0)] } } == (try Self.sqlOrder(store, .id)))
    }

    /// The in-place sort gives the order of a plain sort by (bytes, tie): texts equal in
    /// their first 12 bytes and beyond (runs refined by the next 12, then compared in full),
    /// many duplicates, sorted, reversed and all-equal inputs.
    @Test func recordsSortAsAPlainSort() {
        struct Bytes: FullOrder {
            static var refines: Bool { true }
            let texts: [[UInt8]]
            func compare(_ a: UInt32, _ b: UInt32) -> Int {
                texts[Int(a)].lexicographicallyPrecedes(texts[Int(b)]) ? -1 : texts[Int(b)].lexicographicallyPrecedes(texts[Int(a)]) ? 1 : 0
            }
            func window(_ tie: UInt32, from offset: Int) -> (UInt64, UInt32) {
                let t = texts[Int(tie)]
                return ListIndexOrders.window(offset) { $0 < t.count ? t[$0] : nil }
            }
        }
        let tails = ["", "a", "b", "ab", "abcdefghijklmnopq", "abcdefghijklmnopr", "1", "x"]
        let inputs: [[String]] = [
            (0..<4_000).map { _ in ["", "prefix", "prefixprefixprefix", "prefixprefixprefixprefixprefix"].randomElement()! + tails.randomElement()! },
            (0..<3_000).map { String(format: "%08d", $0 / 7) },
            (0..<3_000).map { String(format: "%08d", 3_000 - $0) },
            Array(repeating: "same same same same", count: 2_000),
        ]
        for input in inputs {
            let texts = input.map { Array($0.utf8) }
            var records = texts.indices.shuffled().map { i in
                let (high, low) = ListIndexOrders.window(0) { $0 < texts[i].count ? texts[i][$0] : nil }
                return OrderRecord(high: high, low: low, tie: UInt32(i))
            }
            records.withUnsafeMutableBufferPointer { RecordSort.sort($0, Bytes(texts: texts)) }
            let expected = texts.indices.sorted { a, b in texts[a] != texts[b] ? texts[a].lexicographicallyPrecedes(texts[b]) : a < b }
            #expect(records.map { Int($0.tie) } == expected)
        }
    }

    @Test func packedTextsHoldEveryRowAndNil() {
        var texts = PackedTexts()
        var expected: [String?] = []
        for i in 0..<300 {
            let value: String? = i % 7 == 0 ? nil : String(repeating: "x", count: i % 11) + "\(i)"
            if let value { var v = value; v.withUTF8 { texts.append($0) } } else { texts.appendNil() }
            expected.append(value)
        }
        #expect(texts.count == 300)
        for (i, value) in expected.enumerated() {
            #expect(texts.isNil(i) == (value == nil))
            #expect(texts.withBytes(i) { String(decoding: $0, as: UTF8.self) } == (value ?? ""))
        }
    }
}
