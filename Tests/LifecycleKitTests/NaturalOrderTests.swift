import Foundation
import Testing
@testable import LifecycleKit

/// Names, emails and segments sort in natural order (runs of digits by their value, the rest by
/// the Unicode root collation), identically in the JSON store, the SQLite store's SQL and its
/// list index.
@Suite(.serialized) struct NaturalOrderTests {
    /// Customer names in the order the list must show them, shuffled into the file.
    static let names = ["customer 0", "customer 2", "Customer 9", "customer 11", "customer 100", "customer 1002",
                        "customer 10027", "customer 10027b", "customer 99999999999999999999999", "customer x",
                        "Customer-1", "customers", "Zoë 3", "zoë 20"]

    /// Names as people read them, in their order (ties by id: the two equal names keep C-ids order).
    static let unicodeNames = [" Leading space", "_under", "\u{1B}[31mZZ", "1 Anna", "2 Anna", "10 Anna", "Anna",
                               "Anna Bäcker".decomposedStringWithCanonicalMapping, "Anna Bäcker", "anna becker", "Anna Becker",
                               "Anna-Lena", "Bäckerei Fischer", "Brown Inc.", "Çağla", "Emil", "Ömer", "Ørsted", "Oskar", "Straße",
                               "Zoe", "Þór", "Ωmega", "Жанна", "Йорк", "中村", "\u{FFFF}"]

    static func snapshot(_ names: [String] = names, order: [Int] = [5, 0, 12, 3, 9, 1, 13, 7, 10, 2, 11, 6, 4, 8]) -> String {
        let customers = order.map { i in
            #"{"id": "C\#(i)", "name": \#(Self.json(names[i])), "email": \#(Self.json(names[i].lowercased().replacingOccurrences(of: " ", with: ".") + "@x.org")), "#
                + #""stage": "s", "segment": "seg \#(i % 3 == 0 ? 10 : i % 3 == 1 ? 9 : 100)"}"#
        }
        return """
            {"format": "lifecycle-snapshot", "version": 1, "as_of": "2026-01-01T00:00:00Z",
             "stages": [{"id": "s", "name": "S"}], "customers": [\(customers.joined(separator: ",\n"))],
             "touchpoints": [], "transitions": []}
            """
    }

    static func json(_ s: String) -> String { String(decoding: try! JSONEncoder().encode(s), as: UTF8.self) }

    static func stores(_ snapshot: String = snapshot()) throws -> [(String, SnapshotStore)] {
        let dir = try Fixtures.temporaryDirectory()
        let json = try Fixtures.write(snapshot, named: "natural.json", in: dir)
        let sqlite = dir.appendingPathComponent("natural.sqlite").path
        try JSONSnapshotStore(path: json).export(to: try SQLiteSnapshotWriter(path: sqlite))
        return [("json", try JSONSnapshotStore(path: json)), ("sql", try SQLiteSnapshotStore(path: sqlite)),
                ("index", try Fixtures.indexedSQLiteStore(sqlite))]
    }

    static func names(_ store: SnapshotStore, _ sort: CustomerSort) throws -> [String] {
        try store.customers(inStage: "s", filter: .none, sort: sort, offset: 0, limit: 100).map(\.customer.name)
    }

    @Test func namesSortByTheValueOfTheirDigits() throws {
        for (label, store) in try Self.stores() {
            #expect(try Self.names(store, CustomerSort(.name)) == Self.names, "\(label)")
            #expect(try Self.names(store, CustomerSort(.name, descending: true)) == Self.names.reversed(), "\(label)")
            let emails = try store.customers(inStage: "s", filter: .none, sort: CustomerSort(.email), offset: 0, limit: 100)
                .compactMap(\.customer.email).filter { $0.hasPrefix("customer.") && $0.dropFirst(9).first!.isNumber }
            #expect(emails == ["customer.0@x.org", "customer.2@x.org", "customer.9@x.org", "customer.11@x.org", "customer.100@x.org",
                               "customer.1002@x.org", "customer.10027@x.org", "customer.10027b@x.org",
                               "customer.99999999999999999999999@x.org"], "\(label)")
        }
    }

    /// The three stores agree on names in many scripts, accents, case and odd characters, and
    /// give the order people read (the demo's "Anna Becker, Anna Bäcker" was the wrong way round).
    @Test func namesSortAsPeopleReadThemInEveryStore() throws {
        let names = Self.unicodeNames
        let order = Array(names.indices).shuffled()
        for (label, store) in try Self.stores(Self.snapshot(names, order: order)) {
            let rows = try store.customers(inStage: "s", filter: .none, sort: CustomerSort(.name), offset: 0, limit: 100)
            // The NFC and NFD Bäcker are equal: by id, C8 after C7.
            #expect(rows.map(\.customer.name) == names, "\(label)")
            #expect(rows.map(\.customer.id) == names.indices.map { "C\($0)" }, "\(label)")
            let descending = try store.customers(inStage: "s", filter: .none, sort: CustomerSort(.name, descending: true), offset: 0, limit: 100)
            #expect(descending.map(\.customer.id) == rows.map(\.customer.id).reversed(), "\(label)")
            let emails = try store.customers(inStage: "s", filter: .none, sort: CustomerSort(.email), offset: 0, limit: 100)
            let expected = emails.sorted { a, b in
                let c = CollationTests.compare(a.customer.email!, b.customer.email!)
                return c != 0 ? c < 0 : a.customer.id.utf8.lexicographicallyPrecedes(b.customer.id.utf8)
            }
            #expect(emails.map(\.customer.id) == expected.map(\.customer.id), "\(label)")
        }
    }

    /// `clc export --sort name` gives the lists' order, from every store.
    @Test func exportSortedByNameGivesTheReadingOrder() throws {
        let names = Self.unicodeNames
        let dir = try Fixtures.temporaryDirectory()
        var request = CustomerExport()
        (request.sort, request.columns, request.format) = (try ExportSort.parse("name"), [.id], .csv)
        for (label, store) in try Self.stores(Self.snapshot(names, order: Array(names.indices.reversed()))) {
            let path = dir.appendingPathComponent("\(label).csv").path
            try request.write(from: store, to: try ExportOutput.file(path, force: true))
            let ids = try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst().map(String.init)
            #expect(ids == names.indices.map { "C\($0)" }, "\(label)")
        }
    }

    /// A list index written by an earlier clc holds orders of an earlier collation: it is
    /// rebuilt, not read.
    @Test func aListIndexOfAnEarlierOrderIsRebuilt() throws {
        let path = try SQLiteListIndexTests.file()
        _ = try Fixtures.indexedSQLiteStore(path)
        let url = try #require(SQLiteListIndexCache(snapshotPath: path)).file.url
        #expect(try SQLiteSnapshotStore(path: path).prepareListIndex() == .loadedFromCache)
        var data = try Data(contentsOf: url)
        let length = data[8..<12].reduce(0) { $0 << 8 | Int($1) }
        var header = try #require(try JSONSerialization.jsonObject(with: data[20..<(20 + length)]) as? [String: Any])
        #expect(header["version"] as? Int == SQLiteListIndexCache.version)
        header["version"] = 6
        let json = try JSONSerialization.data(withJSONObject: header)
        #expect(json.count == length)
        let checksum = SideCacheChecksum.of(json)
        data.replaceSubrange(12..<20, with: (0..<8).map { UInt8(truncatingIfNeeded: checksum >> (56 - 8 * UInt64($0))) })
        data.replaceSubrange(20..<(20 + length), with: json)
        try data.write(to: url)
        #expect(try SQLiteSnapshotStore(path: path).prepareListIndex() == .built)
    }

    @Test func segmentsSortByTheValueOfTheirDigits() throws {
        for (label, store) in try Self.stores() {
            let rows = try store.customers(inStage: "s", filter: .none, sort: CustomerSort(.segment), offset: 0, limit: 100)
            let segments = rows.map { $0.customer.segment ?? "" }
            #expect(segments == segments.sorted { Int($0.dropFirst(4))! < Int($1.dropFirst(4))! }, "\(label)")
            #expect(segments.first == "seg 9" && segments.last == "seg 100", "\(label)")
        }
    }

    @Test func comparisonAgreesWithTheKeyAndIsAnOrder() {
        let samples = Self.names + ["", "0", "00", "007", "7", "a0", "a", "a00b", "a0b", "A1", "a1", "a!", "a:", "a/", "x\u{0}y", "x",
                                    "10", "9", "09", "ü2", "ü10", "12345678", "123456789", "99999999", "a12345678b", "a123456789", "a0000000012", String(repeating: "1", count: 300), String(repeating: "2", count: 260)]
        func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }
        for a in samples {
            for b in samples {
                let c = bytes(a).withUnsafeBufferPointer { x in bytes(b).withUnsafeBufferPointer { y in NaturalOrder.compare(x, y) } }
                let keyA = NaturalOrder.key(bytes(a)), keyB = NaturalOrder.key(bytes(b))
                let byKey = keyA.lexicographicallyPrecedes(keyB) ? -1 : keyB.lexicographicallyPrecedes(keyA) ? 1 : 0
                #expect(c == byKey, "\(a) vs \(b)")
                let reverse = bytes(b).withUnsafeBufferPointer { y in bytes(a).withUnsafeBufferPointer { x in NaturalOrder.compare(y, x) } }
                #expect(c == -reverse)
            }
        }
        #expect(NaturalOrder.key(bytes("customer 2")).lexicographicallyPrecedes(NaturalOrder.key(bytes("customer 11"))))
    }
}
