import Foundation
import Testing

/// `clc attribution`, `flows`, `cohorts` and `diff` as a user runs them: exit codes, and
/// hostile channels, campaigns, stage names and ids never reaching the terminal raw (CSV cells
/// visible and neutralised, JSON escaped).
@Suite(.serialized) struct AnalysisCommandTests {
    static let snapshot = #"""
        {"format":"lifecycle-snapshot","version":1,"as_of":"2026-03-31",
         "stages":[{"id":"a","name":"\u001b]0;title\u0007"},{"id":"b","name":"=1+2"}],
         "customers":[{"id":"C-\u202e1","name":"\u001b[31mred","stage":"b","created_at":"2026-01-05"},
                      {"id":"C-2","name":"Bo","stage":"a"}],
         "touchpoints":[{"id":"T1","customer_id":"C-\u202e1","at":"2026-01-10","channel":"\u001b[2Jweb","type":"visit",
                         "campaign":"=HYPERLINK(1)"},
                        {"id":"T2","customer_id":"C-\u202e1","at":"2026-02-10","channel":"email","type":"purchase","value":5}],
         "transitions":[{"customer_id":"C-\u202e1","from":null,"to":"a","at":"2026-01-05","by":"x"},
                        {"customer_id":"C-\u202e1","from":"a","to":"b","at":"2026-02-01","by":"x"}]}
        """#

    @Test func everyFormatIsSafeAndEveryErrorSaysSo() throws {
        let root = try Shell.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("shop.json").path
        let other = root.appendingPathComponent("other.json").path
        try Self.snapshot.write(toFile: file, atomically: true, encoding: .utf8)
        try Self.snapshot.replacingOccurrences(of: #""id":"C-2","name":"Bo","stage":"a""#, with: #""id":"C-2","name":"Bo","stage":"b""#)
            .write(toFile: other, atomically: true, encoding: .utf8)
        var runs: [(String, [String], Int32)] = [
            ("attribution unknown stage", ["attribution", file, "--stage", "\u{1b}[2J"], 1),
            ("attribution negative lookback", ["attribution", file, "--stage", "b", "--lookback-days=-1"], 1),
            ("flows bad date", ["flows", file, "--since", "\u{1b}[2Jmonday"], 2),
            ("cohorts bad metric", ["cohorts", file, "--metric", "revenue"], 2),
            ("diff missing file", ["diff", file, root.appendingPathComponent("missing.json").path], 1),
        ]
        for format in ["table", "json", "csv"] {
            runs += [("attribution \(format)", ["attribution", file, "--stage", "b", "--by", "campaign", "--format", format], 0),
                     ("attribution channel \(format)", ["attribution", file, "--stage", "b", "--format", format], 0),
                     ("flows \(format)", ["flows", file, "--format", format], 0),
                     ("cohorts \(format)", ["cohorts", file, "--format", format], 0),
                     ("diff \(format)", ["diff", file, other, "--format", format], 0)]
        }
        for (label, arguments, status) in runs {
            let r = try Shell.run([Shell.clc] + arguments)
            #expect(r.status == status, "\(label): \(r.stderr)")
            HostileTextTests.expectSafe(r, label, allowCR: label.hasSuffix("csv"))
            if status != 0 { #expect(!r.stderr.isEmpty, "\(label) says nothing") }
        }
        let csv = try Shell.run([Shell.clc, "attribution", file, "--stage", "b", "--by", "campaign", "--format", "csv"])
        #expect(csv.stdout == "key,credit,share,touchpoints,customers,revenue\r\n'=HYPERLINK(1),1,1,1,1,5\r\n", "\(csv.stdout)")
        let json = try Shell.run([Shell.clc, "attribution", file, "--stage", "b", "--format", "json"])
        #expect(json.stdout.contains(#""key": "\u001b[2Jweb""#), "\(json.stdout)")
        let diff = try Shell.run([Shell.clc, "diff", file, other, "--format", "csv"])
        #expect(diff.stdout == "id,change,from,to\r\nC-2,moved,a,b\r\n", "\(diff.stdout)")
    }
}
