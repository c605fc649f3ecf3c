import Testing
@testable import LifecycleKit
@testable import LifecycleTUI

/// The CDNOW case at 80×24: customers without email, long names, revenue in the millions.
/// Every screen and overlay is compared with an expected screen in `Screens/`.
@Suite struct NarrowScreenTests {
    /// Keys from the funnel to each screen and overlay (the Retention list has 14 customers).
    static let screens: [(name: String, keys: String)] = [
        ("funnel", "j"),
        ("list", "j<Enter>jj"),
        ("journey", "j<Enter>j<Enter>"),
        ("help-funnel", "?"),
        ("help-list", "j<Enter>?"),
        ("help-journey", "j<Enter><Enter>?"),
        ("filter", "j<Enter>f"),
        ("stage-picker", "j<Enter>mj"),
        ("note-input", "j<Enter>m4<Enter>called back"),
        ("confirm", "j<Enter><Space><Space><Tab><Space>m4<Enter><Enter>"),
        ("journey-picker", "j<Enter><Enter>m"),
    ]

    @Test(arguments: screens.map(\.name))
    func cdnowAt80x24(screen: String) throws {
        var d = try TUITest.cdnowDashboard()
        TUITest.press(Self.screens.first { $0.name == screen }!.keys, &d)
        try TUITest.expectScreen(RootView.render(d.state), "cdnow-\(screen)-80x24")
    }

    @Test func quitPromptAndSaveAsAt80x24() throws {
        var d = try TUITest.cdnowDashboard()
        d.state.unsaved = true
        d.state.changesSinceAsOf = 3
        d.push(QuitPromptScreen())
        try TUITest.expectScreen(RootView.render(d.state), "cdnow-quit-prompt-80x24")
        d.state.stack.removeLast()
        d.push(SaveAsScreen(name: "cdnow-like-2.json"))
        try TUITest.expectScreen(RootView.render(d.state), "cdnow-save-as-80x24")
    }

    @Test func anEmptyColumnGivesItsRoomToTheNames() throws {
        var d = try TUITest.cdnowDashboard()
        TUITest.press("j<Enter>", &d)
        let grid = RootView.render(d.state)
        #expect(!grid.lines[2].contains("Email"))       // nobody on the page has an email
        #expect(!grid.lines[2].contains("Segment"))     // nor a segment
        #expect(grid.text.contains("CDNOW customer 00001 "))
        #expect(grid.text.contains("CDNOW customer 00038 "))
        // A column that has something to show stays (the hand-made snapshot has emails).
        var h = try TUITest.dashboard(width: 80, height: 24)
        TUITest.press("jj<Enter>", &h)
        #expect(RootView.render(h.state).lines[2].contains("Email"))
    }

    /// The header is whole items: each shown entirely or dropped by priority, never a cut number.
    @Test func theHeaderDropsWholeItemsByPriority() throws {
        var d = try TUITest.cdnowDashboard()
        d.state.unsaved = true
        d.state.changesSinceAsOf = 3
        d.state.indexing = true
        let items = ["CDNOW purchase log", "as of 1998-07-01 · 3 changes since", "25 customers",
                     "revenue 2,500,316.17 USD", "● unsaved changes (w saves)", "indexing for fast sorting…"]
        var seen: Set<String> = []
        for width in 50...200 {
            d.handle(.resize(width: width, height: 24))
            let header = RootView.render(d.state).lines[0]
            var rest = header
            for item in items where rest.contains(item) {
                seen.insert(item)
                rest = rest.replacingOccurrences(of: item, with: "")
            }
            #expect(!rest.contains("…") && !rest.contains(where: \.isNumber), "cut item at \(width): \(header)")
            if width >= 70 {   // the two most important items always fit from 70 columns
                #expect(header.contains("as of 1998-07-01 · 3 changes since"), "as-of missing at \(width)")
                #expect(header.contains("● unsaved changes"), "unsaved missing at \(width)")
            }
        }
        #expect(seen == Set(items))
        d.state.unsaved = false
        d.state.indexing = false
        d.handle(.resize(width: 80, height: 24))
        let at80 = RootView.render(d.state).lines[0]
        #expect(at80.contains("CDNOW purchase log · as of 1998-07-01 · 3 changes since · 25 customers"))
    }

    @Test func oneChangeSinceAsOfIsSingular() throws {
        var d = try TUITest.cdnowDashboard(width: 120, height: 24)
        #expect(RootView.render(d.state).lines[0].contains("as of 1998-07-01 · 25 customers"))
        d.state.changesSinceAsOf = 1
        #expect(RootView.render(d.state).lines[0].contains("as of 1998-07-01 · 1 change since · 25 customers"))
    }

    /// `Last touch↑`, not `Last touc…`: every sortable column keeps its whole name with the arrow.
    @Test(arguments: [120, 80, 60])
    func aSortedColumnKeepsItsName(width: Int) throws {
        var d = try TUITest.dashboard(width: width, height: 24)
        TUITest.press("jj<Enter>", &d)
        for _ in StageListState.sortCycle {
            guard let list = d.state.screen(StageListScreen.self)?.list else { Issue.record("no list"); return }
            let header = RootView.render(d.state).lines[2]
            let arrow = StageListColumns.arrow(list.sort)
            if let column = StageListColumns.all.first(where: { $0.field == list.sort.field }), header.contains(Message(column.title).text(in: .en).prefix(4)) {
                #expect(header.contains(Message(column.title).text(in: .en) + arrow), "\(header)")
            }
            #expect(!header.contains("…"), "\(header)")
            TUITest.press("s", &d)
        }
    }

    @Test func daysInStageAreGrouped() throws {
        var d = try TUITest.cdnowDashboard()
        TUITest.press("j<Enter>", &d)
        let row = try #require(RootView.render(d.state).lines.first { $0.contains("CDNOW customer 00001") })
        #expect(row.contains("10,408"))
    }
}
