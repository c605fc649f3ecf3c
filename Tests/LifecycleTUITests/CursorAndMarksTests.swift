import Foundation
import Testing
@testable import LifecycleKit
@testable import LifecycleTUI

/// After a move the cursor stays on its customer; marks held in other stages are said.
@Suite struct CursorAndMarksTests {
    /// A writable copy of the CDNOW-like snapshot (Retention: 14 customers, by name).
    static func dashboard(width: Int = 100, height: Int = 30) throws -> (Dashboard, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("clc-cursor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("cdnow.json").path
        try FileManager.default.copyItem(atPath: TUITest.fixtures.appendingPathComponent("cdnow-like.json").path, toPath: path)
        let store = try JSONSnapshotStore(path: path)
        let d = try Dashboard(store: store, width: width, height: height, fileLabel: "cdnow.json", user: "tester",
                              clock: { DashboardMoveTests.now })
        return (d, dir)
    }

    static func selectedName(_ d: Dashboard) -> String? {
        guard let list = DashboardUpdateTests.list(d) else { return nil }
        return list.row(at: list.cursor)?.customer.name
    }

    @Test func theCursorFollowsItsCustomerAfterABulkMove() throws {
        var (d, dir) = try Self.dashboard()
        defer { try? FileManager.default.removeItem(at: dir) }
        TUITest.press("j<Enter><Space><Space><Space>jj", &d)   // rows 0–2 marked, cursor on row 5
        let before = try #require(Self.selectedName(d))
        TUITest.press("m4<Enter><Enter>y", &d)
        #expect(d.state.status?.text == "Moved 3 customers to Loyalty")
        #expect(DashboardUpdateTests.list(d)?.cursor == 2)
        #expect(Self.selectedName(d) == before)
        TUITest.press("u", &d)                                   // undo brings them back above it
        #expect(DashboardUpdateTests.list(d)?.cursor == 5)
        #expect(Self.selectedName(d) == before)
    }

    /// The issue's case on SQLite: 1,082 customers above the cursor move away at once.
    @Test func theCursorFollowsItsCustomerAfterAThousandLeave() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("clc-cursor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let customers = (0..<3000).map { i in
            #"{"id": "C\#(String(format: "%04d", i))", "name": "Person \#(String(format: "%04d", i))", "stage": "a"}"#
        }
        let json = dir.appendingPathComponent("big.json").path, sqlite = dir.appendingPathComponent("big.sqlite").path
        try #"{"format": "lifecycle-snapshot", "version": 1, "stages": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}], "customers": [\#(customers.joined(separator: ","))]}"#
            .write(toFile: json, atomically: true, encoding: .utf8)
        try JSONSnapshotStore(path: json).export(to: try SQLiteSnapshotWriter(path: sqlite))
        var d = try Dashboard(store: try SQLiteSnapshotStore(path: sqlite), width: 80, height: 24, fileLabel: "big.sqlite",
                              user: "tester", clock: { DashboardMoveTests.now })
        TUITest.press("<Enter>" + String(repeating: "<Space>", count: 1082) + String(repeating: "j", count: 418), &d)
        #expect(Self.selectedName(d) == "Person 1500")
        TUITest.press("m2<Enter><Enter>y", &d)
        #expect(d.state.status?.text == "Moved 1,082 customers to B")
        #expect(DashboardUpdateTests.list(d)?.cursor == 418)
        #expect(Self.selectedName(d) == "Person 1500")
        #expect(RootView.render(d.state).text.contains("419 of 1,918"))
    }

    @Test func whenItsCustomerLeavesTheCursorGoesToTheNextOne() throws {
        var (d, dir) = try Self.dashboard()
        defer { try? FileManager.default.removeItem(at: dir) }
        TUITest.press("j<Enter>jjj", &d)                         // row 3
        let list = try #require(DashboardUpdateTests.list(d))
        TUITest.press("<Space><Space><Up><Up>", &d)              // rows 3 and 4 marked, cursor back on 3
        let afterNext = try #require(list.row(at: 5)?.customer.name)
        TUITest.press("m4<Enter><Enter>y", &d)
        #expect(Self.selectedName(d) == afterNext)               // 3 and 4 left; 5 is next
        #expect(DashboardUpdateTests.list(d)?.cursor == 3)
        // A single move of the selected customer: the next one is selected.
        let following = try #require(DashboardUpdateTests.list(d)?.row(at: 4)?.customer.name)
        TUITest.press("m4<Enter><Enter>", &d)
        #expect(Self.selectedName(d) == following)
    }

    @Test func marksInOtherStagesAreNamedInTheTitleAndTheConfirmation() throws {
        var (d, dir) = try Self.dashboard()
        defer { try? FileManager.default.removeItem(at: dir) }
        TUITest.press("j<Enter><Space><Space><S-Tab>", &d)       // 2 in Retention, then Conversion
        var title = RootView.render(d.state).lines[1]
        #expect(title.contains("2 marked in other stages"), "\(title)")
        TUITest.press("<Space>", &d)
        title = RootView.render(d.state).lines[1]
        #expect(title.contains("1 marked · 2 marked in other stages"), "\(title)")
        TUITest.press("m4<Enter><Enter>", &d)
        let text = TUITest.overlayText(RootView.render(d.state))
        #expect(text.contains("Move 3 customers (2 from Retention, 1 from Conversion) to Loyalty?"), "\(text)")
        TUITest.press("n<Tab>", &d)
        #expect(RootView.render(d.state).lines[1].contains("2 marked · 1 marked in other stages"))
    }

    @Test func marksOfOneStageNameIt() throws {
        var (d, dir) = try Self.dashboard()
        defer { try? FileManager.default.removeItem(at: dir) }
        TUITest.press("j<Enter><Space><Space>m4<Enter><Enter>", &d)
        #expect(TUITest.overlayText(RootView.render(d.state)).contains("Move 2 customers from Retention to Loyalty?"))
    }

    /// Ctrl-C asks like q when changes are unsaved; a second Ctrl-C at the prompt quits.
    @Test func ctrlCAsksWithUnsavedChanges() throws {
        var (d, dir) = try Self.dashboard()
        defer { try? FileManager.default.removeItem(at: dir) }
        var fresh = try TUITest.cdnowDashboard()
        TUITest.press("<C-c>", &fresh)
        #expect(fresh.state.shouldQuit)                          // nothing unsaved: quits
        TUITest.press("j<Enter>m4<Enter><Enter>", &d)            // one move: unsaved in the journal
        TUITest.press("<C-c>", &d)
        guard d.state.overlay is QuitPromptScreen else { Issue.record("no quit prompt"); return }
        #expect(!d.state.shouldQuit)
        TUITest.press("<C-c>", &d)
        #expect(d.state.shouldQuit)
        // In an overlay or while typing, Ctrl-C cancels like Esc.
        var other = try TUITest.cdnowDashboard()
        TUITest.press("j<Enter>?<C-c>", &other)
        #expect(other.state.overlay == nil && !other.state.shouldQuit)
        TUITest.press("m4<Enter>half a no<C-c>", &other)
        #expect(other.state.top(NoteInputScreen.self) == nil && !other.state.shouldQuit)
        #expect(other.state.status?.text == "nothing moved")
    }

    /// The help of each screen says what `m` does there: the journey moves this customer only.
    @Test func helpSaysWhatMoveDoesOnEachScreen() throws {
        var d = try TUITest.cdnowDashboard(width: 100, height: 30)
        TUITest.press("j<Enter>?", &d)
        #expect(TUITest.overlayText(RootView.render(d.state)).contains("move the marked customers, else this one, to a stage"))
        TUITest.press("<Esc><Enter>?", &d)
        let journey = TUITest.overlayText(RootView.render(d.state))
        #expect(journey.contains("move this customer to a stage"), "\(journey)")
        #expect(!journey.contains("marked"))
    }
}
