import Foundation
import Testing

/// `clc export` as the user runs it: standard output, `--output`/`--force`, exit codes, and a
/// round trip of awkward names through Python's csv module.
@Suite struct ExportEndToEndTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/export/hostile.json").path

    @Test func writesToStandardOutputAndToAFileOnlyWithForce() throws {
        let dir = try Shell.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Shell.run([Shell.clc, "export", Self.fixture, "--stage", "lead", "--columns", "id,name"])
        #expect(r.status == 0 && r.stdout == "id,name\r\nE4,'-minus\r\nE5,^Itab ^[[31mred\r\n", "\(r.stdout)\(r.stderr)")
        let out = dir.appendingPathComponent("lead.csv").path
        let w = try Shell.run([Shell.clc, "export", Self.fixture, "--stage", "lead", "--output", out])
        #expect(w.status == 0 && w.stdout == "wrote \(out): 2 rows\n", "\(w.stdout)\(w.stderr)")
        let again = try Shell.run([Shell.clc, "export", Self.fixture, "--output", out])
        #expect(again.status == 1 && again.stderr == "clc: \(out) exists; use --force to overwrite it\n")
        #expect(try String(contentsOfFile: out, encoding: .utf8).hasSuffix("E5,^Itab ^[[31mred,,lead\r\n"))
        let forced = try Shell.run([Shell.clc, "export", Self.fixture, "--output", out, "--force", "--lang", "de"])
        #expect(forced.status == 0 && forced.stdout == "\(out) geschrieben: 5 Zeilen\n", "\(forced.stdout)")
    }

    /// A SQLite export streams from one SELECT: the same bytes as from JSON, and no list index
    /// built for it (the page path built one first: 8–12 s on a million customers).
    @Test func aSQLiteExportStreamsWithoutBuildingTheListIndex() throws {
        let dir = try Shell.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sqlite = dir.appendingPathComponent("e.sqlite").path, cache = dir.appendingPathComponent("cache").path
        #expect(try Shell.run([Shell.clc, "convert", Self.fixture, sqlite]).status == 0)
        var environment = Shell.testEnvironment
        environment["CLC_CACHE_DIR"] = cache
        for options in [[], ["--excel", "--sort", "name:desc"], ["--columns", "id,name,touchpoints,revenue", "--sort", "revenue"]] {
            let fromJSON = try Shell.run([Shell.clc, "export", Self.fixture] + options, environment: environment)
            let fromSQLite = try Shell.run([Shell.clc, "export", sqlite] + options, environment: environment)
            #expect(fromSQLite.status == 0 && fromSQLite.stdout == fromJSON.stdout, "\(options): \(fromSQLite.stdout)\(fromSQLite.stderr)")
        }
        let cached = (try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []
        #expect(!cached.contains { $0.hasSuffix(".clc-index") }, "\(cached)")
    }

    /// `--where` takes the rule expressions, worked by hand on the fixture (as_of 2026-11-01):
    /// E1 bought 10-01 12:00 (30 whole days before), refunded 120.75 on 10-15 (revenue −20.25);
    /// E3 bought 09-02 (60 days); the others never bought.
    static let conditions: [(String, String)] = [
        ("purchases >= 1", "E1 E3"), ("days_since_last_purchase > 40", "E3"), ("tags contains \"vip\"", "E1"),
        ("revenue < 0", "E1"), ("days_since_last_touch < 20", "E1"), ("not (purchases >= 1) and segment == \"B2B\"", ""),
    ]

    @Test(arguments: conditions)
    func whereTakesARuleExpression(condition: String, ids: String) throws {
        let r = try Shell.run([Shell.clc, "export", Self.fixture, "--columns", "id", "--where", condition])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.split(separator: "\r\n").dropFirst().joined(separator: " ") == ids, "\(condition): \(r.stdout)")
    }

    @Test func aWrongConditionNamesItsPosition() throws {
        let r = try Shell.run([Shell.clc, "export", Self.fixture, "--where", "revenue >"])
        #expect(r.status == 2 && r.stderr.contains("--where line 1, position 10: expected"), "\(r.stderr)")
    }

    static let refusals: [([String], Int32)] = [
        (["--columns", "id,nope"], 2), (["--sort", "tags"], 2), (["--format", "xml"], 2), (["--format", "json", "--excel"], 2),
        (["--where", "revenue >"], 2), (["--stage", "nope"], 1),
    ]

    @Test(arguments: refusals)
    func refusesWithExitCodes(arguments: [String], status: Int32) throws {
        let r = try Shell.run([Shell.clc, "export", Self.fixture] + arguments)
        #expect(r.status == status && r.stdout.isEmpty && r.stderr.hasPrefix("clc: "), "\(r.stderr)")
    }

    @Test func namesWithQuotesAndNewlinesSurvivePythonsCSVModule() throws {
        let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let python else { return }   // no python3: the one check that needs it is skipped
        let dir = try Shell.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("all.csv").path
        #expect(try Shell.run([Shell.clc, "export", Self.fixture, "--columns", "id,name,attributes.city", "--output", out]).status == 0)
        let script = "import csv,json,sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))))"
        let r = try Shell.run([python, "-c", script, out])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String]], "\(r.stderr)")
        #expect(rows.count == 6)
        #expect(rows[3] == ["E1", "Ann \"The Boss\" O'Neil", "Köln, Süd"])
        #expect(rows[4][1] == "'=HYPERLINK(\"http://x\")")
        #expect(rows[5][1] == "Line one\nline two")
    }
}
