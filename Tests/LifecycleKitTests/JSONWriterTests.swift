import Foundation
import Testing
@testable import LifecycleKit

@Suite struct JSONWriterTests {
    let dir: URL

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("clc-json-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    private func files() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() }

    static let stages = [Stage(id: "lead", name: "Lead 🚀", description: "First \"contact\"\n"),
                         Stage(id: "won", name: "Gewonnen")]
    static let customers = [
        Customer(id: "C-1", name: "Anna Müller 中文 👩‍👩‍👧 e\u{301}", email: "anna@example.de", stage: "won",
                 stageEnteredAt: Timestamp("2026-06-02T08:00:00.25Z"), createdAt: Timestamp("2026-01-15T10:12:00+02:00"),
                 segment: "B2C", tags: ["newsletter", "vip", "ctl\u{1}\u{7F}\u{85}"],
                 attributes: [Attribute("city", .string("Bonn")), Attribute("score", .number(-12.75)),
                              Attribute("big", .number(1e300)), Attribute("optin", .bool(false)), Attribute("tab\tkey", .string(""))]),
        Customer(id: "C-2 \\ \"quoted\"", name: "", stage: "lead"),
    ]
    static let touchpoints = [
        Touchpoint(id: "T-1", customerID: "C-1", at: Timestamp("2026-01-15T10:12:00Z")!, channel: "social", type: "ad_click",
                   campaign: "spring-looks"),
        Touchpoint(id: "T-2", customerID: "C-1", at: Timestamp("2026-02-01T17:40:00.000001Z")!, channel: "web", type: "purchase",
                   value: 89.9, note: "Order 5521\r\nline two"),
        Touchpoint(id: "T-3", customerID: "C-2 \\ \"quoted\"", at: Timestamp("1969-12-31T23:59:59Z")!, channel: "x", type: "y", value: 0.1),
    ]
    static let transitions = [
        Transition(customerID: "C-1", from: nil, to: "lead", at: Timestamp("2026-01-15T10:12:00Z")!, by: "import", id: 1),
        Transition(customerID: "C-1", from: "lead", to: "won", at: Timestamp("2026-02-01T17:40:00Z")!, by: "crm-sync", note: "first order",
                   id: 2),
    ]
    static let info = SnapshotInfo(name: "Boutique \"Bonn\"", currency: "CHF", declaredAsOf: Timestamp("2026-11-01T00:00:00Z"),
                                   asOf: Timestamp("2026-11-01T00:00:00Z")!)

    /// Writes the fixture with touchpoints and transitions interleaved with the customers.
    private func writeFixture(to path: String) throws {
        let writer = try JSONSnapshotWriter(path: path)
        try writer.begin(info: Self.info, stages: Self.stages)
        try writer.add(Self.transitions[0])
        try writer.add(Self.customers[0])
        try writer.add(Self.touchpoints[0])
        try writer.add(Self.touchpoints[1])
        try writer.add(Self.customers[1])
        try writer.add(Self.transitions[1])
        try writer.add(Self.touchpoints[2])
        try writer.finish()
    }

    @Test func roundTripPreservesEveryField() throws {
        let path = dir.appendingPathComponent("out.json").path
        try writeFixture(to: path)
        #expect(try files() == ["out.json"])

        let store = try JSONSnapshotStore(path: path)
        #expect(store.problems.errorCount == 0 && store.problems.warningCount == 0)
        #expect(store.info == Self.info)
        #expect(store.stages == Self.stages)
        for c in Self.customers { #expect(try store.customer(id: c.id) == c) }
        #expect(try store.touchpoints(ofCustomer: "C-1") == Array(Self.touchpoints[0...1]))
        #expect(try store.touchpoints(ofCustomer: "C-2 \\ \"quoted\"") == [Self.touchpoints[2]])
        #expect(try store.transitions(ofCustomer: "C-1") == Self.transitions)

        // Export into a second file: byte for byte the same.
        let again = dir.appendingPathComponent("again.json").path
        try store.export(to: try JSONSnapshotWriter(path: again))
        #expect(try Data(contentsOf: URL(fileURLWithPath: again)) == Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func snapshotFileOpensAndValidatesJSON() throws {
        let path = dir.appendingPathComponent("out.json").path
        try writeFixture(to: path)
        let store = try SnapshotFile.open(path)
        #expect(store is JSONSnapshotStore)
        #expect(try store.totals() == SnapshotTotals(customers: 2, touchpoints: 3, transitions: 2, revenue: 90))
        #expect(SnapshotFile.validate(path).errorCount == 0)
        try "{\"format\": \"lifecycle-snapshot\", \"version\": 3}".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(SnapshotFile.validate(path).errors.map(\.kind) == [.unsupportedVersion])
    }

    @Test func layoutIsOneElementPerLine() throws {
        let path = dir.appendingPathComponent("out.json").path
        try writeFixture(to: path)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.prefix(6) == ["{", #"  "format": "lifecycle-snapshot","#, #"  "version": 1,"#,
                                    #"  "name": "Boutique \"Bonn\"","#, #"  "currency": "CHF","#, #"  "as_of": "2026-11-01T00:00:00Z","#])
        #expect(lines.contains(#"    {"id":"T-2","customer_id":"C-1","at":"2026-02-01T17:40:00.000001Z","channel":"web","type":"purchase","value":89.9,"note":"Order 5521\r\nline two"},"#))
        #expect(lines.contains(#"    {"id":1,"customer_id":"C-1","to":"lead","at":"2026-01-15T10:12:00Z","by":"import"},"#))
        #expect(lines.contains(#"    {"id":"C-2 \\ \"quoted\"","name":"","stage":"lead"}"#))
        #expect(lines.count == 1 + 5 + 1 + 2 + 2 + 2 + 2 + 3 + 2 + 2 + 2 + 1)
        #expect(lines.last == "" && lines[lines.count - 2] == "}")
    }

    @Test func emptySnapshotWithoutOptionalHeader() throws {
        let path = dir.appendingPathComponent("empty.json").path
        let writer = try JSONSnapshotWriter(path: path)
        try writer.begin(info: SnapshotInfo(asOf: Timestamp(microseconds: 0)), stages: [Stage(id: "a", name: "A")])
        try writer.finish()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == """
        {
          "format": "lifecycle-snapshot",
          "version": 1,
          "currency": "EUR",
          "stages": [
            {"id":"a","name":"A"}
          ],
          "customers": [],
          "touchpoints": [],
          "transitions": []
        }

        """)
        let store = try JSONSnapshotStore(path: path)
        #expect(store.info == SnapshotInfo(asOf: Timestamp(microseconds: 0)))
    }

    @Test func nothingAppearsBeforeFinishAndAbandonedWritesLeaveNoFiles() throws {
        let path = dir.appendingPathComponent("out.json").path
        do {
            let writer = try JSONSnapshotWriter(path: path)
            try writer.begin(info: Self.info, stages: Self.stages)
            try writer.add(Self.customers[0])
            try writer.add(Self.touchpoints[0])
            try writer.add(Self.transitions[0])
            #expect(!FileManager.default.fileExists(atPath: path))
            #expect(try files().count == 3)  // the temporary file and two spools
        }
        #expect(try files() == [])
    }

    @Test func misuseFailsAndRemovesTemporaryFiles() throws {
        let path = dir.appendingPathComponent("out.json").path
        let writer = try JSONSnapshotWriter(path: path)
        #expect(throws: OperationError.self) { try writer.add(Self.customers[0]) }
        #expect(try files() == [])
        #expect(throws: OperationError.self) { try writer.finish() }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func replacesAnExistingFile() throws {
        let path = dir.appendingPathComponent("out.json").path
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        try writeFixture(to: path)
        #expect(try JSONSnapshotStore(path: path).totals().touchpoints == 3)
        #expect(try files() == ["out.json"])
    }

    @Test func unwritableDirectoryFailsAtOnce() {
        #expect(throws: OperationError.self) { try JSONSnapshotWriter(path: "/nonexistent-dir-clc/x.json") }
    }
}
