import Foundation
import Testing
@testable import LifecycleKit

/// `clc import`: hand-made HubSpot, Mautic and mapped exports (Tests/Fixtures/import) read into
/// a snapshot, checked field by field in both output formats.
@Suite struct ImportTests {
    /// Imports `input` into a new file of `kind` and reads it back whole.
    static func imported(_ input: String, _ kind: SnapshotFile.Kind, mapping: String? = nil, touchpoints: String? = nil,
                         skipInvalid: Bool = false) throws -> (CollectingSink, SnapshotImport.Outcome) {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent(kind == .json ? "out.json" : "out.sqlite").path
        var request = SnapshotImport(input: path(input), output: out, kind: kind,
                                     mapping: try mapping.map { try ImportMapping.read(path($0)) },
                                     touchpoints: touchpoints.map(path))
        request.skipInvalid = skipInvalid
        let outcome = try request.run()
        #expect(!SnapshotFile.validate(out).hasErrors, "\(SnapshotFile.validate(out).lines())")
        let sink = CollectingSink()
        try SnapshotFile.open(out).export(to: sink)
        sink.customers.sort { $0.id < $1.id }
        sink.touchpoints.sort { $0.id < $1.id }
        return (sink, outcome)
    }

    static func path(_ name: String) -> String { Fixtures.fixturePath("import/" + name) }

    static func at(_ text: String) -> Timestamp { Timestamp(text)! }

    /// The transitions of `customer` without their file-given ids.
    static func history(_ sink: CollectingSink, _ customer: String) -> [Transition] {
        sink.transitions.filter { $0.customerID == customer }.sorted { $0.at < $1.at }.map { var t = $0; t.id = nil; return t }
    }

    @Test(arguments: [SnapshotFile.Kind.json, .sqlite])
    func hubSpotExport(kind: SnapshotFile.Kind) throws {
        let (s, outcome) = try Self.imported("hubspot-contacts.csv", kind)
        #expect(outcome.readAs.first?.encoding == .utf8 && outcome.readAs.first?.separator == ",")
        #expect(s.stages.map(\.id) == ["subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity",
                                       "customer", "evangelist", "other"])
        #expect(s.stages[2].name == "Marketing Qualified Lead")
        #expect(s.customers.count == 3)
        let anna = s.customers[0]
        #expect(anna == Customer(id: "101", name: "Anna Müller", email: "anna@example.de", stage: "marketingqualifiedlead",
                                 stageEnteredAt: Self.at("2024-03-05T14:22:00Z"), createdAt: Self.at("2024-01-15T10:12:00Z"),
                                 attributes: [Attribute("Phone Number", .string("+49 228 123")), Attribute("Contact owner", .string("Jonas"))]))
        #expect(Self.history(s, "101") == [
            Transition(customerID: "101", from: nil, to: "subscriber", at: Self.at("2024-01-15T10:12:00Z"), by: "hubspot"),
            Transition(customerID: "101", from: "subscriber", to: "lead", at: Self.at("2024-02-01T09:00:00Z"), by: "hubspot"),
            Transition(customerID: "101", from: "lead", to: "marketingqualifiedlead", at: Self.at("2024-03-05T14:22:00Z"), by: "hubspot"),
        ])
        #expect(s.customers[1] == Customer(id: "102", name: "Bob O\"Brien", email: "bob@example.com", stage: "customer",
                                           stageEnteredAt: Self.at("2024-04-01T12:30:00Z"), createdAt: Self.at("2024-01-20T08:00:00Z")))
        #expect(Self.history(s, "102").map(\.to) == ["lead", "customer"])
        #expect(s.customers[2] == Customer(id: "103", name: "Chloé Durand", stage: "lead", stageEnteredAt: Self.at("2024-02-10T16:45:00Z"),
                                           createdAt: Self.at("2024-02-10T16:45:00Z"), attributes: [Attribute("Phone Number", .string("007"))]))
        #expect(s.touchpoints.isEmpty && s.transitions.count == 6)
    }

    @Test(arguments: [SnapshotFile.Kind.json, .sqlite])
    func mauticExport(kind: SnapshotFile.Kind) throws {
        let (s, _) = try Self.imported("mautic-contacts.csv", kind)
        #expect(s.stages == [Stage(id: "no-stage", name: "No stage"), Stage(id: "prospect", name: "Prospect"),
                             Stage(id: "customer", name: "Customer")])
        #expect(s.customers == [
            Customer(id: "1", name: "Jana Nováková", email: "jana@example.cz", stage: "prospect", createdAt: Self.at("2024-05-02T09:15:00Z"),
                     tags: ["newsletter", "vip"],
                     attributes: [Attribute("points", .number(25)), Attribute("company", .string("Acme s.r.o.")), Attribute("city", .string("Praha"))]),
            Customer(id: "2", name: "Lutz Schmidt", email: "lutz@example.de", stage: "no-stage", createdAt: Self.at("2024-05-03T11:00:00Z"),
                     attributes: [Attribute("points", .number(0)), Attribute("city", .string("Bonn"))]),
            Customer(id: "3", name: "Mia Rossi", email: "mia@example.it", stage: "customer", createdAt: Self.at("2024-05-04T18:30:00Z"),
                     tags: ["newsletter"],
                     attributes: [Attribute("points", .number(ExactNumber(text: "120.50")!)),
                                  Attribute("company", .string("Rossi & Figli\nMilano")), Attribute("city", .string("Milano"))]),
        ])
        #expect(s.transitions.isEmpty)
    }

    @Test(arguments: [SnapshotFile.Kind.json, .sqlite])
    func mappedWindows1252ExportWithTouchpoints(kind: SnapshotFile.Kind) throws {
        let (s, outcome) = try Self.imported("kunden-1252.csv", kind, mapping: "kunden.toml", touchpoints: "bestellungen.csv")
        #expect(outcome.readAs.map(\.encoding) == [.windows1252, .utf8])
        #expect(outcome.readAs.map(\.separator) == [";", ";"])
        #expect(s.info?.name == "Boutique Bonn")
        #expect(s.stages == [Stage(id: "interessent", name: "Interessent"), Stage(id: "erstkauf", name: "Erstkauf"),
                             Stage(id: "stammkunde", name: "Stammkunde")])
        #expect(s.customers == [
            Customer(id: "K-1", name: "Jürgen Weiß", email: "juergen@example.de", stage: "erstkauf", createdAt: Self.at("2024-02-03"),
                     segment: "B2C", tags: ["newsletter", "vip"],
                     attributes: [Attribute("Stadt", .string("Köln")), Attribute("Umsatz", .number(ExactNumber(text: "1234.50")!))]),
            Customer(id: "K-2", name: "Ödön Ärger", stage: "interessent", createdAt: Self.at("2024-03-15T14:30:00Z"), segment: "B2B",
                     attributes: [Attribute("Stadt", .string("Bad Godesberg\r\n(Bonn)")), Attribute("Umsatz", .number(0))]),
            Customer(id: "K-3", name: "Grüße Straße €", email: "gruesse@example.de", stage: "stammkunde", createdAt: Self.at("2024-02-29"),
                     attributes: [Attribute("Stadt", .string("Düsseldorf")), Attribute("Umsatz", .string("€ 99"))]),
        ])
        #expect(s.touchpoints == [
            Touchpoint(id: "B-1", customerID: "K-1", at: Self.at("2024-02-03T10:00:00Z"), channel: "store", type: "purchase",
                       campaign: "Frühling", value: 89.90),
            Touchpoint(id: "B-2", customerID: "K-1", at: Self.at("2024-06-01T10:00:00Z"), channel: "store", type: "purchase", value: 19.99),
            Touchpoint(id: "B-3", customerID: "K-3", at: Self.at("2024-03-01"), channel: "store", type: "purchase",
                       campaign: "Treue", value: 1234.5),
        ])
    }
}
