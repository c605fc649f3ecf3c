import Foundation
import Testing
@testable import LifecycleKit
@testable import LifecycleTUI

/// Moving customers from the dashboard, on a real SQLite copy of the hand-made snapshot.
@Suite struct DashboardMoveTests {
    static let now = Timestamp("2026-11-02T10:42:00Z")!

    /// A writable SQLite copy of the hand-made snapshot and a dashboard on it.
    static func dashboard(readOnly: Bool = false) throws -> (Dashboard, SQLiteSnapshotStore, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("clc-moves-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("hand.sqlite").path
        try TUITest.store().export(to: try SQLiteSnapshotWriter(path: path))
        let store = try SQLiteSnapshotStore(path: path, readOnly: readOnly)
        let d = try Dashboard(store: store, width: 100, height: 30, fileLabel: "hand.sqlite", user: "tester", clock: { now })
        return (d, store, dir)
    }

    /// Another program (a second store on the same file) moves dora (C4) to loyalty.
    static func benMovesDoraToLoyalty(in dir: URL) throws {
        let other = try SQLiteSnapshotStore(path: dir.appendingPathComponent("hand.sqlite").path)
        var ben = StageMover(user: "ben", clock: { Timestamp("2026-11-02T09:00:00Z")! })
        _ = try ben.move([("C4", "awareness")], to: "loyalty", note: nil, in: other)
    }

    @Test func moveOneCustomerWithANote() throws {
        var (d, store, dir) = try Self.dashboard()
        defer { try? FileManager.default.removeItem(at: dir) }
        TUITest.press("jj<Enter>m", &d)                 // Purchase list, Anna selected
        guard let plan = d.state.top(StagePickerScreen.self)?.plan else { Issue.record("no picker"); return }
        #expect(plan.target == 2)                        // starts on her current stage
        TUITest.press("4<Enter>called back<Enter>", &d)  // Retention, with a note
        #expect(d.state.status?.text == "Moved Anna Müller: Purchase → Retention")
        #expect(d.state.funnel.counts == [2, 2, 1, 1, 0])
        #expect(DashboardUpdateTests.list(d)?.total == 1)
        let last = try #require(try store.transitions(ofCustomer: "C1").last)
        #expect(last == Transition(customerID: "C1", from: "purchase", to: "retention", at: Self.now, by: "tester", note: "called back",
                                   id: 12))
        #expect(try store.customer(id: "C1")?.stageEnteredAt == Self.now)
        #expect(d.state.figuresStale)
        // A declared as_of never moves: the change is one made after the snapshot.
        #expect(d.state.info.asOf == Timestamp("2026-11-01"))
        #expect(RootView.render(d.state).lines[0].contains("as of 2026-11-01"))
    }

    @Test func bulkMoveAsksFirstThenUndoAndRedo() throws {
        var (d, store, dir) = try Self.dashboard()
        defer { try? FileManager.default.removeItem(at: dir) }
        TUITest.press("<Enter>*", &d)                    // mark both awareness customers
        #expect(DashboardUpdateTests.list(d)?.marked.count == 2)
        TUITest.press("m5<Enter>win-back mailing<Enter>", &d)
        guard d.state.overlay is ConfirmScreen else { Issue.record("no confirmation"); return }
        #expect(TUITest.overlayText(RootView.render(d.state)).contains("Move 2 customers from Awareness to Loyalty?"))
        TUITest.press("n", &d)                           // no: nothing written
        #expect(d.state.funnel.counts == [2, 2, 2, 0, 0])
        TUITest.press("m5<Enter><Enter>y", &d)
        #expect(d.state.status?.text == "Moved 2 customers to Loyalty")
        #expect(d.state.funnel.counts == [0, 2, 2, 0, 2])
        #expect(DashboardUpdateTests.list(d)?.marked.isEmpty == true)
        TUITest.press("u", &d)
        #expect(d.state.funnel.counts == [2, 2, 2, 0, 0])
        let undo = try #require(try store.transitions(ofCustomer: "C4").last)
        #expect(undo.from == "loyalty" && undo.to == "awareness" && undo.note == "undo")
        #expect(try store.transitions(ofCustomer: "C4").count == 2)   // history kept: move + undo
        TUITest.press("<Esc>", &d)
        d.handle(.key(.ctrl("r")))
        #expect(d.state.funnel.counts == [0, 2, 2, 0, 2])
        TUITest.press("uu", &d)
        #expect(d.state.status?.text == "nothing to undo")
    }

    @Test func aCustomerMovedElsewhereMeanwhileIsReported() throws {
        var (d, _, dir) = try Self.dashboard()
        defer { try? FileManager.default.removeItem(at: dir) }
        TUITest.press("<Enter>", &d)
        // Another program moves dora (C4) first.
        try Self.benMovesDoraToLoyalty(in: dir)
        TUITest.press("m2<Enter><Enter>", &d)            // dora is still on screen: move her
        #expect(d.state.status?.kind == .warning)
        #expect(d.state.status?.text.contains("1 of 1 not moved: C4 was moved to loyalty by ben at 2026-11-02T09:00:00Z") == true)
        #expect(d.state.funnel.counts == [1, 2, 2, 0, 1])  // refreshed
    }

    @Test func aCustomerMovedToTheSameStageMeanwhileIsReportedAsAlreadyThere() throws {
        var (d, _, dir) = try Self.dashboard()
        defer { try? FileManager.default.removeItem(at: dir) }
        TUITest.press("<Enter>", &d)
        try Self.benMovesDoraToLoyalty(in: dir)
        TUITest.press("m5<Enter><Enter>", &d)            // dora, still on screen, to loyalty too
        #expect(d.state.status?.kind == .info)
        #expect(d.state.status?.text == "C4 is already in loyalty (moved there by ben at 2026-11-02T09:00:00Z)")
        #expect(d.state.funnel.counts == [1, 2, 2, 0, 1])
    }

    @Test func anotherProgramsChangeAppearsWithinASecond() throws {
        var (d, _, dir) = try Self.dashboard()
        defer { try? FileManager.default.removeItem(at: dir) }
        TUITest.press("<Enter>", &d)
        try Self.benMovesDoraToLoyalty(in: dir)
        // The backend sends a tick every 100 ms when no key comes; five of them: half a second.
        for _ in 0..<5 { d.handle(.tick) }
        #expect(d.state.funnel.counts == [1, 2, 2, 0, 1])
        #expect(DashboardUpdateTests.list(d)?.rows.map(\.customer.id) == ["C6"])
        #expect(d.state.status?.text == "updated: another program changed the file")
        #expect(d.state.figuresStale)
    }

    /// With the list index ready, another program's move is followed by it in place, and the
    /// screens are told who moved: a marked customer who left is unmarked.
    @Test func anotherProgramsMoveIsFollowedByTheListIndex() throws {
        var (d, store, dir) = try Self.dashboard()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try store.prepareListIndex() == .built)
        let index = try #require(store.listIndex.current)
        TUITest.press("<Enter>*", &d)                    // Awareness, every customer marked
        #expect(DashboardUpdateTests.list(d)?.marked.keys.sorted() == ["C4", "C6"])
        try Self.benMovesDoraToLoyalty(in: dir)
        for _ in 0..<5 { d.handle(.tick) }
        #expect(store.listIndex.current === index)
        #expect(d.state.funnel.counts == [1, 2, 2, 0, 1])
        #expect(DashboardUpdateTests.list(d)?.rows.map(\.customer.id) == ["C6"])
        #expect(DashboardUpdateTests.list(d)?.marked.keys.sorted() == ["C6"])
    }

    @Test func readOnlyRefusesMoves() throws {
        var (d, store, dir) = try Self.dashboard(readOnly: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(RootView.render(d.state).lines[0].contains("[read-only]"))
        TUITest.press("<Enter>m", &d)
        #expect(d.state.overlay == nil)
        #expect(d.state.status?.kind == .error)
        #expect(d.state.status?.text.contains("read-only") == true)
        #expect(try store.transitions(ofCustomer: "C4").isEmpty)
    }

    @Test func escapeAtAnyStepMovesNothing() throws {
        var (d, store, dir) = try Self.dashboard()
        defer { try? FileManager.default.removeItem(at: dir) }
        TUITest.press("<Enter>m<Esc>", &d)
        #expect(d.state.overlay == nil)
        TUITest.press("m3<Enter>typing a no<Esc>", &d)
        #expect(d.state.top(NoteInputScreen.self) == nil)
        #expect(d.state.status?.text == "nothing moved")
        #expect(try store.stageCounts() == [2, 2, 2, 0, 0])
    }
}

/// Saving a JSON snapshot from the dashboard: `w`, the quit prompt, and a file changed on disk.
@Suite struct DashboardSaveTests {
    static func dashboard() throws -> (Dashboard, JSONSnapshotStore, String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("clc-save-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("hand.json").path
        try FileManager.default.copyItem(atPath: TUITest.fixtures.appendingPathComponent("hand-made.json").path, toPath: path)
        let store = try JSONSnapshotStore(path: path)
        let d = try Dashboard(store: store, width: 100, height: 30, fileLabel: "hand.json", user: "tester",
                              clock: { DashboardMoveTests.now })
        return (d, store, path)
    }

    @Test func quitAsksThenSaves() throws {
        var (d, _, path) = try Self.dashboard()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        TUITest.press("<Enter>m5<Enter><Enter>", &d)
        #expect(d.state.unsaved)
        #expect(RootView.render(d.state).lines[0].contains("unsaved changes"))
        TUITest.press("q", &d)
        guard d.state.overlay is QuitPromptScreen else { Issue.record("no quit prompt"); return }
        TUITest.press("<Esc>", &d)
        #expect(!d.state.shouldQuit)
        TUITest.press("qw", &d)
        #expect(d.state.shouldQuit)
        #expect(!FileManager.default.fileExists(atPath: path + ".clc-journal"))
        let saved = try JSONSnapshotStore(path: path)
        #expect(try saved.customer(id: "C4")?.stage == "loyalty")
        #expect(SnapshotFile.validate(path).errorCount == 0)
    }

    @Test func aFileChangedOnDiskIsNeverOverwrittenButSavedUnderAnotherName() throws {
        var (d, _, path) = try Self.dashboard()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        TUITest.press("<Enter>m5<Enter><Enter>", &d)
        // Someone else rewrites the file meanwhile.
        let theirs = try String(contentsOfFile: path, encoding: .utf8) + "\n"
        try theirs.write(toFile: path, atomically: true, encoding: .utf8)
        TUITest.press("w", &d)
        let suggested = try #require(d.state.top(SaveAsScreen.self)?.name)
        #expect(suggested.hasSuffix("hand-2.json"))
        #expect(RootView.render(d.state).lines.last?.contains("File changed on disk. Save as") == true)
        TUITest.press("<Enter>", &d)
        #expect(d.state.status?.text == "Saved as hand-2.json, now open; hand.json unchanged")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == theirs)   // theirs untouched
        #expect(try JSONSnapshotStore(path: suggested).customer(id: "C4")?.stage == "loyalty")
        // The dashboard continues on the new file: nothing unsaved, its name in the header.
        #expect(!d.state.unsaved && d.state.fileLabel == "hand-2.json")
        #expect(!RootView.render(d.state).lines[0].contains("unsaved changes"))
        // The original opens as it is on disk; no journal of ours is left beside it.
        let original = try JSONSnapshotStore(path: path)
        #expect(original.staleJournal == nil && !original.hasUnsavedChanges)
        #expect(try original.customer(id: "C4")?.stage == "awareness")
        // The next move is journalled against the new file.
        TUITest.press("m4<Enter><Enter>", &d)
        #expect(d.state.unsaved)
        #expect(FileManager.default.fileExists(atPath: suggested + ".clc-journal"))
        #expect(try JSONSnapshotStore(path: suggested).hasUnsavedChanges)
        #expect(d.state.status?.text.hasPrefix("Moved ") == true)
        #expect(!FileManager.default.fileExists(atPath: path + ".clc-journal"))
    }
}

/// A JSON file whose journal cannot be replayed: the prompt, setting it aside, browsing read-only.
@Suite struct DashboardStaleJournalTests {
    /// hand.json with a journal of one move (C4 → loyalty), then the file changed on disk.
    static func staleDashboard() throws -> (Dashboard, String) {
        var (d, _, path) = try DashboardSaveTests.dashboard()
        TUITest.press("<Enter>m5<Enter><Enter>", &d)
        let theirs = try String(contentsOfFile: path, encoding: .utf8) + "\n"
        try theirs.write(toFile: path, atomically: true, encoding: .utf8)
        let store = try JSONSnapshotStore(path: path)
        let stale = try Dashboard(store: store, width: 100, height: 30, fileLabel: "hand.json", user: "tester",
                                  clock: { DashboardMoveTests.now })
        return (stale, path)
    }

    @Test func thePromptExplainsAndSetsTheJournalAsideOnS() throws {
        var (d, path) = try Self.staleDashboard()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        guard let stale = d.state.top(StaleJournalScreen.self)?.stale else { Issue.record("no prompt"); return }
        #expect(stale.actionCount == 1)
        #expect(d.state.readOnly)
        let screen = RootView.render(d.state).lines.joined(separator: "\n")
        #expect(screen.contains("This file's journal cannot be replayed"))
        #expect(screen.contains("The journal hand.json.clc-journal (1 unsaved stage change) belongs"))
        #expect(screen.contains("so it cannot be replayed. You see hand.json as it is on"))
        #expect(!screen.contains("warning in this file"))   // the prompt says it all
        #expect(screen.contains("s: set the journal aside"))
        #expect(screen.contains("never deleted"))
        #expect(screen.contains("Esc: browse read-only"))
        #expect(screen.contains("q: quit; nothing is changed."))
        let journal = FileManager.default.contents(atPath: path + ".clc-journal")

        TUITest.press("s", &d)
        #expect(d.state.overlay == nil)
        #expect(!d.state.readOnly)
        #expect(d.state.status?.text.hasPrefix("Journal set aside as hand.json.clc-journal.set-aside-") == true)
        let dir = (path as NSString).deletingLastPathComponent
        let aside = try #require(try FileManager.default.contentsOfDirectory(atPath: dir).first { $0.contains("set-aside") })
        #expect(FileManager.default.contents(atPath: dir + "/" + aside) == journal)
        #expect(!FileManager.default.fileExists(atPath: path + ".clc-journal"))
        // Stages can be changed again, on the file as it is.
        TUITest.press("<Enter>m4<Enter><Enter>", &d)
        #expect(d.state.status?.text.hasPrefix("Moved ") == true)
        #expect(try JSONSnapshotStore(path: path).staleJournal == nil)
    }

    @Test func escBrowsesReadOnlyAndMOffersThePromptAgain() throws {
        var (d, path) = try Self.staleDashboard()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        TUITest.press("<Esc>", &d)
        #expect(d.state.overlay == nil && d.state.readOnly)
        #expect(d.state.status?.text == "read-only while the journal is there (m offers to set it aside)")
        TUITest.press("<Enter>m", &d)
        guard d.state.overlay is StaleJournalScreen else { Issue.record("m did not offer the prompt"); return }
        TUITest.press("q", &d)
        #expect(d.state.shouldQuit)
        #expect(FileManager.default.fileExists(atPath: path + ".clc-journal"))   // left alone
    }
}
