import Foundation
import Testing

/// The real binary in tmux: a search across every stage from the funnel, by a customer's id,
/// lands on that customer's row in their stage's list.
@Suite(.serialized) struct SearchEndToEndTests {
    @Test func searchingAnIdFromTheFunnelLandsOnTheCustomersRow() throws {
        let dir = try Shell.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (path, _) = try DashboardEndToEndTests.snapshot("search.sqlite", in: dir)
        // A customer with a plain name in the last stage that has any.
        let query = """
            SELECT c.id, c.name, s.name FROM customers c JOIN stages s ON s.id = c.stage
            WHERE s.position > (SELECT min(position) FROM stages) AND c.name NOT GLOB '*[^A-Za-z ]*'
            ORDER BY s.position DESC, c.id DESC LIMIT 1
            """
        let row = try Shell.run(["sqlite3", "-separator", "|", path, query]).stdout
        let fields = row.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "|").map(String.init)
        try #require(fields.count == 3, "no customer found: \(row)")
        let (id, name, stage) = (fields[0], fields[1], fields[2])

        let session = try TmuxSession(command: "\(TmuxSession.quote(Shell.clc)) \(TmuxSession.quote(path))",
                                      width: 120, height: 30, directory: dir, environment: ["TERM": "xterm-256color"])
        try session.waitFor(text: "Customers per stage")
        // A query matching nothing says so while it is typed, before Enter.
        try session.send("/")
        try session.send("-l", "zzqx")
        try session.waitFor(text: "no match for “zzqx”")
        try session.send("Escape")
        try session.waitFor("the search line closed") { !$0.contains("all stages /") }

        // The id: the customer is named at once; Enter opens their stage on their row.
        try session.send("/")
        try session.send("-l", id)
        try session.waitFor(text: "\(name) · \(id) · \(stage) (Enter opens)")
        try session.send("Enter")
        _ = try session.waitFor(text: "found \(name)")
        // The header's count may still be "counting customers…" on a loaded machine: wait for it.
        let list = try session.waitFor("the stage's header with its count") { screen in
            screen.split(separator: "\n").contains { $0.contains(stage) && $0.contains(" of ") }
        }
        #expect(list.contains("sorted by name"))
        try session.send("Enter")
        let journey = try session.waitFor(text: "id \(id)")
        #expect(journey.contains(name))
        try session.send("q")
        #expect(try session.exitStatus() == 0)
    }
}
