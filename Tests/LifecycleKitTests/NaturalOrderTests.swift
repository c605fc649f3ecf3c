import Foundation
import Testing
@testable import LifecycleKit

/// Names, emails and segments sort in natural order (runs of digits by their value,
/// otherwise ASCII-case-insensitive), identically in the JSON store, the SQLite store's SQL
/// and its list index.
@Suite(.serialized) struct NaturalOrderTests {
    /// Customer names in the order the list must show them, shuffled into the file.
    static let names = ["customer 0", "customer 2", "Customer 9", "customer 11", "customer 100", "customer 1002",
                        "customer 10027", "customer 10027b", "customer 99999999999999999999999", "customer x",
                        "Customer-1", "customers", "Zoë 3", "zoë 20"]

    static func snapshot() -> String {
        let order = [5, 0, 12, 3, 9, 1, 13, 7, 10, 2, 11, 6, 4, 8]
        let customers = order.map { i in
            #"{"id": "C\#(i)", "name": "\#(names[i])", "email": "\#(names[i].lowercased().replacingOccurrences(of: " ", with: "."))@x.org", "#
                + #""stage": "s", "segment": "seg \#(i % 3 == 0 ? 10 : i % 3 == 1 ? 9 : 100)"}"#
        }
        return """
            {"format": "lifecycle-snapshot", "version": 1, "as_of": "2026-01-01T00:00:00Z",
             "stages": [{"id": "s", "name": "S"}], "customers": [\(customers.joined(separator: ",\n"))],
             "touchpoints": [], "transitions": []}
            """
    }

    static func stores() throws -> [(String, SnapshotStore)] {
        let dir = try Fixtures.temporaryDirectory()
        let json = try Fixtures.write(snapshot(), named: "natural.json", in: dir)
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
