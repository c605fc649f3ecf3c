import Foundation
import Testing
@testable import LifecycleKit

@Suite struct JSONValidationTests {
    private func customers(_ elements: String...) -> String { "[" + elements.joined(separator: ",\n") + "]" }

    private let c1 = #"{"id":"C-1","name":"A","stage":"lead"}"#

    // MARK: Not a snapshot, version

    @Test func wrongOrMissingFormatIsNotASnapshot() {
        let wrong = JSONFixture.errors(JSONFixture.document(header: #""format":"something-else","version":1"#))
        #expect(wrong.errors == [Problem(.notASnapshot, at: "format", #"format must be "lifecycle-snapshot""#)])
        let missing = JSONFixture.errors(#"{"name": "package.json", "dependencies": {}}"#)
        #expect(missing.errors == [Problem(.notASnapshot, at: "", #"missing required field "format" (not a lifecycle snapshot)"#)])
        let notAString = JSONFixture.errors(JSONFixture.document(header: #""format":1,"version":1"#))
        #expect(notAString.errors.map(\.kind) == [.notASnapshot])
    }

    @Test func csvSaysItLooksLikeCSVAndWhatClcReads() throws {
        let expected = "looks like CSV (comma-separated, not JSON); clc reads lifecycle snapshots in JSON or SQLite "
            + "(see the snapshot format in clc's README)"
        #expect(JSONFixture.onlyError("id,name,email\n1,Anna,anna@example.de\n") == expected)
        #expect(JSONFixture.onlyError("\u{FEFF}id;name\r\n1;Anna\r\n").hasPrefix("looks like CSV (semicolon-separated"))
        #expect(JSONFixture.onlyError("id\tname\n").hasPrefix("looks like CSV (tab-separated"))
        #expect(JSONFixture.errors("id,name\n1,Anna\n").errors.first?.kind == .notASnapshot)
        // Through the file API, as `convert` and `validate` see it.
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try Fixtures.write("id,name,stage\nC-1,Anna,lead\n", named: "export.csv", in: dir)
        #expect(SnapshotFile.validate(path).errors.map(\.description) == [expected])
        let error = try #require(throws: SnapshotError.self) { try SnapshotFile.open(path) }
        #expect(error.description == "\(path): \(expected)")
        // Not CSV: broken JSON and plain words keep their syntax errors.
        #expect(JSONFixture.onlyError("hello") == "line 1, column 1: expected a value, found 'h'")
        #expect(JSONFixture.onlyError("{\"a\": 1,, \"b\": 2}").hasPrefix("line 1, column"))
        #expect(JSONFixture.onlyError("id,name\nno separator here\n").hasPrefix("line 1, column 1"))
    }

    @Test func higherVersionIsRefusedAlone() {
        // Other problems of a version 2 file are not reported: its rules may differ.
        let problems = JSONFixture.errors(JSONFixture.document(customers: "[{}]", header: #""format":"lifecycle-snapshot","version":2"#))
        #expect(problems.errors == [Problem(.unsupportedVersion, at: "version", "unsupported version 2 (this clc reads version 1)")])
        #expect(JSONFixture.onlyError(JSONFixture.document(header: #""format":"lifecycle-snapshot","version":1.5"#))
            == "version: unsupported version 1.5 (this clc reads version 1)")
    }

    @Test func missingTopLevelFields() {
        let problems = JSONFixture.errors(#"{"format":"lifecycle-snapshot"}"#)
        #expect(problems.errors.map(\.description) == [#"missing required field "version""#, #"missing required field "stages""#,
                                                       #"missing required field "customers""#])
        #expect(JSONFixture.onlyError(JSONFixture.document(stages: "[]")) == "stages: at least one stage is required")
        #expect(JSONFixture.onlyError(JSONFixture.document(stages: "{}")) == "stages: expected an array, found an object")
    }

    // MARK: Fields

    @Test func missingRequiredFields() {
        let problems = JSONFixture.errors(JSONFixture.document(customers: customers(c1, #"{"id":"C-2","stage":"lead"}"#, "{}")))
        #expect(problems.errors.map(\.description) == [
            #"customers[1]: missing required field "name""#,
            #"customers[2]: missing required field "id""#, #"customers[2]: missing required field "name""#,
            #"customers[2]: missing required field "stage""#,
        ])
        #expect(problems.errors.allSatisfy { $0.kind == .invalidField })
        #expect(JSONFixture.onlyError(JSONFixture.document(customers: customers(c1), touchpoints: #"[{"id":"T-1","customer_id":"C-1","at":"2026-01-01","channel":"web"}]"#))
            == #"touchpoints[0]: missing required field "type""#)
        #expect(JSONFixture.onlyError(JSONFixture.document(customers: customers(c1), transitions: #"[{"customer_id":"C-1","to":"lead","at":"2026-01-01"}]"#))
            == #"transitions[0]: missing required field "by""#)
        #expect(JSONFixture.onlyError(JSONFixture.document(stages: #"[{"id":"lead"}]"#)) == #"stages[0]: missing required field "name""#)
    }

    @Test func wrongTypes() {
        let problems = JSONFixture.errors(JSONFixture.document(customers: customers(
            #"{"id":"C-1","name":5,"stage":"lead","tags":["a",7],"attributes":{"city":"Bonn","n":2,"ok":true,"list":[1],"my key":null}}"#,
            #"{"id":"C-2","name":null,"stage":"lead","email":false,"tags":"vip"}"#,
            #""C-3""#)))
        #expect(problems.errors.map(\.description) == [
            "customers[0].name: expected a string, found a number",
            "customers[0].tags[1]: expected a string, found a number",
            "customers[0].attributes.list: expected a string, number or boolean, found an array",
            #"customers[0].attributes["my key"]: expected a string, number or boolean, found null"#,
            "customers[1].name: expected a string, found null",
            "customers[1].email: expected a string, found a boolean",
            "customers[1].tags: expected an array, found a string",
            "customers[2]: expected an object, found a string",
        ])
    }

    @Test func nullOptionalFieldsAreAbsent() throws {
        let store = try JSONFixture.open(JSONFixture.document(
            customers: customers(#"{"id":"C-1","name":"A","stage":"lead","email":null,"segment":null,"tags":null,"attributes":null,"created_at":null}"#),
            touchpoints: #"[{"id":"T-1","customer_id":"C-1","at":"2026-01-01","channel":"web","type":"visit","campaign":null,"value":null,"note":null}]"#,
            transitions: #"[{"customer_id":"C-1","from":null,"to":"lead","at":"2026-01-01","by":"x","note":null}]"#,
            header: #""format":"lifecycle-snapshot","version":1,"name":null,"currency":null,"as_of":null"#))
        #expect(try store.customer(id: "C-1") == Customer(id: "C-1", name: "A", stage: "lead"))
        #expect(store.info.currency == "EUR" && store.info.name == nil && store.info.declaredAsOf == nil)
        let t = try store.touchpoints(ofCustomer: "C-1")
        #expect(t.first?.campaign == nil && t.first?.value == nil && t.first?.note == nil)
    }

    @Test func malformedTimestamps() {
        let problems = JSONFixture.errors(JSONFixture.document(
            customers: customers(#"{"id":"C-1","name":"A","stage":"lead","created_at":"2026-13-01","stage_entered_at":"yesterday"}"#),
            touchpoints: #"[{"id":"T-1","customer_id":"C-1","at":"2026-02-30T10:00:00Z","channel":"web","type":"visit"}]"#,
            header: #""format":"lifecycle-snapshot","version":1,"as_of":20260101"#))
        #expect(problems.errors.map(\.description) == [
            "as_of: expected a string, found a number",
            #"customers[0].created_at: malformed timestamp "2026-13-01""#,
            #"customers[0].stage_entered_at: malformed timestamp "yesterday""#,
            #"touchpoints[0].at: malformed timestamp "2026-02-30T10:00:00Z""#,
        ])
    }

    @Test func invalidIdentifiers() {
        let problems = JSONFixture.errors(JSONFixture.document(
            stages: #"[{"id":"Awareness","name":"A"},{"id":"_x","name":"B"},{"id":"ok-1_2","name":"C"}]"#,
            customers: customers(#"{"id":"","name":"A","stage":"ok-1_2"}"#, #"{"id":"C\u0007","name":"A","stage":"ok-1_2"}"#,
                                 #"{"id":"\#(String(repeating: "é", count: 129))","name":"A","stage":"ok-1_2"}"#)))
        #expect(problems.errors.map(\.description).prefix(4) == [
            #"stages[0].id: invalid stage id "Awareness" (must match [a-z0-9][a-z0-9_-]*)"#,
            #"stages[1].id: invalid stage id "_x" (must match [a-z0-9][a-z0-9_-]*)"#,
            #"customers[0].id: invalid id "" (must be 1 to 128 printable characters)"#,
            #"customers[1].id: invalid id "C\u0007" (must be 1 to 128 printable characters)"#,
        ])
        #expect(problems.errorCount == 5)
        // 128 characters (256 bytes) is fine.
        #expect(throws: Never.self) {
            try JSONFixture.open(JSONFixture.document(customers: customers(#"{"id":"\#(String(repeating: "é", count: 128))","name":"A","stage":"lead"}"#)))
        }
    }

    @Test func duplicateIDs() {
        let problems = JSONFixture.errors(JSONFixture.document(
            stages: #"[{"id":"lead","name":"Lead"},{"id":"lead","name":"Again"}]"#,
            customers: customers(c1, #"{"id":"C-2","name":"B","stage":"lead"}"#, #"{"id":"C-1","name":"C","stage":"lead"}"#),
            touchpoints: #"[{"id":"T-1","customer_id":"C-1","at":"2026-01-01","channel":"web","type":"visit"},{"id":"T-1","customer_id":"C-2","at":"2026-01-01","channel":"web","type":"visit"}]"#))
        #expect(problems.errors == [
            Problem(.duplicateID, at: "stages[1].id", #"duplicate stage id "lead" (first at stages[0])"#),
            Problem(.duplicateID, at: "customers[2].id", #"duplicate customer id "C-1" (first at customers[0])"#),
            Problem(.duplicateID, at: "touchpoints[1].id", #"duplicate touchpoint id "T-1" (first at touchpoints[0])"#),
        ])
    }

    @Test func repeatedFieldInOneObject() {
        #expect(JSONFixture.onlyError(JSONFixture.document(customers: customers(#"{"id":"C-1","name":"A","name":"B","stage":"lead"}"#)))
            == "customers[0].name: field appears more than once")
    }

    // MARK: References

    @Test func unknownReferences() {
        let problems = JSONFixture.errors(JSONFixture.document(
            customers: customers(c1, #"{"id":"C-2","name":"B","stage":"nirvana"}"#),
            touchpoints: #"[{"id":"T-1","customer_id":"C-9","at":"2026-01-01","channel":"web","type":"visit"}]"#,
            transitions: #"[{"customer_id":"C-1","from":"limbo","to":"heaven","at":"2026-01-01","by":"x"},{"customer_id":"C-8","to":"lead","at":"2026-01-01","by":"x"}]"#))
        #expect(problems.errors == [
            Problem(.unknownReference, at: "customers[1].stage", #"unknown stage "nirvana""#),
            Problem(.unknownReference, at: "touchpoints[0].customer_id", #"unknown customer "C-9""#),
            Problem(.unknownReference, at: "transitions[0].from", #"unknown stage "limbo""#),
            Problem(.unknownReference, at: "transitions[0].to", #"unknown stage "heaven""#),
            Problem(.unknownReference, at: "transitions[1].customer_id", #"unknown customer "C-8""#),
        ])
    }

    @Test func referencesMayComeBeforeWhatTheyName() throws {
        let text = """
        {"transitions": [{"customer_id": "C-1", "to": "won", "at": "2026-01-02", "by": "x"}],
         "touchpoints": [{"id": "T-1", "customer_id": "C-1", "at": "2026-01-01", "channel": "web", "type": "visit", "value": 3}],
         "customers": [{"id": "C-1", "name": "A", "stage": "won"}],
         "stages": [{"id": "new", "name": "New"}, {"id": "won", "name": "Won"}],
         "version": 1, "format": "lifecycle-snapshot"}
        """
        let store = try JSONFixture.open(text)
        #expect(try store.stageCounts() == [0, 1])
        #expect(try store.touchpoints(ofCustomer: "C-1").map(\.id) == ["T-1"])
        #expect(try store.transitions(ofCustomer: "C-1").map(\.to) == ["won"])
        #expect(try store.customers(inStage: "won", filter: .none, sort: CustomerSort(.revenue), offset: 0, limit: 5).first?.revenue == 3)
    }

    @Test func allErrorsAreCollectedAndCounted() {
        let bad = (0..<1500).map { #"{"id":"C-\#($0)","name":"A","stage":"nowhere"}"# }
        let problems = JSONFixture.errors(JSONFixture.document(customers: "[" + bad.joined(separator: ",") + "]"))
        #expect(problems.errorCount == 1500)
        #expect(problems.errors.count == 1000)
        #expect(problems.errors[999].description == #"customers[999].stage: unknown stage "nowhere""#)
        #expect(problems.lines(maxPerSeverity: 2).last == "… and 1,498 more errors")   // counts are grouped, as everywhere
    }

    // MARK: Warnings

    @Test func warningsLetTheFileOpen() throws {
        let store = try JSONFixture.open(JSONFixture.document(
            customers: customers(
                #"{"id":"C-1","name":"A","stage":"customer","created_at":"2026-02-01","stage_entered_at":"2026-01-15T08:00:00Z"}"#,
                #"{"id":"C-2","name":"B","stage":"lead"}"#),
            touchpoints: #"[{"id":"T-1","customer_id":"C-2","at":"2026-01-01","channel":"web","type":"visit"},{"id":"T-2","customer_id":"C-2","at":"2026-12-01T00:00:00Z","channel":"web","type":"visit"}]"#,
            transitions: #"[{"customer_id":"C-1","to":"lead","at":"2026-01-15","by":"x"},{"customer_id":"C-1","from":"lead","to":"customer","at":"2026-01-10","by":"x"},{"customer_id":"C-2","to":"lead","at":"2027-01-01","by":"x"}]"#,
            header: #""format":"lifecycle-snapshot","version":1,"as_of":"2026-11-01T00:00:00Z""#))
        #expect(store.problems.errorCount == 0)
        #expect(store.problems.warnings == [
            // C-1's last transition in time order is the one to "lead" (2026-01-15), not file order.
            Problem(.stageMismatch, at: "customers[0]", #"stage is "customer" but the last transition goes to "lead""#),
            Problem(.enteredBeforeCreated, at: "customers[0].stage_entered_at",
                    "stage_entered_at 2026-01-15T08:00:00Z is before created_at 2026-02-01T00:00:00Z"),
            Problem(.afterAsOf, at: "touchpoints[1].at", "2026-12-01T00:00:00Z is after as_of 2026-11-01T00:00:00Z"),
            Problem(.afterAsOf, at: "transitions[2].at", "2027-01-01T00:00:00Z is after as_of 2026-11-01T00:00:00Z"),
        ])
        #expect(store.info.asOf == Timestamp("2026-11-01T00:00:00Z"))
    }

    @Test func errorsAndWarningsTogetherRefuseTheFile() {
        let problems = JSONFixture.errors(JSONFixture.document(customers: customers(#"{"id":"C-1","name":"A","stage":"x"}"#)))
        #expect(problems.errorCount == 1)
        #expect(problems.warningCount == 0)
    }
}
