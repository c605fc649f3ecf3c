import Foundation
import Testing

/// Every command's output, with hostile stage names, customer names, ids, notes, users and
/// paths: no control byte, C1 control or bidi control reaches the terminal; machine formats
/// carry the text escaped (JSON `\u001b`) or visible (CSV `^[`), and CSV cells a spreadsheet
/// would evaluate are neutralised.
@Suite(.serialized) struct HostileTextTests {
    static let snapshot = #"""
        {"format":"lifecycle-snapshot","version":1,"name":"\u001b]0;shop\u0007",
         "stages":[{"id":"a","name":"\u001b]0;title\u0007"},{"id":"b","name":"=1+2"},{"id":"c","name":"-3"},
                   {"id":"d","name":"\u009b31m\u202eevil\u2066"}],
         "customers":[{"id":"C-\u202e1","name":"\u001b[31mred\u0085\u202e","stage":"a","email":"e\u001b@x"},
                      {"id":"C-2","name":"@SUM(A1)","stage":"b"}],
         "transitions":[{"customer_id":"C-\u202e1","from":null,"to":"a","at":"2026-01-01","by":"\u001b[2J",
                         "note":"\u001b]0;pwn\u0007\u009d"}]}
        """#

    /// The first control that would reach a terminal, if any (`allowCR` for CSV's CRLF).
    static func firstControl(_ text: String, allowCR: Bool = false) -> String? {
        for s in text.unicodeScalars {
            let v = s.value
            if v == 10 || (allowCR && v == 13) { continue }
            if v < 0x20 || (0x7F..<0xA0).contains(v) || v == 0x061C || v == 0x200E || v == 0x200F
                || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) {
                return String(format: "U+%04X", v)
            }
        }
        return nil
    }

    static func expectSafe(_ r: Shell.Result, _ label: String, allowCR: Bool = false) {
        #expect(firstControl(r.stdout, allowCR: allowCR) == nil, "\(label): stdout carries a raw control: \(r.stdout.debugDescription)")
        #expect(firstControl(r.stderr) == nil, "\(label): stderr carries a raw control: \(r.stderr.debugDescription)")
    }

    @Test func noCommandSendsARawControlToTheTerminal() throws {
        let root = try Shell.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let dir = root.appendingPathComponent("x\u{1b}]0;dir\u{7}\u{202e}").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let file = dir + "/shop.json"
        try Self.snapshot.write(toFile: file, atomically: true, encoding: .utf8)
        let id = "C-\u{202e}1"
        let runs: [(String, [String], Int32)] = [
            ("report", ["report", file], 0),
            ("report json", ["report", file, "--format", "json"], 0),
            ("validate", ["validate", file], 0),
            ("history", ["history", file, id], 0),
            ("history json", ["history", file, id, "--format", "json"], 0),
            ("move", ["move", file, id, "d", "--note", "\u{1b}]0;n\u{7}", "--user", "\u{1b}[2Ju\u{9b}"], 0),
            ("move again", ["move", file, id, "d"], 0),
            ("move unknown customer", ["move", file, "C-\u{1b}]0;x\u{7}", "a"], 1),
            ("move unknown stage", ["move", file, id, "\u{1b}[2J"], 1),
            ("history unknown customer", ["history", file, "\u{1b}[2J\u{202e}"], 1),
            ("convert", ["convert", file, dir + "/out.sqlite"], 0),
            ("convert exists", ["convert", file, dir + "/out.sqlite"], 1),
            ("report sqlite", ["report", dir + "/out.sqlite"], 0),
            ("generate", ["generate", dir + "/gen.json", "--customers", "5"], 0),
            ("report missing file", ["report", dir + "/missing\u{9b}.json"], 1),
            ("bad option", ["report", file, "--format", "\u{1b}[2J"], 2),
        ]
        for (label, arguments, status) in runs {
            let r = try Shell.run([Shell.clc] + arguments)
            #expect(r.status == status, "\(label): \(r.stderr)")
            Self.expectSafe(r, label)
        }
        let csv = try Shell.run([Shell.clc, "report", file, "--format", "csv"])
        Self.expectSafe(csv, "report csv", allowCR: true)
        #expect(csv.stdout.contains("a,^[]0;title^G,") && csv.stdout.contains("b,'=1+2,") && csv.stdout.contains("c,'-3,"),
                "\(csv.stdout)")
        #expect(csv.stdout.contains("d,<9B>31m<U+202E>evil<U+2066>,"), "\(csv.stdout)")
        let json = try Shell.run([Shell.clc, "history", file, id, "--format", "json"])
        #expect(json.stdout.contains(#""note": "\u001b]0;pwn\u0007\u009d""#) && json.stdout.contains(#""C-\u202e1""#), "\(json.stdout)")
        // Still valid JSON that reads back to the same text.
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((decoded?["customer"] as? [String: Any])?["id"] as? String == id)
        let move = try Shell.run([Shell.clc, "move", file, "C-2", "c"])
        #expect(move.stdout.hasPrefix("Moved @SUM(A1) (C-2): =1+2 → -3 at "), "\(move.stdout)")
    }

    @Test func demoPathIsShownSafely() throws {
        let root = try Shell.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        var environment = Shell.testEnvironment
        environment["XDG_DATA_HOME"] = root.appendingPathComponent("d\u{1b}]0;t\u{7}").path
        let r = try Shell.run([Shell.clc, "demo", "--path"], environment: environment)
        #expect(r.status == 0, "\(r.stderr)")
        Self.expectSafe(r, "demo --path")
        #expect(r.stdout.contains("d^[]0;t^G/clc/demo.sqlite"), "\(r.stdout)")
    }
}
