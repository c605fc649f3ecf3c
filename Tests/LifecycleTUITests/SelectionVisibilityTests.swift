import Foundation
import Testing
@testable import LifecycleKit
@testable import LifecycleTUI

/// In every theme, with colours and under NO_COLOR, the selected row and the marked rows
/// look different from the others (and from each other) on every screen and overlay that
/// has a selection: what the terminal shows is each cell's role resolved through the theme.
@Suite struct SelectionVisibilityTests {
    static let themes = ["default", "light", "high-contrast", "mono"]
    /// (theme, NO_COLOR set)
    static let variants = themes.flatMap { [($0, false), ($0, true)] }.map { "\($0.0)\($0.1 ? "+NO_COLOR" : "")" }

    /// The theme as the terminal applies it: colours degraded to 256, or none under NO_COLOR.
    static func effective(_ variant: String) throws -> (Role) -> RoleStyle {
        let noColor = variant.hasSuffix("+NO_COLOR")
        let name = noColor ? String(variant.dropLast("+NO_COLOR".count)) : variant
        let loader = ThemeLoader(environment: ["CLC_THEMES_DIR": ThemeTests.themesDir, "HOME": "/nonexistent"])
        let theme = try loader.load(name)
        let shown = noColor ? theme.withoutColors : theme
        return { role in
            var s = shown.style(role)
            s.foreground = s.foreground.degraded(to: 256)
            s.background = s.background.degraded(to: 256)
            return s
        }
    }

    /// The style of the first cell of the row whose text contains `text`, from column `x` on.
    static func style(of text: String, in grid: CellGrid, from x: Int = 0, _ style: (Role) -> RoleStyle,
                      sourceLocation: SourceLocation = #_sourceLocation) -> RoleStyle? {
        guard let y = grid.lines.firstIndex(where: { $0.contains(text) }) else {
            Issue.record("no row with \(text)", sourceLocation: sourceLocation)
            return nil
        }
        let line = Array(grid.lines[y])
        let start = (x..<max(x, line.count - text.count + 1)).first { String(line[$0..<min(line.count, $0 + text.count)]) == text } ?? x
        return style(grid[start, y].role)
    }

    @Test(arguments: variants)
    func theFunnelSelectionStandsOut(variant: String) throws {
        let look = try Self.effective(variant)
        var d = try TUITest.dashboard(width: 100, height: 30)
        TUITest.press("j", &d)
        let grid = RootView.render(d.state)
        #expect(Self.style(of: "Consideration", in: grid, look) != Self.style(of: "Purchase", in: grid, look))
    }

    @Test(arguments: variants)
    func listRowsSelectedMarkedAndPlainDiffer(variant: String) throws {
        let look = try Self.effective(variant)
        var d = try TUITest.cdnowDashboard(width: 100, height: 30)
        TUITest.press("j<Enter><Space>j", &d)    // row 0 marked (Space moves down); cursor on row 2
        let grid = RootView.render(d.state)
        let marked = Self.style(of: "CDNOW customer 00001", in: grid, look)
        let plain = Self.style(of: "CDNOW customer 00038", in: grid, look)
        let selected = Self.style(of: "CDNOW customer 00075", in: grid, look)
        #expect(marked != plain)
        #expect(selected != plain)
        #expect(selected != marked)
    }

    @Test(arguments: variants)
    func theStagePickerSelectionStandsOut(variant: String) throws {
        let look = try Self.effective(variant)
        var d = try TUITest.cdnowDashboard(width: 100, height: 30)
        TUITest.press("j<Enter>mj", &d)           // Retention is current; j selects Re-engagement
        let grid = RootView.render(d.state)
        let selected = Self.style(of: "3 Re-engagement", in: grid, look)
        #expect(selected != Self.style(of: "4 Loyalty", in: grid, look))
        #expect(selected != Self.style(of: "1 Conversion", in: grid, look))
    }

    @Test(arguments: variants)
    func theFilterPickerSelectionStandsOut(variant: String) throws {
        let look = try Self.effective(variant)
        var d = try TUITest.dashboard(width: 100, height: 30)
        TUITest.press("<Enter>fj", &d)            // segment B2B selected
        let grid = RootView.render(d.state)
        #expect(Self.style(of: "● B2B", in: grid, look) != Self.style(of: "  B2C", in: grid, look))
    }
}
