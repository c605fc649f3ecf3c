import Foundation
import Testing

/// The real binary in tmux: open a generated snapshot, press keys, read the screen.
@Suite(.serialized) struct DashboardEndToEndTests {
    struct Funnel: Decodable {
        struct Stage: Decodable { var id: String; var name: String; var customers: Int }
        var stages: [Stage]
    }

    /// A generated snapshot and its funnel as `clc report --format json` tells it.
    static func snapshot(_ name: String, in dir: URL) throws -> (path: String, funnel: Funnel) {
        let path = dir.appendingPathComponent(name).path
        let gen = try Shell.run([Shell.clc, "generate", path, "--customers", "400", "--seed", "9"])
        #expect(gen.status == 0, "\(gen.stderr)")
        let report = try Shell.run([Shell.clc, "report", path, "--format", "json"])
        #expect(report.status == 0, "\(report.stderr)")
        return (path, try JSONDecoder().decode(Funnel.self, from: Data(report.stdout.utf8)))
    }

    static func grouped(_ n: Int) -> String {
        let f = NumberFormatter()
        f.numberStyle = .decimal
        f.groupingSeparator = ","
        f.usesGroupingSeparator = true
        return f.string(from: NSNumber(value: n)) ?? String(n)
    }

    @Test(arguments: ["shop.sqlite", "shop.json"])
    func browseFunnelListJourneyHelpResizeAndQuit(file: String) throws {
        let dir = try Shell.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (path, funnel) = try Self.snapshot(file, in: dir)
        let session = try TmuxSession(command: "\(TmuxSession.quote(Shell.clc)) \(TmuxSession.quote(path))",
                                      width: 100, height: 30, directory: dir, environment: ["TERM": "xterm-256color"])

        // The funnel: every stage with its count.
        let first = try session.waitFor("every stage with its count") { screen in
            funnel.stages.allSatisfy { s in
                screen.split(separator: "\n").contains { $0.contains(s.name) && $0.contains(Self.grouped(s.customers)) }
            }
        }
        #expect(first.contains("400 customers"))
        // Figures computed in the background arrive.
        try session.waitFor("conversion figures") { !$0.contains("computing reach") }

        // Enter opens the first stage's list.
        try session.send("Enter")
        let list = try session.waitFor(text: "1 of \(Self.grouped(funnel.stages[0].customers))")
        #expect(list.contains("sorted by name"))

        // Enter opens a journey with touchpoints.
        try session.send("Enter")
        let journey = try session.waitFor(text: "Channels")
        #expect(journey.contains("newest first"))
        #expect(journey.contains("touchpoints"))

        // ? shows help; Esc closes it.
        try session.send("?")
        try session.waitFor(text: "Keys — Customer journey")
        try session.send("Escape")
        try session.waitFor("help closed") { !$0.contains("Keys — Customer journey") }

        // A tiny terminal shows the too-small screen; back to 100×30 restores the view.
        try session.resize(width: 30, height: 8)
        try session.waitFor(text: "terminal too small")
        try session.resize(width: 100, height: 30)
        try session.waitFor(text: "newest first")

        // Back to the list and the funnel, then quit: status 0, terminal restored.
        try session.send("Escape")
        try session.waitFor(text: "sorted by name")
        try session.send("Escape")
        try session.waitFor(text: "Customers per stage")
        try session.send("q")
        #expect(try session.exitStatus() == 0)
        let after = try session.waitFor(text: "echo")  // the last line of the terminal check: both are shown
        #expect(after.contains("tty: icanon") && after.contains("tty: echo"))
        #expect(!after.contains("Customers per stage"))   // the dashboard's screen is gone
    }

    @Test func moveACustomerWithKeysThenCheckTheFile() throws {
        let dir = try Shell.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (path, _) = try Self.snapshot("move.sqlite", in: dir)
        let session = try JSONFileEndToEndTests.dashboard(path, in: dir)
        try session.waitFor(text: "Customers per stage")
        let moved = try JSONFileEndToEndTests.moveFirstToLoyalty(session, note: "after the VIP evening")
        #expect(moved.contains("→ Loyalty"))
        try session.send("q")
        #expect(try session.exitStatus() == 0)
        // On disk: the customer is in loyalty, with one transition recording who and why.
        let row = try Shell.run(["sqlite3", "-separator", "|", path,
                                 "SELECT t.customer_id, t.from_stage, t.to_stage, t.by, c.stage FROM transitions t JOIN customers c ON c.id = t.customer_id WHERE t.note = 'after the VIP evening'"])
        let fields = row.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "|").map(String.init)
        #expect(fields.count == 5)
        #expect(fields.count == 5 && fields[1] == "awareness" && fields[2] == "loyalty" && fields[3] == "e2e-user" && fields[4] == "loyalty")
        let history = try Shell.run([Shell.clc, "history", path, fields.first ?? "", "--format", "json"])
        #expect(history.stdout.contains("\"note\": \"after the VIP evening\""))
    }

    @Test func withoutATerminalItPointsToReport() throws {
        let dir = try Shell.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (path, _) = try Self.snapshot("s.sqlite", in: dir)
        let r = try Shell.run([Shell.clc, path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("clc report"))
    }

    @Test func aBrokenSnapshotIsReportedBeforeAnyScreen() throws {
        let dir = try Shell.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("broken.json").path
        try #"{"format": "lifecycle-snapshot", "version": 1, "stages": [{"id": "a", "name": "A"}], "customers": [{"id": "c", "name": "n", "stage": "nirvana"}]}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        let session = try TmuxSession(command: "\(TmuxSession.quote(Shell.clc)) \(TmuxSession.quote(path))",
                                      width: 100, height: 30, directory: dir, environment: ["TERM": "xterm-256color"])
        let screen = try session.waitFor(text: "unknown stage")
        #expect(screen.contains("customers[0].stage"))
        #expect(try session.exitStatus() == 1)
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let dir = try Shell.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (path, _) = try Self.snapshot("s.sqlite", in: dir)
        let session = try TmuxSession(command: "\(TmuxSession.quote(Shell.clc)) \(TmuxSession.quote(path))",
                                      width: 100, height: 30, directory: dir, environment: ["TERM": "xterm-256color"])
        try session.waitFor(text: "Customers per stage")
        let shell = try session.tmux(["display-message", "-p", "-t", "main", "#{pane_pid}"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let kill = try Shell.run(["pkill", "-TERM", "-P", shell])
        #expect(kill.status == 0, "no clc process under the pane's shell \(shell)")
        #expect(try session.exitStatus() == 143)   // 128 + SIGTERM, after restoring the terminal
        let after = try session.waitFor(text: "echo")  // the last line of the terminal check: both are shown
        #expect(after.contains("tty: icanon") && after.contains("tty: echo"))
    }
}
