import Foundation
import Testing

/// JSON files and the programs around them: `clc move` from scripts, a dashboard that has the
/// file open, a file changed from outside, a journal that no longer matches its file.
@Suite(.serialized) struct JSONFileEndToEndTests {
    /// The stage of customer `id` as the JSON file itself says, read as a script would.
    static func stageInFile(_ path: String, _ id: String) throws -> String? {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        let customers = object?["customers"] as? [[String: Any]] ?? []
        return customers.first { $0["id"] as? String == id }?["stage"] as? String
    }

    /// Customers of the file not in loyalty (ids), for moves to loyalty.
    static func notLoyal(_ path: String) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        let customers = object?["customers"] as? [[String: Any]] ?? []
        return customers.filter { $0["stage"] as? String != "loyalty" }.compactMap { $0["id"] as? String }
    }

    /// The dashboard on `path` in tmux at 100×30, moves made by `e2e-user`.
    static func dashboard(_ path: String, in dir: URL) throws -> TmuxSession {
        try TmuxSession(command: "\(TmuxSession.quote(Shell.clc)) \(TmuxSession.quote(path))",
                        width: 100, height: 30, directory: dir,
                        environment: ["TERM": "xterm-256color", "CLC_USER": "e2e-user"])
    }

    /// In the dashboard, from the funnel: the first customer of the first stage to Loyalty
    /// (the sixth stage) with `m`; returns the screen saying so.
    @discardableResult
    static func moveFirstToLoyalty(_ session: TmuxSession, note: String = "") throws -> String {
        try session.send("Enter")
        try session.waitFor(text: "sorted by name")
        try session.send("m")
        try session.waitFor(text: "to…")
        try session.send("6", "Enter")
        try session.waitFor(text: "Note for the move to Loyalty")
        if !note.isEmpty { try session.send("-l", note) }
        try session.send("Enter")
        // Once the value figures are in: "computing customer value…" beside it cuts the message.
        return try session.waitFor("\"Moved \" in full") { $0.contains("Moved ") && !$0.contains("computing customer value") }
    }

    @Test func moveRewritesTheFileUnlessADashboardHasItOpen() throws {
        let dir = try Shell.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (path, _) = try DashboardEndToEndTests.snapshot("shop.json", in: dir)
        let ids = try Self.notLoyal(path)

        // No dashboard: the file itself has the change, nothing beside it.
        let first = try Shell.run([Shell.clc, "move", path, ids[0], "loyalty", "--user", "script"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("Moved ") && !first.stdout.contains("dashboard"))
        #expect(try Self.stageInFile(path, ids[0]) == "loyalty")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("shop.json") } == ["shop.json"])

        // A dashboard has it open: the change goes through the journal, and the dashboard shows it.
        let session = try Self.dashboard(path, in: dir)
        try session.waitFor(text: "Customers per stage")
        let before = FileManager.default.contents(atPath: path)
        let second = try Shell.run([Shell.clc, "move", path, ids[1], "loyalty", "--user", "script"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("is open in a dashboard: the change went into its journal"))
        #expect(FileManager.default.contents(atPath: path) == before)
        #expect(FileManager.default.fileExists(atPath: path + ".clc-journal"))
        try session.waitFor(text: "unsaved changes")

        // The dashboard crashes: its mark goes with it, and the next move writes the file, the journal's change too.
        let shell = try session.tmux(["display-message", "-p", "-t", "main", "#{pane_pid}"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try Shell.run(["pkill", "-KILL", "-P", shell]).status == 0)
        #expect(try session.exitStatus() == 137)
        let third = try Shell.run([Shell.clc, "move", path, ids[2], "loyalty", "--user", "script"])
        #expect(third.status == 0, "\(third.stderr)")
        #expect(third.stdout.contains("The earlier changes waiting in \(path).clc-journal were written into \(path) too"))
        #expect(try Self.stageInFile(path, ids[1]) == "loyalty")
        #expect(try Self.stageInFile(path, ids[2]) == "loyalty")
        #expect(!FileManager.default.fileExists(atPath: path + ".clc-journal"))

        // SQLite: unchanged, committed into the file.
        let (sqlite, _) = try DashboardEndToEndTests.snapshot("shop.sqlite", in: dir)
        let report = try Shell.run([Shell.clc, "move", sqlite, ids[0], "loyalty"])
        #expect(report.status == 0 && report.stdout.hasPrefix("Moved "), "\(report.stderr)")
        #expect(try Shell.run(["sqlite3", sqlite, "SELECT stage FROM customers WHERE id = '\(ids[0])'"]).stdout == "loyalty\n")
    }

    @Test func saveAsAfterAConflictLeavesTheOriginalReadableAsItIsOnDisk() throws {
        let dir = try Shell.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (path, _) = try DashboardEndToEndTests.snapshot("cdnow.json", in: dir)
        let session = try Self.dashboard(path, in: dir)
        try session.waitFor(text: "Customers per stage")
        try Self.moveFirstToLoyalty(session)
        let theirs = try String(contentsOfFile: path, encoding: .utf8) + "\n"
        try theirs.write(toFile: path, atomically: true, encoding: .utf8)
        try session.send("w")
        try session.waitFor(text: "File changed on disk. Save as")
        try session.send("Enter")
        let saved = try session.waitFor(text: "Saved as ")
        #expect(!saved.contains("unsaved changes"))
        #expect(saved.contains("Saved as cdnow-2.json, now open; cdnow.json unchanged"))
        try session.send("q")
        #expect(try session.exitStatus() == 0)

        for command in ["report", "validate"] {
            let r = try Shell.run([Shell.clc, command, path])
            #expect(r.status == 0, "\(command): \(r.stderr)")
            #expect(!r.stderr.contains("journal") && !r.stdout.contains("journal"))
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == theirs)
        let copy = dir.appendingPathComponent("cdnow-2.json").path
        // The one warning: the change made today is dated after the snapshot's as_of.
        #expect(try Shell.run([Shell.clc, "validate", copy]).stdout.contains("0 errors, 1 warning"))
        #expect(try Self.notLoyal(copy).count == Self.notLoyal(path).count - 1)
    }

    @Test func aStaleJournalNeverBlocksReadingAndTheDashboardOffersToSetItAside() throws {
        let dir = try Shell.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (path, funnel) = try DashboardEndToEndTests.snapshot("shop.json", in: dir)
        // A dashboard leaves a change in the journal, then another program rewrites the file.
        var session = try Self.dashboard(path, in: dir)
        try session.waitFor(text: "Customers per stage")
        try Self.moveFirstToLoyalty(session)
        try session.send("q")
        try session.waitFor(text: "Unsaved changes")
        try session.send("q")
        #expect(try session.exitStatus() == 0)
        let theirs = try String(contentsOfFile: path, encoding: .utf8) + "\n"
        try theirs.write(toFile: path, atomically: true, encoding: .utf8)
        let journal = FileManager.default.contents(atPath: path + ".clc-journal")

        // report and validate read the file as it is and name the journal.
        let report = try Shell.run([Shell.clc, "report", path, "--format", "json"])
        #expect(report.status == 0)
        #expect(report.stderr.contains("\(path).clc-journal belongs to another version of the file"))
        let counts = try JSONDecoder().decode(DashboardEndToEndTests.Funnel.self, from: Data(report.stdout.utf8)).stages.map(\.customers)
        #expect(counts == funnel.stages.map(\.customers))
        let validate = try Shell.run([Shell.clc, "validate", path])
        #expect(validate.status == 0)
        #expect(validate.stdout.contains("warning: its journal \(path).clc-journal belongs to another version"))
        #expect(validate.stdout.contains("0 errors, 1 warning"))
        let move = try Shell.run([Shell.clc, "move", path, try Self.notLoyal(path)[0], "loyalty"])
        #expect(move.status == 1 && move.stderr.contains("to set the journal aside"))
        #expect(FileManager.default.contents(atPath: path + ".clc-journal") == journal)

        // The dashboard explains and, on s, sets the journal aside (renamed, not deleted).
        session = try Self.dashboard(path, in: dir)
        // Waits for the dialog's last line: a capture can catch the dialog half drawn.
        let prompt = try session.waitFor(text: "s: set the journal aside")
        #expect(prompt.contains("This file's journal cannot be replayed"))
        try session.send("s")
        try session.waitFor(text: "Journal set aside as shop.json.clc-journal.set-aside-")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        let aside = try #require(names.first { $0.hasPrefix("shop.json.clc-journal.set-aside-") })
        #expect(FileManager.default.contents(atPath: dir.appendingPathComponent(aside).path) == journal)
        #expect(!names.contains("shop.json.clc-journal"))
        try Self.moveFirstToLoyalty(session)
        try session.send("w")
        try session.waitFor(text: "Saved shop.json")
        try session.send("q")
        #expect(try session.exitStatus() == 0)
        // The one warning: the change made today is dated after the snapshot's as_of.
        #expect(try Shell.run([Shell.clc, "validate", path]).stdout.contains("0 errors, 1 warning"))
        // Nothing of clc's is left beside the file but the journal set aside.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("shop.json") }.sorted()
                == ["shop.json", aside])
    }
}
