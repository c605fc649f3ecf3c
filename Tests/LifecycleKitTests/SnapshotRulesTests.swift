import Foundation
import Testing
@testable import LifecycleKit

/// The format's record rules exist once (`SnapshotRules`): the same broken content, written
/// as JSON and as SQLite, yields the same findings (code, record and field, message) from
/// each validator, and each store shows them in its own place style.
@Suite struct SnapshotRulesTests {
    enum Value {
        case text(String), int(Int)

        var json: String {
            switch self {
            case .text(let s): JSONText.string(s)
            case .int(let n): String(n)
            }
        }

        var sql: String {
            switch self {
            case .text(let s): "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
            case .int(let n): String(n)
            }
        }
    }

    typealias Record = KeyValuePairs<String, Value?>

    /// A snapshot's content, independent of the file kind (a nil value is a missing field).
    struct Content {
        var asOf: String?
        var stages: [Record] = [["id": .text("awareness"), "name": .text("Awareness")],
                                ["id": .text("purchase"), "name": .text("Purchase")]]
        var customers: [Record] = []
        var touchpoints: [Record] = []
        var transitions: [Record] = []

        func json() -> String {
            func object(_ r: Record) -> String {
                "{" + r.compactMap { k, v in v.map { "\(JSONText.string(k)): \($0.json)" } }.joined(separator: ", ") + "}"
            }
            func array(_ rs: [Record]) -> String { "[" + rs.map(object).joined(separator: ",\n") + "]" }
            let asOfField = asOf.map { #""as_of": "\#($0)", "# } ?? ""
            return #"{"format": "lifecycle-snapshot", "version": 1, \#(asOfField)"stages": \#(array(stages)), "customers": \#(array(customers)), "touchpoints": \#(array(touchpoints)), "transitions": \#(array(transitions))}"#
        }

        func sql() -> String {
            var sql = """
                CREATE TABLE meta (key, value);
                CREATE TABLE stages (id, position, name, description);
                CREATE TABLE customers (id, name, email, stage, stage_entered_at, created_at, segment, tags, attributes);
                CREATE TABLE touchpoints (id, customer_id, at, channel, type, campaign, value, note);
                CREATE TABLE transitions (id INTEGER PRIMARY KEY, customer_id, from_stage, to_stage, at, by, note, reverts);
                INSERT INTO meta VALUES ('format', 'lifecycle-snapshot'), ('version', '1');

                """
            if let asOf { sql += "INSERT INTO meta VALUES ('as_of', '\(asOf)');\n" }
            func insert(_ table: String, _ columns: [String], _ rows: [Record], extra: (Int) -> [String: Value] = { _ in [:] }) {
                for (i, row) in rows.enumerated() {
                    var values = extra(i)
                    for (k, v) in row { if let v { values[SnapshotField(rawValue: k)!.sqliteColumn] = v } }
                    sql += "INSERT INTO \(table) VALUES (" + columns.map { values[$0]?.sql ?? "NULL" }.joined(separator: ", ") + ");\n"
                }
            }
            insert("stages", ["id", "position", "name", "description"], stages) { ["position": .int($0 + 1)] }
            insert("customers", SQLiteRows.customers.columns, customers)
            insert("touchpoints", SQLiteRows.touchpoints.columns, touchpoints)
            insert("transitions", SQLiteRows.transitions.columns + ["reverts"], transitions)
            return sql
        }
    }

    static func customer(_ id: String, _ stage: String = "purchase") -> Record {
        ["id": .text(id), "name": .text("N \(id)"), "stage": .text(stage)]
    }

    static func touchpoint(_ id: String, _ customer: String, at: String = "2026-01-02T10:00:00Z") -> Record {
        ["id": .text(id), "customer_id": .text(customer), "at": .text(at), "channel": .text("web"), "type": .text("visit")]
    }

    static func transition(_ customer: String, from: String? = nil, to: String, at: String, reverts: Int? = nil) -> Record {
        ["customer_id": .text(customer), "from": from.map(Value.text), "to": .text(to), "at": .text(at), "by": .text("me"),
         "reverts": reverts.map(Value.int)]
    }

    typealias Case = (rule: String, content: Content, expected: [Finding])

    /// One case per rule: the broken content and the rule's findings.
    static let cases: [Case] = errorCases() + warningCases()

    static func errorCases() -> [Case] {
        var cases: [Case] = []
        var c = Content()
        c.customers = [customer("C-1"), ["id": .text("C-2"), "name": nil, "stage": .text("purchase")]]
        cases.append(("missingField", c, [SnapshotRules.missingField(.name, of: RecordPlace(.customers, 2))]))
        c = Content()
        c.customers = [customer("")]
        cases.append(("identifier", c, [SnapshotRules.identifier("", at: RecordPlace(.customers, 1, .id))!]))
        c = Content()
        c.stages.append(["id": .text("Loyalty"), "name": .text("Loyalty")])
        cases.append(("stageID", c, [SnapshotRules.stageID("Loyalty", at: RecordPlace(.stages, 3, .id))!]))
        c = Content()
        c.customers = [["id": .text("C-1"), "name": .text("A"), "stage": .text("purchase"), "created_at": .text("2026-13-01")]]
        cases.append(("malformedTimestamp", c, [SnapshotRules.malformedTimestamp("2026-13-01", at: RecordPlace(.customers, 1, .createdAt))]))
        c = Content()
        c.stages.append(["id": .text("awareness"), "name": .text("Again")])
        c.customers = [customer("C-1"), customer("C-2"), customer("C-1")]
        c.touchpoints = [touchpoint("T-1", "C-1"), touchpoint("T-1", "C-2")]
        cases.append(("duplicateID", c, [
            SnapshotRules.duplicateID("awareness", at: RecordPlace(.stages, 3, .id), first: RecordPlace(.stages, 1)),
            SnapshotRules.duplicateID("C-1", at: RecordPlace(.customers, 3, .id), first: RecordPlace(.customers, 1)),
            SnapshotRules.duplicateID("T-1", at: RecordPlace(.touchpoints, 2, .id), first: RecordPlace(.touchpoints, 1)),
        ]))
        c = Content()
        c.customers = [customer("C-1", "nirvana"), customer("C-2")]
        c.touchpoints = [touchpoint("T-1", "C-9")]
        c.transitions = [transition("C-8", from: "limbo", to: "nirvana", at: "2026-01-01")]
        cases.append(("unknownReference", c, [
            SnapshotRules.unknownReference("nirvana", at: RecordPlace(.customers, 1, .stage)),
            SnapshotRules.unknownReference("C-9", at: RecordPlace(.touchpoints, 1, .customerID)),
            SnapshotRules.unknownReference("C-8", at: RecordPlace(.transitions, 1, .customerID)),
            SnapshotRules.unknownReference("limbo", at: RecordPlace(.transitions, 1, .from)),
            SnapshotRules.unknownReference("nirvana", at: RecordPlace(.transitions, 1, .to)),
        ]))
        return cases
    }

    static func warningCases() -> [Case] {
        var cases: [Case] = []
        var c = Content()
        c.customers = [customer("C-1")]
        c.transitions = [transition("C-1", to: "purchase", at: "2026-01-01"),
                         transition("C-1", from: "purchase", to: "awareness", at: "2026-02-01")]
        cases.append(("stageMismatch", c, [SnapshotRules.stageMismatch(stage: "purchase", lastGoesTo: "awareness",
                                                                       customer: RecordPlace(.customers, 1))]))
        c = Content()
        c.customers = [["id": .text("C-1"), "name": .text("A"), "stage": .text("purchase"),
                        "stage_entered_at": .text("2026-01-01"), "created_at": .text("2026-02-01T00:00:00Z")]]
        cases.append(("enteredBeforeCreated", c, [SnapshotRules.enteredBeforeCreated(
            Timestamp("2026-01-01T00:00:00Z"), Timestamp("2026-02-01T00:00:00Z"), customer: RecordPlace(.customers, 1))!]))
        c = Content(asOf: "2026-11-01T00:00:00Z")
        c.customers = [customer("C-1")]
        c.touchpoints = [touchpoint("T-1", "C-1", at: "2026-11-01T00:00:01Z")]
        c.transitions = [transition("C-1", to: "purchase", at: "2026-12-24")]
        let asOf = Timestamp("2026-11-01T00:00:00Z")
        cases.append(("afterAsOf", c, [
            SnapshotRules.afterAsOf(Timestamp("2026-11-01T00:00:01Z")!, asOf, at: RecordPlace(.touchpoints, 1, .at))!,
            SnapshotRules.afterAsOf(Timestamp("2026-12-24T00:00:00Z")!, asOf, at: RecordPlace(.transitions, 1, .at))!,
        ]))
        c = Content()
        c.customers = [customer("C-1"), customer("C-2")]
        c.transitions = [transition("C-1", to: "purchase", at: "2026-01-01"),
                         transition("C-2", to: "purchase", at: "2026-01-02", reverts: 1)]
        cases.append(("unmatchedRevert", c, [SnapshotRules.unmatchedRevert(1, at: RecordPlace(.transitions, 2, .reverts))]))
        return cases
    }

    /// The findings of each validator, every problem found by a rule.
    func findings(_ content: Content) throws -> (json: [Finding], sqlite: [Finding]) {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let json = SnapshotFile.validate(try Fixtures.write(content.json(), named: "broken.json", in: dir))
        let path = dir.appendingPathComponent("broken.sqlite").path
        try SQLiteFixtures.execute(path, content.sql())
        let sqlite = SQLiteValidator.validate(path: path)
        func all(_ list: ProblemList, _ style: PlaceStyle) -> [Finding] {
            (list.errors + list.warnings).map { problem in
                #expect(problem.finding != nil, "\(style): \(problem) comes from no rule")
                if let finding = problem.finding { #expect(finding.problem(style) == problem) }
                return problem.finding
            }.compactMap { $0 }
        }
        return (all(json, .json), all(sqlite, .sqlite))
    }

    @Test(arguments: 0..<cases.count)
    func theSameBrokenContentYieldsTheSameFindingsAsJSONAndAsSQLite(index: Int) throws {
        let (rule, content, expected) = Self.cases[index]
        let (json, sqlite) = try findings(content)
        #expect(Set(json) == Set(expected), "\(rule), JSON")
        #expect(Set(sqlite) == Set(expected), "\(rule), SQLite")
        #expect(json.count == expected.count && sqlite.count == expected.count, "\(rule)")
        // Code and message text are the same; only the place style differs.
        for finding in expected {
            let (j, s) = (finding.problem(.json), finding.problem(.sqlite))
            #expect(j.kind == s.kind)
            if !finding.arguments.contains(where: { if case .record = $0 { true } else { false } }) {
                #expect(j.message == s.message, "\(rule)")
                #expect(j.message(in: .de) == s.message(in: .de), "\(rule)")
            }
        }
    }

    @Test func eachStoreShowsAFindingInItsPlaceStyle() {
        let duplicate = SnapshotRules.duplicateID("C-1", at: RecordPlace(.customers, 3, id: "C-1", .id), first: RecordPlace(.customers, 1))
        #expect(duplicate.problem(.json).description == #"customers[2].id: duplicate customer id "C-1" (first at customers[0])"#)
        #expect(duplicate.problem(.sqlite).description
                    == #"customers row 3 (id C-1), column id: duplicate customer id "C-1" (first at customers row 1)"#)
        let from = SnapshotRules.unknownReference("limbo", at: RecordPlace(.transitions, 1, .from))
        #expect(from.problem(.json).description == #"transitions[0].from: unknown stage "limbo""#)
        #expect(from.problem(.sqlite).description == #"transitions row 1, column from_stage: unknown stage "limbo""#)
        let missing = SnapshotRules.missingField(.to, of: RecordPlace(.transitions, 2, .to))
        #expect(missing.problem(.json).description == #"transitions[1]: missing required field "to""#)
        #expect(missing.problem(.sqlite).description == #"transitions row 2: missing required field "to_stage""#)
    }
}
