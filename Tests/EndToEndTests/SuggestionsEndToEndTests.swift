import Foundation
import Testing

/// The suggestions screen in the real binary, in tmux: on the demo (`clc demo`, its
/// `demo.rules.toml`), `R` lists the playbook with its counts, `a` applies a rule after the
/// confirmation and the file has the transitions noted `rule: …`; one `u` reverts them all.
@Suite(.serialized) struct SuggestionsEndToEndTests {
    /// `sqlite3 path query`, its lines.
    static func sql(_ path: String, _ query: String) throws -> [String] {
        let r = try Shell.run(["sqlite3", path, query])
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout.split(separator: "\n").map(String.init)
    }

    @Test func applyARuleOfTheDemoThenUndoItWhole() throws {
        let dir = try Shell.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let environment = ["XDG_DATA_HOME": dir.path, "CLC_USER": "e2e", "CLC_LANG": "en", "TERM": "xterm-256color"]
        var env = Shell.testEnvironment
        env["XDG_DATA_HOME"] = dir.path
        let path = try Shell.run([Shell.clc, "demo", "--path"], environment: env).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let listed = try Shell.run([Shell.clc, "rules", path, "--rule", "Loyal and alive", "--format", "json"], environment: env).stdout
        let n = try #require(listed.firstMatch(of: /"matches": (\d+)/).map { String($0.1) })
        let session = try TmuxSession(command: TmuxSession.quote(Shell.clc) + " demo", width: 100, height: 30, directory: dir,
                                      environment: environment)
        try session.waitFor(text: "Customers per stage")
        try session.send("R")
        try session.waitFor(text: "Suggestions from demo.rules.toml")
        // The rule reads p_alive: counted once the value figures are in.
        try session.waitFor("the count of Loyal and alive", timeout: 90) { screen in
            screen.split(separator: "\n").contains { $0.contains("Loyal and alive") && $0.hasSuffix(" " + n) }
        }
        try session.send("j")
        try session.send("a")
        try session.waitFor(text: "Move \(n) customers from Retention to Loyalty (rule: Loyal and alive)?")
        try session.send("y")
        try session.waitFor(text: "Loyal and alive: moved \(n) customers from Retention to Loyalty")
        let moved = try Self.sql(path, "SELECT id FROM transitions WHERE note = 'rule: Loyal and alive' AND by = 'e2e' "
                                     + "AND from_stage = 'retention' AND to_stage = 'loyalty' ORDER BY id")
        #expect(moved.count == Int(n))
        try session.send("u")
        try session.waitFor(text: "Undone: moved back \(n) customers")
        let reverts = try Self.sql(path, "SELECT reverts FROM transitions WHERE note = 'undo: rule: Loyal and alive' AND by = 'e2e' "
                                       + "AND from_stage = 'loyalty' AND to_stage = 'retention' ORDER BY reverts")
        #expect(reverts == moved)
        let back = try Self.sql(path, "SELECT count(*) FROM customers c JOIN transitions t ON t.customer_id = c.id "
                                    + "WHERE t.note = 'rule: Loyal and alive' AND c.stage = 'retention'")
        #expect(back == [n])
        try session.send("q")
        #expect(try session.exitStatus() == 0)
    }

    @Test func theDashboardTakesRulesFromAnotherFile() throws {
        let dir = try Shell.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/hand-made.json").path
        let path = dir.appendingPathComponent("shop.json").path
        try FileManager.default.copyItem(atPath: fixture, toPath: path)
        let rules = dir.appendingPathComponent("playbook.toml").path
        try RulesEndToEndTests.rules.write(toFile: rules, atomically: true, encoding: .utf8)
        let command = [Shell.clc, path, "--rules", rules].map(TmuxSession.quote).joined(separator: " ")
        let session = try TmuxSession(command: command, width: 100, height: 30, directory: dir,
                                      environment: ["CLC_LANG": "en", "TERM": "xterm-256color"])
        try session.waitFor(text: "Customers per stage")
        try session.send("R")
        try session.waitFor(text: "Suggestions from playbook.toml")
        try session.waitFor("the counts") { screen in
            screen.split(separator: "\n").contains { $0.contains("All buyers") && $0.hasSuffix(" 2") }
        }
        try session.send("q")
        #expect(try session.exitStatus() == 0)
    }
}
