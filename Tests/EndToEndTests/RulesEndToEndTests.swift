import Foundation
import Testing

/// `clc rules` as the user runs it on the hand-made snapshot (as_of 2026-11-01), both formats:
/// nothing moves without --apply; --apply moves through the one move path, into the file.
@Suite struct RulesEndToEndTests {
    static let rules = """
        [[rule]]
        name = "Quiet buyers"
        stage = "purchase"
        when = "days_since_last_purchase > 250"
        move_to = "retention"

        [[rule]]
        name = "All buyers"
        stage = "purchase"
        when = "purchases >= 1"
        move_to = "loyalty"

        [[rule]]
        name = "Repeat B2C"
        stage = "consideration"
        when = "purchases >= 2 and segment == 'B2C'"
        move_to = "retention"
        """

    /// The hand-made snapshot as `shop.EXT` with `shop.rules.toml` beside it.
    static func snapshot(_ ext: String) throws -> (dir: URL, path: String) {
        let dir = try Shell.temporaryDirectory()
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/hand-made.json").path
        let path = dir.appendingPathComponent("shop.\(ext)").path
        let c = try Shell.run([Shell.clc, "convert", fixture, path])
        #expect(c.status == 0, "\(c.stderr)")
        try rules.write(toFile: dir.appendingPathComponent("shop.rules.toml").path, atomically: true, encoding: .utf8)
        return (dir, path)
    }

    @Test(arguments: ["json", "sqlite"])
    func listsMatchesWithoutMovingAnything(ext: String) throws {
        let (dir, path) = try Self.snapshot(ext)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Shell.run([Shell.clc, "rules", path, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == """
            {"rules": [
              {"name": "Quiet buyers", "stage": "purchase", "move_to": "retention", "matches": 1, "sample": ["C2"]},
              {"name": "All buyers", "stage": "purchase", "move_to": "loyalty", "matches": 2, "sample": ["C1", "C2"]},
              {"name": "Repeat B2C", "stage": "consideration", "move_to": "retention", "matches": 1, "sample": ["C3"]}
            ]}

            """, "\(r.stdout)")
        let table = try Shell.run([Shell.clc, "rules", path])
        #expect(table.stdout.contains("Quiet buyers") && table.stdout.contains("Nothing moved: --apply"), "\(table.stdout)")
        let history = try Shell.run([Shell.clc, "history", path, "C2"])
        #expect(!history.stdout.contains("rule:"), "\(history.stdout)")
    }

    @Test(arguments: ["json", "sqlite"])
    func applyMovesIntoTheFileAndReportsConflicts(ext: String) throws {
        let (dir, path) = try Self.snapshot(ext)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Shell.run([Shell.clc, "rules", path, "--apply", "--user", "ana"])
        #expect(r.status == 0, "\(r.stderr)")
        // "Quiet buyers" moves C2 first, so "All buyers" (computed before) finds C2 moved: a conflict.
        #expect(r.stdout.contains("Quiet buyers: moved 1 customer from Purchase to Retention\n  C2\n"), "\(r.stdout)")
        #expect(r.stdout.contains("All buyers: moved 1 customer from Purchase to Loyalty\n  C1\n"), "\(r.stdout)")
        #expect(r.stdout.contains("All buyers: 1 customer was not moved: "), "\(r.stdout)")
        #expect(r.stdout.contains("Repeat B2C: moved 1 customer from Consideration to Retention\n  C3\n"), "\(r.stdout)")
        let after = try Shell.run([Shell.clc, "rules", path, "--format", "json"])
        #expect(after.stdout.contains("\"matches\": 0") && !after.stdout.contains("\"matches\": 1"), "\(after.stdout)")
        let history = try Shell.run([Shell.clc, "history", path, "C2", "--format", "json"])
        #expect(history.stdout.contains("\"by\": \"ana\"") && history.stdout.contains("\"note\": \"rule: Quiet buyers\""), "\(history.stdout)")
    }

    @Test func applyingOneRuleMovesOnlyItsMatches() throws {
        let (dir, path) = try Self.snapshot("sqlite")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Shell.run([Shell.clc, "rules", path, "--apply", "--rule", "Repeat B2C", "--user", "ben"])
        #expect(r.status == 0 && !r.stdout.contains("Quiet buyers"), "\(r.stdout)\(r.stderr)")
        let after = try Shell.run([Shell.clc, "rules", path, "--format", "json"])
        #expect(after.stdout.contains("\"matches\": 2") && after.stdout.contains("\"sample\": []"), "\(after.stdout)")
        let bad = try Shell.run([Shell.clc, "rules", path, "--rule", "Nope"])
        #expect(bad.status == 1 && bad.stderr.contains("no rule named \"Nope\""), "\(bad.stderr)")
    }

    @Test func aWrongRulesFileIsReportedWithLineAndPosition() throws {
        let (dir, path) = try Self.snapshot("json")
        defer { try? FileManager.default.removeItem(at: dir) }
        let other = dir.appendingPathComponent("other.toml").path
        try "[[rule]]\nname = \"X\"\nstage = \"purchase\"\nwhen = \"purchases >> 1\"\nmove_to = \"loyalty\"\n"
            .write(toFile: other, atomically: true, encoding: .utf8)
        let r = try Shell.run([Shell.clc, "rules", path, "--rules", other])
        #expect(r.status == 1)
        #expect(r.stderr.contains("other.toml line 4, position 20: expected a number, a quoted string or a date, found >"), "\(r.stderr)")
    }
}
