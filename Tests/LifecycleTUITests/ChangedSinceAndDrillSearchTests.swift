import Foundation
import Testing
@testable import LifecycleKit
@testable import LifecycleTUI

/// Issue 13's dashboard points: the lists' filter "changed since OLD" (`--compare OLD`) and the
/// drill-down list's search and export.
@Suite struct ChangedSinceAndDrillSearchTests {
    /// `new.sqlite`: the touchpoint fixture with A moved from Purchase to Loyal, compared with
    /// the fixture as it is (`old.json`), the comparison in.
    static func compared(in dir: URL) throws -> (Dashboard, SQLiteSnapshotStore) {
        let oldPath = TUITest.fixtures.appendingPathComponent("touchpoints-hand-made.json").path
        let path = dir.appendingPathComponent("new.sqlite").path
        try JSONSnapshotStore(path: oldPath).export(to: try SQLiteSnapshotWriter(path: path))
        let store = try SQLiteSnapshotStore(path: path)
        var mover = StageMover(user: "ben", clock: { Timestamp("2026-07-01T09:00:00Z")! })
        _ = try mover.move([("A", "purchase")], to: "loyal", note: nil, in: store)
        var d = try Dashboard(store: store, width: 100, height: 30, fileLabel: "new.sqlite", user: "tester")
        d.compare(with: try JSONSnapshotStore(path: oldPath), label: "old.json")
        d.handle(.reportReady(try store.funnelReport()))
        return (d, store)
    }

    static func folder() throws -> URL { try ListExportTests.folder() }

    static func listIDs(_ d: Dashboard) -> [String] {
        guard let list = d.state.screen(StageListScreen.self)?.list else { return [] }
        return (0..<list.total).compactMap { list.row(at: $0)?.customer.id }
    }

    /// In Loyal only A changed (moved in); the picker's "since" column sets the filter, the title
    /// says it, `F` clears it.
    @Test func theFilterKeepsTheCustomersChangedSinceOLD() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var (d, _) = try Self.compared(in: dir)
        TUITest.press("jjj<Enter>f", &d)                     // Loyal: only A
        #expect(d.state.screen(StageListScreen.self)?.list.total == 1)
        let picker = try #require(d.state.top(FilterPickerScreen.self)).picker
        #expect(picker.changes.compactMap { $0?.kind } == [.changed, .movedIn, .added])
        TUITest.press("<Tab><Tab><Tab>j<Enter>", &d)          // segments → channels → (values computing) since: changed
        #expect(Self.listIDs(d) == ["A"])
        #expect(RootView.render(d.state).lines[1].contains("filter: changed since old.json"))
        TUITest.press("F", &d)
        #expect(d.state.screen(StageListScreen.self)?.list.filter.isEmpty == true)
        TUITest.press("f<Tab><Tab><Tab>j<Enter>", &d)
        #expect(d.state.screen(StageListScreen.self)?.list.filter.ids != nil)
        TUITest.press("fx<Enter>", &d)                        // the picker's x clears the since column too
        #expect(d.state.screen(StageListScreen.self)?.list.filter.isEmpty == true)
    }

    /// "added since OLD" keeps nobody (no customer is new), and a new comparison (after B
    /// moved into Loyal) renews the open list's filter: B joins A.
    @Test func theFilterFollowsANewComparison() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var (d, store) = try Self.compared(in: dir)
        TUITest.press("jjj<Enter>f<Tab><Tab><Tab>jjj<Enter>", &d)        // Loyal, added since: nobody
        #expect(d.state.screen(StageListScreen.self)?.list.total == 0)
        TUITest.press("f<Tab><Tab><Tab>k<Enter>", &d)                    // moved in since: A
        #expect(Self.listIDs(d) == ["A"])
        var mover = StageMover(user: "ben", clock: { Timestamp("2026-07-02T09:00:00Z")! })
        _ = try mover.move([("B", "purchase")], to: "loyal", note: nil, in: store)
        d.handle(.reportReady(try store.funnelReport()))                  // the figures, then the comparison
        #expect(Self.listIDs(d) == ["A", "B"])
        #expect(RootView.render(d.state).lines[1].contains("filter: moved in since old.json"))
    }

    /// A drill-down list of every customer of the hand-made file (emails known).
    static func everyone() throws -> Dashboard {
        var d = try TUITest.dashboard()
        let list = try d.store.run(CustomerListAnalysis(needs: []) { _ in true })
        d.push(DrillDownScreen(title: Message(.uiDrillCount, .count(list.ids.count)), list: list))
        return d
    }

    /// `/` narrows by name, email or id, case and diacritics folded; Esc shows every row again.
    @Test func theDrillDownSearchNarrowsTheList() throws {
        var d = try Self.everyone()
        TUITest.press("/MULLER", &d)
        #expect(d.state.screen(DrillDownScreen.self)?.rows.map(\.id) == ["C1"])
        TUITest.press("<Esc>", &d)
        #expect(d.state.screen(DrillDownScreen.self)?.rows.count == 6)
        TUITest.press("/example.com<Enter>", &d)                          // Bernd's email
        let list = try #require(d.state.screen(DrillDownScreen.self))
        #expect(list.rows.map(\.id) == ["C2"] && list.searchInput == nil)
        #expect(RootView.render(d.state).lines[1].contains("1 customer matching “example.com”"))
        TUITest.press("/<Bksp><Bksp><Bksp><Bksp><Bksp><Bksp><Bksp><Bksp><Bksp><Bksp><Bksp>c<Enter>", &d)
        #expect(d.state.screen(DrillDownScreen.self)?.rows.count == 6)     // every id has a c
        TUITest.press("<Esc>", &d)                                         // narrowed: the whole list again
        #expect(d.state.screen(DrillDownScreen.self)?.search == nil)
        TUITest.press("<Esc>", &d)                                         // back to the funnel
        #expect(d.state.screen(DrillDownScreen.self) == nil)
    }

    /// Sort, marks, move and journey keep working on the narrowed rows.
    @Test func marksMovesAndJourneysWorkOnTheNarrowedList() throws {
        var d = try Self.everyone()
        TUITest.press("/e<Enter>s", &d)                                    // names or emails with an e, by name
        let list = try #require(d.state.screen(DrillDownScreen.self))
        #expect(list.rows.map(\.name) == ["Anna Müller", "Bernd Ōta", "Emil 🚀", "Frida \u{1B}[31mred"])
        TUITest.press("*", &d)
        #expect(d.state.screen(DrillDownScreen.self)?.marked == ["C1", "C2", "C5", "C6"])
        TUITest.press("c<Enter>", &d)
        #expect(d.state.screen(JourneyScreen.self)?.journey.customer.id == "C1")
    }

    /// `e` on a drill-down list exports the rows shown, in their order.
    @Test func theDrillDownExportsTheRowsShown() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var d = try Self.everyone()
        TUITest.press("/example<Enter>se", &d)
        #expect(d.state.top(ExportPathScreen.self)?.path.hasPrefix("~/clc-exports/customers-") == true)
        let path = dir.appendingPathComponent("drill.csv").path
        ListExportTests.exportTo(path, &d)
        #expect(d.state.status?.text == "Exported 2 customers to \(path)")
        #expect(try ListExportTests.read(path) == "id,name,email,stage\r\nC1,Anna Müller,anna@example.de,purchase\r\nC2,Bernd Ōta,bernd@example.com,purchase\r\n")
    }
}
