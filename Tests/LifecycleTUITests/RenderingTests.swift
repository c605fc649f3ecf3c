import Foundation
import Testing
@testable import LifecycleKit
@testable import LifecycleTUI

/// Every screen at several sizes, compared with the expected screens in `Screens/`.
/// Refresh them on purpose with `CLC_UPDATE_SCREENS=1 swift test --filter RenderingTests`.
@Suite struct RenderingTests {
    static let sizes = [(120, 40), (80, 24), (60, 20)]

    @Test(arguments: [(120, 40), (80, 24), (60, 20), (30, 8)])
    func funnel(size: (Int, Int)) throws {
        var d = try TUITest.dashboard(width: size.0, height: size.1)
        TUITest.press("j", &d)
        try TUITest.expectScreen(RootView.render(d.state), "funnel-\(size.0)x\(size.1)")
    }

    @Test func funnelWhileFiguresArePending() throws {
        let d = try TUITest.dashboard(width: 100, height: 24, pending: true)
        let grid = RootView.render(d.state)
        try TUITest.expectScreen(grid, "funnel-pending-100x24")
        #expect(grid.text.contains("computing reach, conversion and revenue…"))
    }

    @Test(arguments: [(120, 40), (80, 24), (60, 20)])
    func stageList(size: (Int, Int)) throws {
        var d = try TUITest.dashboard(width: size.0, height: size.1)
        TUITest.press("jj<Enter>j", &d)
        try TUITest.expectScreen(RootView.render(d.state), "list-\(size.0)x\(size.1)")
    }

    /// Consideration by name: Çağla before Emil, as people read them (byte order had Ç after E).
    @Test func stageListInReadingOrder() throws {
        var d = try TUITest.dashboard(width: 80, height: 24)
        TUITest.press("j<Enter>", &d)
        let grid = RootView.render(d.state)
        try TUITest.expectScreen(grid, "list-consideration-80x24")
        let text = grid.text
        #expect(try #require(text.range(of: "Çağla")).lowerBound < (try #require(text.range(of: "Emil"))).lowerBound)
    }

    @Test func stageListWithHostileNamesAndAFilter() throws {
        var d = try TUITest.dashboard(width: 100, height: 20)
        TUITest.press("<Enter>fjj<Enter>", &d)
        let grid = RootView.render(d.state)
        try TUITest.expectScreen(grid, "list-filtered-100x20")
        #expect(grid.text.contains("Frida ^[[31mred"))
    }

    @Test(arguments: [(120, 40), (80, 24), (60, 20)])
    func journey(size: (Int, Int)) throws {
        var d = try TUITest.dashboard(width: size.0, height: size.1)
        TUITest.press("j<Enter><Enter>", &d)   // Çağla 李 (first: Ç sorts with C): a backwards move
        try TUITest.expectScreen(RootView.render(d.state), "journey-\(size.0)x\(size.1)")
    }

    @Test func helpOverlay() throws {
        var d = try TUITest.dashboard(width: 100, height: 30)
        TUITest.press("<Enter>?", &d)
        try TUITest.expectScreen(RootView.render(d.state), "help-list-100x30")
    }

    @Test func staleJournalPrompt() throws {
        var (d, path) = try DashboardStaleJournalTests.staleDashboard()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        d.handle(.resize(width: 80, height: 24))
        try TUITest.expectScreen(RootView.render(d.state), "stale-journal-80x24")
    }

    @Test func filterPicker() throws {
        var d = try TUITest.dashboard(width: 100, height: 30)
        TUITest.press("<Enter>f<Tab>j", &d)
        try TUITest.expectScreen(RootView.render(d.state), "filter-100x30")
    }

    @Test func headerSaysWhileTheListIndexIsPrepared() throws {
        var d = try TUITest.dashboard(width: 120, height: 24)
        #expect(!RootView.render(d.state).lines[0].contains("indexing"))
        d.handle(.indexing(true))
        let grid = RootView.render(d.state)
        #expect(grid.lines[0].contains("indexing for fast sorting…"))
        #expect(grid.roles(row: 0).contains(.pending))
        d.handle(.indexing(false))
        #expect(!RootView.render(d.state).lines[0].contains("indexing"))
    }

    @Test func selectedStageAndRowAreHighlighted() throws {
        var d = try TUITest.dashboard(width: 100, height: 30)
        TUITest.press("j", &d)
        var grid = RootView.render(d.state)
        let rows = grid.lines.enumerated().filter { $0.element.contains("Consideration") && $0.element.contains("▶") }
        let y = try #require(rows.first?.offset)
        #expect(grid.roles(row: y).contains(.selected))
        #expect(grid.roles(row: y).contains(.barSelected))
        TUITest.press("<Enter>", &d)
        grid = RootView.render(d.state)
        #expect(grid.roles(row: StageListLayout.headerRows).allSatisfy { $0 == .selected })
        #expect(grid.roles(row: StageListLayout.headerRows + 1).contains(.normal))
    }

    @Test func everyFrameFitsItsGrid() throws {
        // Any size from 1×1 up renders without a crash and never writes control characters.
        for w in [1, 2, 5, 20, 49, 50, 51, 200] {
            for h in [1, 2, 5, 11, 12, 13, 60] {
                var d = try TUITest.dashboard(width: w, height: h)
                for keys in ["", "<Enter>", "<Enter>j<Enter>", "?"] {
                    TUITest.press(keys, &d)
                    let grid = RootView.render(d.state)
                    #expect(grid.width == w && grid.height == h)
                    #expect(!grid.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } })
                }
            }
        }
    }
}
