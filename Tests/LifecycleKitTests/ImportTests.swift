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

/// What an import refuses: every problem with its row and column, all at once; nothing written.
@Suite struct ImportProblemTests {
    /// One folder per test run for this suite's inputs and outputs (unique names inside).
    static let scratch = try! Fixtures.temporaryDirectory()

    static func run(_ input: String, mapping: ImportMapping? = nil, skipInvalid: Bool = false, force: Bool = false,
                    output: String? = nil) throws -> (outcome: Result<SnapshotImport.Outcome, any Error>, out: String) {
        let out = output ?? scratch.appendingPathComponent("out-\(UUID().uuidString).json").path
        var request = SnapshotImport(input: input, output: out, kind: .json, mapping: mapping)
        request.skipInvalid = skipInvalid
        request.force = force
        return (Result { try request.run() }, out)
    }

    static func problems(_ r: Result<SnapshotImport.Outcome, any Error>) -> [String] {
        guard case .failure(let e) = r, let f = e as? SnapshotImport.Failure else { return ["not a failure: \(r)"] }
        return f.problems.errors.map(\.description)
    }

    @Test func everyProblemListedWithRowAndColumnAndNothingWritten() throws {
        let (r, out) = try Self.run(ImportTests.path("hubspot-broken.csv"))
        let file = "hubspot-broken.csv"
        #expect(Self.problems(r) == [
            "\(file) row 3, column \"Lifecycle Stage\": unknown stage Prospect (stages: subscriber, lead, marketingqualifiedlead, "
                + "salesqualifiedlead, opportunity, customer, evangelist, other)",
            "\(file) row 4, column \"Create Date\": not a date: 2024-13-45 (ISO 8601, YYYY-MM-DD HH:MM, DD.MM.YYYY or MM/DD/YYYY)",
            "\(file) row 5, column \"Record ID\": duplicate id 201 (first in row 2)",
            "\(file) row 6: 3 fields where the header has 6",
            "\(file) row 7, column \"Record ID\": is empty; a value is required",
        ])
        #expect(!FileManager.default.fileExists(atPath: out))
        let name = (out as NSString).lastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: Self.scratch.path).filter { $0.contains(name) }.isEmpty)
    }

    @Test func skipInvalidWritesTheValidRowsAndListsTheSkipped() throws {
        let (r, out) = try Self.run(ImportTests.path("hubspot-broken.csv"), skipInvalid: true)
        let outcome = try r.get()
        #expect(outcome.skippedRows == 5 && outcome.skipped.count == 5)
        #expect(outcome.skipped.map(\.place).first == "hubspot-broken.csv row 3, column \"Lifecycle Stage\"")
        #expect(outcome.totals.customers == 1)
        let sink = CollectingSink()
        try SnapshotFile.open(out).export(to: sink)
        #expect(sink.customers.map(\.id) == ["201"] && sink.customers[0].name == "Ada Lovelace")
    }

    @Test func ambiguousSlashDatesAreRefusedUntilTheMappingSaysWhich() throws {
        let (r, out) = try Self.run(ImportTests.path("ambiguous-dates.csv"))
        #expect(Self.problems(r) == ["ambiguous-dates.csv column \"Create Date\": dates like 03/04/2024 can be MM/DD/YYYY or DD/MM/YYYY: "
                                     + "say which with date_format in the mapping file (--mapping)"])
        #expect(!FileManager.default.fileExists(atPath: out))
        let dayFirst = try ImportMapping.parse("date_format = \"DD/MM/YYYY\"", file: "m.toml")
        let (r2, out2) = try Self.run(ImportTests.path("ambiguous-dates.csv"), mapping: dayFirst)
        _ = try r2.get()
        let sink = CollectingSink()
        try SnapshotFile.open(out2).export(to: sink)
        #expect(sink.customers.map(\.createdAt) == [Timestamp("2024-04-03"), Timestamp("2024-12-11T09:30:00Z")])
    }

    @Test func monthFirstSlashDatesAreTakenAsSuchWhenTheColumnShowsIt() throws {
        let input = try Fixtures.write("Record ID,Lifecycle Stage,Create Date\n1,lead,12/31/2024 08:00\n2,Lead,01/02/2024\n",
                                       named: "us-\(UUID().uuidString).csv", in: Self.scratch)
        let (r, out) = try Self.run(input)
        _ = try r.get()
        let sink = CollectingSink()
        try SnapshotFile.open(out).export(to: sink)
        #expect(sink.customers.map(\.createdAt) == [Timestamp("2024-12-31T08:00:00Z"), Timestamp("2024-01-02")])
    }

    @Test func anExistingOutputIsKeptUnlessForced() throws {
        let out = try Fixtures.write("keep me", named: "kept.json", in: Self.scratch)
        let (r, _) = try Self.run(ImportTests.path("mautic-contacts.csv"), output: out)
        guard case .failure(let e) = r else { Issue.record("overwrote \(out)"); return }
        #expect("\(e)" == "\(out) exists; use --force to overwrite it")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "keep me")
        let (forced, _) = try Self.run(ImportTests.path("mautic-contacts.csv"), force: true, output: out)
        #expect(try forced.get().totals.customers == 3)
        #expect(!SnapshotFile.validate(out).hasErrors)
    }

    @Test func aFileOfUnknownColumnsAsksForAMapping() throws {
        let input = try Fixtures.write("Kunde,Status\nA,neu\n", named: "x.csv", in: Self.scratch)
        let (r, _) = try Self.run(input)
        #expect(Self.problems(r) == ["x.csv: not a HubSpot or Mautic contacts export (columns: Kunde, Status): "
                                     + "describe its columns in a mapping file (--mapping)"])
    }

    @Test func hostileCellsReachMessagesOnlyVisible() throws {
        let input = try Fixtures.write("Record ID,Lifecycle Stage\n\"A\u{1b}[2J\",\"\u{1b}]0;pwn\u{7}\"\n", named: "h.csv", in: Self.scratch)
        let (r, _) = try Self.run(input)
        let lines = Self.problems(r)
        #expect(lines.count == 2)
        #expect(!lines.joined().unicodeScalars.contains { $0.value < 0x20 }, "\(lines)")
        #expect(lines.first?.contains("^[[2J") == true)
    }

    @Test func mappingProblemsNameTheirKeys() throws {
        let text = "[customers]\nid = 3\nfirst_name = \"F\"\nstage = \"S\"\ncolour = \"x\"\n[stages]\norder = [\"Lead\"]\n"
        #expect(throws: SnapshotImport.Failure.self) { try ImportMapping.parse(text, file: "m.toml") }
        do { _ = try ImportMapping.parse(text, file: "m.toml") } catch let f as SnapshotImport.Failure {
            #expect(f.problems.errors.map(\.place) == ["m.toml [customers] colour", "m.toml [customers] id", "m.toml [stages] order"])
        }
    }
}

/// Dates: each format, and slash dates decided over the whole column.
@Suite struct ImportDateTests {
    @Test(arguments: [
        ("2024-03-05", "2024-03-05T00:00:00Z"), ("2024-03-05T14:22:00+01:00", "2024-03-05T13:22:00Z"),
        ("2024-03-05 14:22", "2024-03-05T14:22:00Z"), ("2024-03-05 14:22:09", "2024-03-05T14:22:09Z"),
        ("05.03.2024", "2024-03-05T00:00:00Z"), ("5.3.2024 08:05", "2024-03-05T08:05:00Z"),
    ])
    func eachFormat(text: String, expected: String) {
        guard case .timestamp(let t) = DateCell(text) else { Issue.record("\(text) not read"); return }
        #expect(t.iso8601 == expected)
    }

    @Test func slashDatesAreDecidedOverTheWholeColumn() {
        func decide(_ cells: [String], _ setting: ImportDateFormat? = nil) -> String {
            var e = DateColumnEvidence()
            for c in cells { e.add(DateCell(c), raw: c) }
            switch e.decide(setting: setting) {
            case .success(let f): return f?.rawValue ?? "none"
            case .failure(let m): return m.description
            }
        }
        #expect(decide(["03/04/2024", "12/31/2024"]) == "MM/DD/YYYY")
        #expect(decide(["03/04/2024", "31/12/2024"]) == "DD/MM/YYYY")
        #expect(decide(["03/04/2024", "2024-01-01"]).hasPrefix("dates like 03/04/2024 can be MM/DD/YYYY or DD/MM/YYYY"))
        #expect(decide(["03/04/2024"], .monthFirst) == "MM/DD/YYYY")
        #expect(decide(["13/04/2024", "04/13/2024"]) == "dates both day first (13/04/2024) and month first (04/13/2024): one format per column")
        #expect(decide(["2024-01-01"]) == "none")
        #expect(DateCell("12/31/2024 23:59").timestamp(.monthFirst)?.iso8601 == "2024-12-31T23:59:00Z")
        #expect(DateCell("02/30/2024").timestamp(.monthFirst) == nil)
    }

    @Test(arguments: ["2024-02-30", "31.02.2024", "24.12.24", "2024-03-05 25:00", "yesterday", "05.03.2024 8",
                      "99999999999999999999999-01-01", "01.01.2024 99999999999999999999:00", "1/2/"])
    func malformedDatesAreRefused(text: String) {
        if case .timestamp = DateCell(text) { Issue.record("\(text) read as a date") }
    }
}

/// Bytes of real files: BOM, encodings, separators, line ends, quoted line breaks.
@Suite struct CSVTableTests {
    @Test(arguments: [CSVTable.Reader.bytes, .library])
    func bomCRLFSemicolonAndQuotedLineBreaks(reader: CSVTable.Reader) throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a;b\r\n\"x;\r\ny\";\"say \"\"hi\"\"\"\r\n\r\n1;2\r\n".utf8)
        let t = try CSVTable(data: Data(bytes), reader: reader)
        #expect(t.encoding == .utf8 && t.separator == ";")
        #expect(t.header == ["a", "b"])
        #expect(t.rows.map { Array($0.cells) } == [["x;\r\ny", "say \"hi\""], ["1", "2"]])
        #expect(t.rows.map(\.number) == [2, 4])
    }

    @Test(arguments: [CSVTable.Reader.bytes, .library])
    func windows1252IsDetectedAndDecoded(reader: CSVTable.Reader) throws {
        let bytes: [UInt8] = Array("name,price\n".utf8) + [0xE4, 0xF6, 0xFC, 0xDF, 0x2C, 0x80, 0x35, 0x0A]
        let t = try CSVTable(data: Data(bytes), reader: reader)
        #expect(t.encoding == .windows1252 && t.separator == ",")
        #expect(t.rows.map { Array($0.cells) } == [["äöüß", "€5"]])
    }

    /// The byte reader reads what yaslab/CSV.swift reads: every fixture, and the corner cases.
    @Test func bothReadersReadTheSameRecords() throws {
        var inputs = try ["hubspot-contacts.csv", "mautic-contacts.csv", "kunden-1252.csv", "bestellungen.csv", "hubspot-broken.csv"]
            .map { try Data(contentsOf: URL(fileURLWithPath: ImportTests.path($0))) }
        inputs += ["a,b\n1,\n", "a,b\r1,2\r", "a,b\n\"open,2", "a,b\n1,2,3\n\n\n4", "a;b\n\"\"\"\";x"].map { Data($0.utf8) }
        for data in inputs {
            let own = try CSVTable(data: data, reader: .bytes), library = try CSVTable(data: data, reader: .library)
            #expect(own.header == library.header)
            #expect(own.rows.map { Array($0.cells) } == library.rows.map { Array($0.cells) }, "\(String(decoding: data, as: UTF8.self).debugDescription)")
            #expect(own.rows.map(\.number) == library.rows.map(\.number))
        }
        // Text after a closing quote: the library drops and mixes it; ours keeps it, as Python's csv does.
        #expect(try CSVTable(data: Data("a,b\n\"x\"y,\"\"\n".utf8)).rows.map { Array($0.cells) } == [["xy", ""]])
    }
}

/// Mappings without a stage order: stages from the cells, values mapped to ids of their own.
@Suite struct ImportMappingTests {
    @Test func stagesFollowTheCellsWhenTheMappingGivesNoOrder() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try Fixtures.write("Nr,Name,Phase\n1,Anna,Neu\n2,Ben,Stammkunde\n3,Cem,Kunde\n4,Dora,\n", named: "k.csv", in: dir)
        let mapping = try ImportMapping.parse("""
            [customers]
            id = "Nr"
            name = "Name"
            stage = "Phase"
            empty_stage = "unbekannt"
            [stages.values]
            Neu = "lead"
            """, file: "k.toml")
        let out = dir.appendingPathComponent("k.json").path
        _ = try SnapshotImport(input: input, output: out, kind: .json, mapping: mapping).run()
        #expect(!SnapshotFile.validate(out).hasErrors, "\(SnapshotFile.validate(out).lines())")
        let sink = CollectingSink()
        try SnapshotFile.open(out).export(to: sink)
        #expect(sink.stages == [Stage(id: "unbekannt", name: "unbekannt"), Stage(id: "lead", name: "lead"),
                                Stage(id: "stammkunde", name: "Stammkunde"), Stage(id: "kunde", name: "Kunde")])
        #expect(sink.customers.map(\.stage) == ["lead", "stammkunde", "kunde", "unbekannt"])
    }
}

/// A touchpoints file's problems: each with its row and column, with the contacts' problems.
@Suite struct TouchpointImportTests {
    @Test func touchpointProblemsAreListedWithTheirRowsAndColumns() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tp = try Fixtures.write("customer,time,channel,type,value,campaign\n1,2024-05-05,web,visit,,\n9,2024-05-05,web,visit,,\n"
                                    + "1,,email,email_open,,\n3,2024-05-06,store,purchase,12 EUR,\n3,2024-05-07,,purchase,1.234,x\n",
                                    named: "tp.csv", in: dir)
        var request = SnapshotImport(input: ImportTests.path("mautic-contacts.csv"), output: dir.appendingPathComponent("o.json").path,
                                     kind: .json, touchpoints: tp)
        #expect(ImportProblemTests.problems(Result { try request.run() }) == [
            "tp.csv row 3, column \"customer\": unknown customer 9",
            "tp.csv row 4, column \"time\": is empty; a value is required",
            "tp.csv row 5, column \"value\": not a number: 12 EUR",
            "tp.csv row 6, column \"channel\": is empty; a value is required",
        ])
        request.skipInvalid = true
        let outcome = try request.run()
        #expect(outcome.totals.touchpoints == 1 && outcome.skippedRows == 4)
    }

    @Test func aBrokenMappingFileNamesItsLine() {
        #expect(throws: SnapshotImport.Failure.self) { try ImportMapping.parse("[customers]\nid = \n", file: "m.toml") }
        do { _ = try ImportMapping.parse("[customers]\nid = \n", file: "m.toml") } catch let f as SnapshotImport.Failure {
            #expect(f.problems.errors.first?.place == "m.toml line 2")
        } catch { Issue.record("\(error)") }
    }
}
