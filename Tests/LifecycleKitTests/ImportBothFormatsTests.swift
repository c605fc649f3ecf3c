import Foundation
import Testing
@testable import LifecycleKit

/// The SQLite and the JSON import of the same file must give the same snapshot (a guard for any
/// faster SQLite path), and a refused SQLite import must leave nothing behind.
@Suite struct ImportBothFormatsTests {
    static let scratch = try! Fixtures.temporaryDirectory()

    /// A HubSpot export with a BOM, CRLF, quotes, a newline and a separator in cells, every
    /// date form, a duplicate-free history in mixed column order and a stage given by label.
    static let tricky = "\u{FEFF}Record ID,First Name,Last Name,Email,Lifecycle Stage,Create Date,Became a Customer Date,"
        + "Became a Lead Date,Became a Subscriber Date,Notes\r\n"
        + "7,\"Zoë \"\"Z\"\"\",\"Smith, Jr.\",z@example.com,Customer,2024-01-02T03:04:05Z,2024-05-06 07:08,15.03.2024,"
        + "2024-01-02T03:04:05+01:00,\"line one\r\nline two\"\r\n"
        + "8,,,,lead,2024-02-29,,2024-02-29,,\r\n"
        + "9,Émile,,e@example.fr,subscriber,01.12.2023,,,01.12.2023 10:00,\"=1+1\"\r\n"
        + "10,Ann,Lee,,Marketing Qualified Lead,2023-12-31 23:59,,2023-12-31 23:59,2023-12-30,\"\"\"quoted\"\"\"\r\n"

    /// The snapshot written by an import of `input` as `kind`, read back whole (file order kept).
    static func snapshot(_ input: String, _ kind: SnapshotFile.Kind, mapping: String? = nil, touchpoints: String? = nil,
                         skipInvalid: Bool = false) throws -> CollectingSink {
        let out = scratch.appendingPathComponent("out-\(UUID().uuidString).\(kind == .json ? "json" : "sqlite")").path
        var request = SnapshotImport(input: input, output: out, kind: kind, mapping: try mapping.map { try ImportMapping.read($0) },
                                     touchpoints: touchpoints)
        request.skipInvalid = skipInvalid
        _ = try request.run()
        #expect(!SnapshotFile.validate(out).hasErrors, "\(SnapshotFile.validate(out).lines())")
        let sink = CollectingSink()
        try SnapshotFile.open(out).export(to: sink)
        return sink
    }

    static func expectSame(_ a: CollectingSink, _ b: CollectingSink) {
        #expect(a.info == b.info)
        #expect(a.stages == b.stages)
        #expect(a.customers == b.customers)
        #expect(a.transitions.map { var t = $0; t.id = nil; return t } == b.transitions.map { var t = $0; t.id = nil; return t })
        #expect(a.touchpoints == b.touchpoints)
    }

    @Test func theSQLiteImportWritesWhatTheJSONImportWrites() throws {
        let input = try Fixtures.write(Self.tricky, named: "tricky.csv", in: Self.scratch)
        let sqlite = try Self.snapshot(input, .sqlite), json = try Self.snapshot(input, .json)
        Self.expectSame(sqlite, json)
        #expect(sqlite.customers.map(\.id) == ["7", "8", "9", "10"])
        #expect(sqlite.customers[0].name == "Zoë \"Z\" Smith, Jr." && sqlite.customers[0].stage == "customer")
        #expect(sqlite.customers[0].attributes == [Attribute("Notes", .string("line one\r\nline two"))])
        #expect(sqlite.transitions.filter { $0.customerID == "7" }.map(\.to) == ["subscriber", "lead", "customer"])
        #expect(sqlite.info?.asOf == Timestamp("2024-05-06T07:08:00Z"))
    }

    @Test(arguments: [("hubspot-contacts.csv", nil, nil, false), ("mautic-contacts.csv", nil, nil, false),
                      ("kunden-1252.csv", "kunden.toml", "bestellungen.csv", false), ("hubspot-broken.csv", nil, nil, true)])
    func everyFixtureGivesTheSameSnapshotBothWays(file: String, mapping: String?, touchpoints: String?, skipInvalid: Bool) throws {
        let path = ImportTests.path
        let sqlite = try Self.snapshot(path(file), .sqlite, mapping: mapping.map(path), touchpoints: touchpoints.map(path),
                                       skipInvalid: skipInvalid)
        let json = try Self.snapshot(path(file), .json, mapping: mapping.map(path), touchpoints: touchpoints.map(path),
                                     skipInvalid: skipInvalid)
        Self.expectSame(sqlite, json)
        #expect(!sqlite.customers.isEmpty)
    }

    @Test func aRefusedSQLiteImportLeavesNothingBehind() throws {
        let out = Self.scratch.appendingPathComponent("refused-\(UUID().uuidString).sqlite").path
        let request = SnapshotImport(input: ImportTests.path("hubspot-broken.csv"), output: out, kind: .sqlite)
        #expect(throws: SnapshotImport.Failure.self) { try request.run() }
        #expect(!FileManager.default.fileExists(atPath: out))
        let name = (out as NSString).lastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: Self.scratch.path).filter { $0.contains(name) } == [])
    }
}
