import Foundation
import Testing
@testable import LifecycleKit
@testable import LifecycleTUI

/// Key sequences in, state out.
@Suite struct DashboardUpdateTests {
    static func list(_ d: Dashboard) -> StageListState? {
        if let l = d.state.screen(StageListScreen.self)?.list { return l }
        return nil
    }

    static func journey(_ d: Dashboard) -> JourneyState? {
        if let j = d.state.screen(JourneyScreen.self)?.journey { return j }
        return nil
    }

    @Test func funnelSelectionMovesAndStopsAtTheEnds() throws {
        var d = try TUITest.dashboard()
        #expect(d.state.funnel.selected == 0)
        #expect(d.state.funnel.counts == [2, 2, 2, 0, 0])
        TUITest.press("k", &d)
        #expect(d.state.funnel.selected == 0)
        TUITest.press("jj", &d)
        #expect(d.state.funnel.selected == 2)
        TUITest.press("G", &d)
        #expect(d.state.funnel.selected == 4)
        TUITest.press("j<Up>", &d)
        #expect(d.state.funnel.selected == 3)
        TUITest.press("g", &d)
        #expect(d.state.funnel.selected == 0)
    }

    @Test func enterOpensTheListAndTheJourneyAndEscGoesBack() throws {
        var d = try TUITest.dashboard()
        TUITest.press("jj<Enter>", &d)
        let list = try #require(Self.list(d))
        #expect(list.stageIndex == 2)
        #expect(list.total == 2)
        #expect(list.rows.map(\.customer.id) == ["C1", "C2"])
        TUITest.press("jj", &d)
        #expect(Self.list(d)?.cursor == 1)
        TUITest.press("<Enter>", &d)
        let journey = try #require(Self.journey(d))
        #expect(journey.customer.id == "C2")
        // Newest first; at equal times the stage change sorts before the touchpoint (oldest first).
        #expect(journey.orderedTimeline.map(\.at.iso8601) == ["2026-02-10T00:00:00Z", "2026-02-10T00:00:00Z", "2026-01-10T00:00:00Z"])
        if case .touchpoint(let t) = journey.orderedTimeline[0] { #expect(t.id == "T3") } else { Issue.record("expected T3 first") }
        TUITest.press("o", &d)
        #expect(Self.journey(d)?.newestFirst == false)
        TUITest.press("<Esc>", &d)
        #expect(Self.list(d)?.cursor == 1)  // the list is where we left it
        TUITest.press("<Bksp>", &d)
        guard d.state.screen is FunnelScreen else { Issue.record("expected the funnel"); return }
        #expect(d.state.funnel.selected == 2)
        TUITest.press("<Esc>", &d)  // nothing below the funnel
        #expect(d.state.depth == 1)
    }

    @Test func tabSwitchesStagesAndKeepsTheFunnelInStep() throws {
        var d = try TUITest.dashboard()
        TUITest.press("<Enter><Tab>", &d)
        #expect(Self.list(d)?.stageIndex == 1)
        // Names sort as people read them: "Çağla" before "Emil".
        #expect(Self.list(d)?.rows.map(\.customer.id) == ["C3", "C5"])
        TUITest.press("<S-Tab><S-Tab>", &d)
        #expect(Self.list(d)?.stageIndex == 4)   // wraps around
        #expect(Self.list(d)?.total == 0)
        TUITest.press("jj<Enter>", &d)            // nothing to open in an empty stage
        #expect(Self.list(d) != nil)
        TUITest.press("<Esc>", &d)
        #expect(d.state.funnel.selected == 4)
    }

    @Test func sortCyclesColumnsAndFlips() throws {
        var d = try TUITest.dashboard()
        TUITest.press("jj<Enter>", &d)
        #expect(Self.list(d)?.sort == CustomerSort(.name))
        TUITest.press("S", &d)
        #expect(Self.list(d)?.sort == CustomerSort(.name, descending: true))
        #expect(Self.list(d)?.rows.map(\.customer.name) == ["Bernd Ōta", "Anna Müller"])
        TUITest.press("s", &d)
        #expect(Self.list(d)?.sort == CustomerSort(.email))
        TUITest.press("ssss", &d)
        #expect(Self.list(d)?.sort == CustomerSort(.lastTouchAt))
        // C1's last touch (03-01) is later than C2's (02-10)
        #expect(Self.list(d)?.rows.map(\.customer.id) == ["C2", "C1"])
        TUITest.press("s", &d)
        #expect(Self.list(d)?.sort == CustomerSort(.revenue))
        // With the value figures in, the cycle goes on through CLV, P(alive), RFM segment.
        TUITest.press("sss", &d)
        #expect(Self.list(d)?.sort == CustomerSort(.rfmSegment))
        TUITest.press("ss", &d)
        #expect(Self.list(d)?.sort == CustomerSort(.email))  // RFM segment → name → email
        #expect(d.state.status?.text == "sorted by email ↑")
    }

    @Test func searchIsIncrementalIgnoresCaseAndDiacriticsAndRepeats() throws {
        var d = try TUITest.dashboard()
        TUITest.press("<Enter>/fr", &d)
        #expect(Self.list(d)?.searchInput == "fr")
        #expect(Self.list(d)?.cursor == 1)    // Frida
        TUITest.press("<Esc>", &d)
        #expect(Self.list(d)?.cursor == 0)    // Esc restores the cursor
        #expect(Self.list(d)?.searchInput == nil)
        TUITest.press("/DORA<Enter>", &d)
        #expect(Self.list(d)?.cursor == 0)
        #expect(Self.list(d)?.lastSearch == "DORA")
        TUITest.press("n", &d)                 // the only match: wraps to itself
        #expect(Self.list(d)?.cursor == 0)
        TUITest.press("<Tab>/cag<Enter>", &d)  // "Çağla 李", first in the list
        #expect(Self.list(d)?.row(at: Self.list(d)!.cursor)?.customer.id == "C3")
        TUITest.press("/zzz<Enter>", &d)
        #expect(d.state.status?.text == "no match for “zzz”")
    }

    @Test func filterBySegmentAndChannel() throws {
        var d = try TUITest.dashboard()
        TUITest.press("<Enter>f", &d)
        guard let picker = d.state.top(FilterPickerScreen.self)?.picker else { Issue.record("no picker"); return }
        #expect(picker.segments == [nil, "B2B", "B2C"])
        #expect(picker.channels == [nil, "ads", "email", "social", "store", "web"])
        TUITest.press("jj<Enter>", &d)
        #expect(d.state.overlay == nil)
        #expect(Self.list(d)?.filter == CustomerFilter(segment: "B2C"))
        #expect(Self.list(d)?.rows.map(\.customer.id) == ["C6"])
        TUITest.press("F", &d)
        #expect(Self.list(d)?.total == 2)
        TUITest.press("f<Tab>jjj<Enter>", &d)    // channel: social
        #expect(Self.list(d)?.filter == CustomerFilter(channel: "social"))
        #expect(Self.list(d)?.rows.map(\.customer.id) == ["C6"])
        TUITest.press("f<Tab>j<Esc>", &d)        // Esc cancels: the filter stays
        #expect(Self.list(d)?.filter == CustomerFilter(channel: "social"))
        TUITest.press("fx<Enter>", &d)
        #expect(Self.list(d)?.filter == CustomerFilter.none)
    }

    @Test func helpTakesKeysUntilClosed() throws {
        var d = try TUITest.dashboard()
        TUITest.press("?jj", &d)
        guard d.state.overlay is HelpScreen else { Issue.record("no help"); return }
        #expect(d.state.funnel.selected == 0)
        TUITest.press("q", &d)                   // q closes help first
        #expect(d.state.overlay == nil)
        #expect(!d.state.shouldQuit)
        TUITest.press("q", &d)
        #expect(d.state.shouldQuit)
    }

    @Test func tooSmallIgnoresKeysButQuitAndResizeRestores() throws {
        var d = try TUITest.dashboard()
        d.handle(.resize(width: 30, height: 8))
        #expect(d.state.isTooSmall)
        TUITest.press("j<Enter>", &d)
        #expect(d.state.funnel.selected == 0)
        #expect(d.state.depth == 1)
        d.handle(.resize(width: 100, height: 30))
        TUITest.press("j", &d)
        #expect(d.state.funnel.selected == 1)
        d.handle(.resize(width: 10, height: 3))
        TUITest.press("q", &d)
        #expect(d.state.shouldQuit)
    }

    @Test func pagingThroughALongList() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("clc-paging-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: dir) }
        let customers = (0..<250).map { i in
            #"{"id": "C\#(String(format: "%03d", i))", "name": "Person \#(String(format: "%03d", i))", "stage": "a"}"#
        }
        try #"{"format": "lifecycle-snapshot", "version": 1, "stages": [{"id": "a", "name": "A"}], "customers": [\#(customers.joined(separator: ","))]}"#
            .write(to: dir, atomically: true, encoding: .utf8)
        var d = try Dashboard(store: try JSONSnapshotStore(path: dir.path), width: 80, height: 24, fileLabel: "x")
        let page = StageListLayout.visibleRows(height: 24)
        TUITest.press("<Enter><PgDn>", &d)
        #expect(Self.list(d)?.cursor == page)
        TUITest.press("G", &d)
        let end = try #require(Self.list(d))
        #expect(end.cursor == 249)
        #expect(end.top == 250 - page)
        #expect(end.row(at: 249)?.customer.name == "Person 249")
        #expect(end.rows.count <= page * 3)       // only a window is loaded
        TUITest.press("<PgUp>k", &d)
        #expect(Self.list(d)?.cursor == 249 - page - 1)
        #expect(Self.list(d)?.row(at: 249 - page - 1)?.customer.name == "Person \(249 - page - 1)")
        d.handle(.resize(width: 80, height: 14))  // a smaller window keeps the cursor visible
        let small = try #require(Self.list(d))
        #expect(small.cursor >= small.top && small.cursor < small.top + StageListLayout.visibleRows(height: 14))
        #expect(RootView.render(d.state).text.contains("\(small.cursor + 1) of 250"))
    }
}
