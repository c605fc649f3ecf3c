import Foundation
import Testing
@testable import LifecycleKit

/// Helpers shared by the JSON store tests.
enum JSONFixture {
    static let twoStages = #"[{"id":"lead","name":"Lead"},{"id":"customer","name":"Customer"}]"#

    /// A snapshot document with the given parts (JSON text) in this order.
    static func document(stages: String = twoStages, customers: String = "[]", touchpoints: String? = nil,
                         transitions: String? = nil, header: String = #""format":"lifecycle-snapshot","version":1"#) -> String {
        var parts = [header, #""stages":\#(stages)"#, #""customers":\#(customers)"#]
        if let touchpoints { parts.append(#""touchpoints":\#(touchpoints)"#) }
        if let transitions { parts.append(#""transitions":\#(transitions)"#) }
        return "{" + parts.joined(separator: ",\n") + "}"
    }

    static func open(_ text: String) throws -> JSONSnapshotStore { try open(Array(text.utf8)) }

    static func open(_ bytes: [UInt8]) throws -> JSONSnapshotStore {
        try JSONSnapshotStore(bytes: bytes, path: "test.json")
    }

    /// The problems of a file that must not open.
    static func errors(_ text: String) -> ProblemList { errors(Array(text.utf8)) }

    static func errors(_ bytes: [UInt8]) -> ProblemList {
        do {
            _ = try open(bytes)
            Issue.record("expected the snapshot to be refused")
            return ProblemList()
        } catch let error as SnapshotError {
            return error.problems
        } catch {
            Issue.record("unexpected error \(error)")
            return ProblemList()
        }
    }

    /// The only error of a file that must not open, as "place: message".
    static func onlyError(_ text: String) -> String { onlyError(Array(text.utf8)) }

    static func onlyError(_ bytes: [UInt8]) -> String {
        let problems = errors(bytes)
        #expect(problems.errorCount == 1, "\(problems.errors)")
        return problems.errors.first?.description ?? ""
    }
}

@Suite struct JSONReaderTests {
    // MARK: Syntax errors: line, column, message

    @Test func emptyFile() {
        #expect(JSONFixture.onlyError("") == "line 1, column 1: empty file, expected a JSON object")
        #expect(JSONFixture.onlyError("  \n ") == "line 2, column 2: empty file, expected a JSON object")
        #expect(JSONFixture.errors("").errors.first?.kind == .notASnapshot)
    }

    @Test func topLevelMustBeAnObject() {
        #expect(JSONFixture.onlyError("[1, 2]") == "line 1, column 1: expected a JSON object at the top level, found an array")
        #expect(JSONFixture.onlyError("\n  \"x\"") == "line 2, column 3: expected a JSON object at the top level, found a string")
        #expect(JSONFixture.onlyError("hello") == "line 1, column 1: expected a value, found 'h'")
    }

    @Test func truncatedFile() {
        let text = "{\"format\": \"lifecycle-snapshot\",\n \"stages\": [{\"id\": \"le"
        #expect(JSONFixture.onlyError(text) == "line 2, column 23: unexpected end of file (truncated?)")
        #expect(JSONFixture.onlyError("{\"version\": 1,") == "line 1, column 15: unexpected end of file (truncated?)")
        #expect(JSONFixture.onlyError("{\"name\": tru") == "line 1, column 13: unexpected end of file (truncated?)")
    }

    @Test func invalidUTF8() {
        var bytes = Array("{\"name\": \"Caf".utf8)
        bytes += [0xFF]
        bytes += Array("\"}".utf8)
        #expect(JSONFixture.onlyError(bytes) == "line 1, column 14: invalid UTF-8 byte 0xFF")
        // A lead byte followed by a non-continuation byte: the second byte is named.
        let broken: [UInt8] = Array("{\"name\":\n\"é".utf8) + [0xC3, 0x28] + Array("\"}".utf8)
        #expect(JSONFixture.onlyError(broken) == "line 2, column 4: invalid UTF-8 byte 0x28")
        // Overlong encoding of '/' and an encoded surrogate are invalid too.
        #expect(JSONFixture.onlyError(Array("{\"n\":\"".utf8) + [0xC0, 0xAF] + Array("\"}".utf8))
            == "line 1, column 7: invalid UTF-8 byte 0xC0")
        #expect(JSONFixture.onlyError(Array("{\"n\":\"".utf8) + [0xED, 0xA0, 0x80] + Array("\"}".utf8))
            == "line 1, column 8: invalid UTF-8 byte 0xA0")
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let depth = 100_000
        let text = "{\"x\": " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
        let start = Date()
        #expect(JSONFixture.onlyError(text) == "line 1, column 518: nesting deeper than 512 levels")
        #expect(Date().timeIntervalSince(start) < 2)
        // Objects too, and at the top level a deep array is simply not an object.
        let objects = "{" + String(repeating: "\"a\":{", count: depth)
        #expect(JSONFixture.onlyError(objects).hasSuffix(": nesting deeper than 512 levels"))
        let arrays = String(repeating: "[", count: depth)
        #expect(JSONFixture.onlyError(arrays) == "line 1, column 1: expected a JSON object at the top level, found an array")
    }

    @Test func nestingWithinTheLimitIsSkipped() throws {
        let deep = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        let store = try JSONFixture.open(JSONFixture.document(header: #""format":"lifecycle-snapshot","version":1,"x":\#(deep)"#))
        #expect(store.stages.count == 2)
    }

    @Test func punctuationErrors() {
        #expect(JSONFixture.onlyError("{\"x\": [1 2]}") == "line 1, column 10: expected ',' or ']' after array element, found '2'")
        #expect(JSONFixture.onlyError("{\"x\": 1 \"y\": 2}") == "line 1, column 9: expected ',' or '}' after object member, found '\"'")
        #expect(JSONFixture.onlyError("{\"x\" 1}") == "line 1, column 6: expected ':' after object key, found '1'")
        #expect(JSONFixture.onlyError("{x: 1}") == "line 1, column 2: expected a key in double quotes, found 'x'")
        #expect(JSONFixture.onlyError("{\"x\": [1,]}") == "line 1, column 10: expected a value, found ']'")
        #expect(JSONFixture.onlyError("{\"x\": 1,}") == "line 1, column 9: expected a key in double quotes, found '}'")
        #expect(JSONFixture.onlyError("{} {}") == "line 1, column 4: unexpected text after the JSON object")
        #expect(JSONFixture.onlyError("{\"x\": nul}") == "line 1, column 7: expected a value, found 'n'")
    }

    @Test func stringErrors() {
        #expect(JSONFixture.onlyError("{\"x\": \"a\tb\"}") == "line 1, column 9: control character 0x09 must be escaped in a string")
        #expect(JSONFixture.onlyError("{\"x\": \"a\\qb\"}") == "line 1, column 9: invalid escape sequence '\\q' in string")
        #expect(JSONFixture.onlyError("{\"x\": \"\\ud83d!\"}") == "line 1, column 8: invalid \\u escape: high surrogate \\uD83D without a low surrogate")
        #expect(JSONFixture.onlyError("{\"x\": \"\\ude00\"}") == "line 1, column 8: invalid \\u escape: lone low surrogate \\uDE00")
        #expect(JSONFixture.onlyError("{\"x\": \"\\u12G4\"}") == "line 1, column 12: invalid \\u escape: expected 4 hex digits")
    }

    @Test func numberErrors() {
        #expect(JSONFixture.onlyError("{\"x\": 01}") == "line 1, column 7: malformed number: leading zeros are not allowed")
        #expect(JSONFixture.onlyError("{\"x\": 1.}") == "line 1, column 9: malformed number: expected a digit after '.'")
        #expect(JSONFixture.onlyError("{\"x\": -x}") == "line 1, column 8: malformed number: expected a digit")
        #expect(JSONFixture.onlyError("{\"x\": 1e+}") == "line 1, column 10: malformed number: expected a digit in the exponent")
        #expect(JSONFixture.onlyError("{\"x\": .5}") == "line 1, column 7: expected a value, found '.'")
        #expect(JSONFixture.onlyError("{\"x\": -1e999}") == "line 1, column 7: number out of range")
    }

    @Test func columnsCountCharactersNotBytes() {
        // "é" is two bytes, "😀" four: each is one column.
        #expect(JSONFixture.onlyError("{\"é😀\": [1 2]}") == "line 1, column 11: expected ',' or ']' after array element, found '2'")
    }

    @Test func everyTruncationAndByteFlipIsACleanError() {
        // Debug builds check every buffer access: a read past the end would crash here.
        let text = Array(JSONQueryTests.text.utf8)
        for n in 0..<text.count {
            #expect(throws: SnapshotError.self) { try JSONFixture.open(Array(text[..<n])) }
        }
        for i in stride(from: 0, to: text.count, by: 3) {
            for b: UInt8 in [0x00, 0x22, 0x5C, 0x7B, 0x5D, 0xC3, 0xFF] {
                var flipped = text
                flipped[i] = b
                do { _ = try JSONFixture.open(flipped) } catch { #expect(error is SnapshotError) }
            }
        }
    }

    // MARK: Values

    @Test func escapesAndAnyScriptSurvive() throws {
        let name = #"q\" b\\ s\/ \b\f\n\r\t \u00e9\u4e2d \ud83d\ude00 raw: é中😀 \u0001\u007f\u0000"#
        let c1 = "\u{85}"  // a C1 control character, raw in the file
        let text = JSONFixture.document(customers: #"[{"id":"C-1","name":"\#(name)","stage":"lead","note":"\#(c1)","segment":"\#(c1)"}]"#)
        let store = try JSONFixture.open(text)
        let customer = try #require(try store.customer(id: "C-1"))
        #expect(customer.name == "q\" b\\ s/ \u{8}\u{C}\n\r\t é中 😀 raw: é中😀 \u{1}\u{7F}\u{0}")
        #expect(customer.segment == "\u{85}")
    }

    @Test func numbers() throws {
        let values = ["89.90", "0", "-0.5", "1e2", "2.5E-3", "12345678901234567890", "0.1", "1.7976931348623157e308", "5e-324", "123456789.123456789"]
        let touchpoints = values.enumerated().map { i, v in
            #"{"id":"T-\#(i)","customer_id":"C-1","at":"2026-01-0\#(i % 9 + 1)","channel":"web","type":"visit","value":\#(v)}"#
        }
        let text = JSONFixture.document(customers: #"[{"id":"C-1","name":"A","stage":"lead"}]"#,
                                        touchpoints: "[" + touchpoints.joined(separator: ",") + "]")
        let store = try JSONFixture.open(text)
        let byID = Dictionary(uniqueKeysWithValues: try store.touchpoints(ofCustomer: "C-1").map { ($0.id, $0.value) })
        let expected: [Double] = [89.9, 0, -0.5, 100, 0.0025, 1.2345678901234567e19, 0.1, .greatestFiniteMagnitude,
                                  .leastNonzeroMagnitude, 123456789.123456789]
        for (i, e) in expected.enumerated() { #expect(byID["T-\(i)"] == e, "T-\(i)") }
    }

    @Test func unknownKeysAreIgnoredAnywhere() throws {
        let text = """
        {"generator": {"name": "crm", "nested": [1, 2.5e3, [true, false, null, {"a": "\\u00e9"}]]},
         "format": "lifecycle-snapshot", "version": 1,
         "stages": [{"id": "lead", "name": "Lead", "color": "#fff", "rank": [1]}],
         "customers": [{"id": "C-1", "name": "A", "stage": "lead", "score": 12, "extra": {"x": [{}]}}],
         "touchpoints": [{"id": "T-1", "customer_id": "C-1", "at": "2026-01-01", "channel": "web", "type": "visit", "device": "ios"}],
         "transitions": [{"customer_id": "C-1", "to": "lead", "at": "2026-01-01", "by": "import", "source": null}],
         "future": []}
        """
        let store = try JSONFixture.open(text)
        #expect(try store.totals() == SnapshotTotals(customers: 1, touchpoints: 1, transitions: 1, revenue: 0))
        #expect(store.problems.errorCount == 0 && store.problems.warningCount == 0)
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let store = try JSONFixture.open([0xEF, 0xBB, 0xBF] + Array(JSONFixture.document().utf8))
        #expect(store.stages.map(\.id) == ["lead", "customer"])
    }

    @Test func readsFromAFileAndReportsMissingFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("clc-json-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("s.json").path
        try JSONFixture.document().write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try JSONSnapshotStore(path: file).stages.count == 2)
        #expect(throws: SnapshotError.self) { try JSONSnapshotStore(path: dir.appendingPathComponent("none.json").path) }
        do {
            _ = try JSONSnapshotStore(path: dir.path)
        } catch let error as SnapshotError {
            #expect(error.problems.errors.first?.message == "is a directory, not a snapshot file")
        }
        let empty = dir.appendingPathComponent("empty.json").path
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        do {
            _ = try JSONSnapshotStore(path: empty)
            Issue.record("an empty file must be refused")
        } catch let error as SnapshotError {
            #expect(error.problems.errors.first?.description == "line 1, column 1: empty file, expected a JSON object")
        }
    }
}
