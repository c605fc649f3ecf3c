import Testing
@testable import LifecycleKit
@testable import LifecycleTUI

/// `--mouse`: a click picks what the screen draws there, a double click opens it, the wheel
/// scrolls and a click on a status-bar hint presses its key. Off by default.
@Suite struct MouseTests {
    static func dashboard(mouse: Bool = true) throws -> Dashboard {
        var d = try TUITest.dashboard(width: 100, height: 30)
        d.state.mouse = mouse
        return d
    }

    /// The row of the frame where `text` is drawn.
    static func row(of text: String, _ d: Dashboard) -> Int? {
        RootView.render(d.state).lines.firstIndex { $0.contains(text) }
    }

    /// The column where `text` starts on the last row (the status bar).
    static func statusColumn(of text: String, _ d: Dashboard) -> Int? {
        let bar = Array(RootView.render(d.state).lines.last ?? "")
        let needle = Array(text)
        return (0...(bar.count - needle.count)).first { Array(bar[$0..<($0 + needle.count)]) == needle }
    }

    @Test func offByDefaultAClickDoesNothing() throws {
        var d = try Self.dashboard(mouse: false)
        let y = try #require(Self.row(of: "Retention", d))
        d.handle(.mouse(MouseEvent(.click, x: 5, y: y)))
        #expect(d.state.funnel.selected == 0)
    }

    @Test func aClickSelectsTheBarDrawnThereAndADoubleClickOpensIt() throws {
        var d = try Self.dashboard()
        let y = try #require(Self.row(of: "Retention", d))
        d.handle(.mouse(MouseEvent(.click, x: 40, y: y)))
        #expect(d.state.funnel.selected == 3)
        #expect(d.state.depth == 1)
        let purchase = try #require(Self.row(of: "Purchase", d))
        d.handle(.mouse(MouseEvent(.doubleClick, x: 3, y: purchase)))
        #expect(d.state.funnel.selected == 2)
        #expect(DashboardUpdateTests.list(d)?.stageIndex == 2)
    }

    @Test func aClickSelectsARowTheWheelScrollsAndADoubleClickOpensTheJourney() throws {
        var d = try Self.dashboard()
        TUITest.press("j<Enter>", &d)                           // Consideration: 2 customers
        let second = try #require(DashboardUpdateTests.list(d)?.rows[1].customer.name)
        let y = try #require(Self.row(of: second, d))
        d.handle(.mouse(MouseEvent(.click, x: 10, y: y)))
        #expect(DashboardUpdateTests.list(d)?.cursor == 1)
        d.handle(.mouse(MouseEvent(.wheelUp, x: 10, y: y)))
        #expect(DashboardUpdateTests.list(d)?.cursor == 0)
        d.handle(.mouse(MouseEvent(.doubleClick, x: 10, y: y)))
        #expect(DashboardUpdateTests.journey(d)?.customer.name == second)
    }

    @Test func aClickOnAStatusBarHintPressesItsKey() throws {
        var d = try Self.dashboard()
        let x = try #require(Self.statusColumn(of: "? help", d))
        d.handle(.mouse(MouseEvent(.click, x: x + 3, y: 29)))
        #expect(d.state.overlay is HelpScreen)
        let close = try #require(Self.statusColumn(of: "Esc close", d))
        d.handle(.mouse(MouseEvent(.click, x: close, y: 29)))
        #expect(d.state.overlay == nil)
    }

    @Test func theStagePickerTakesAClick() throws {
        var d = try Self.dashboard()
        TUITest.press("<Enter>m", &d)
        let y = try #require(Self.row(of: "5 Loyalty", d))
        d.handle(.mouse(MouseEvent(.click, x: 40, y: y)))
        #expect(d.state.top(StagePickerScreen.self)?.plan.target == 4)
    }

    @Test func theConfigTurnsTheMouseOn() throws {
        #expect(try UserConfig.parse("mouse = true\n").mouse)
        #expect(try !UserConfig.parse("theme = \"mono\"\n").mouse)
        #expect(throws: TOMLProblem(line: 1, message: "mouse must be true or false")) { try UserConfig.parse("mouse = \"yes\"\n") }
    }
}
