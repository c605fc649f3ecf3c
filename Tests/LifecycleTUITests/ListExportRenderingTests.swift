import Foundation
import Testing
@testable import LifecycleKit
@testable import LifecycleTUI

/// Expected screens of the "since OLD" filter column, the drill-down search and `e`'s prompt,
/// question and result (refreshed with the other screens: `--filter RenderingTests`).
@Suite struct ListExportRenderingTests {
    /// The purchase list with the export prompt showing `path`.
    static func prompt(_ path: String, language: Language = .en, width: Int = 80) throws -> Dashboard {
        var d = try TUITest.dashboard(width: width, height: 24)
        d.state.language = language
        TUITest.press("jj<Enter>e", &d)
        let typed = d.state.top(ExportPathScreen.self)?.path.count ?? 0
        TUITest.press(String(repeating: "<Bksp>", count: typed) + path, &d)
        return d
    }

    @Test func exportPrompt() throws {
        let d = try Self.prompt("~/clc-exports/purchase.csv")
        let grid = RootView.render(d.state)
        try TUITest.expectScreen(grid, "export-prompt-80x24")
        #expect(grid.lines[23].hasPrefix("Export the list to (Enter exports, Esc cancels): ~/clc-exports/purchase.csv"))
    }

    @Test func overwriteQuestion() throws {
        for language in [Language.en, .de] {
            var d = try Self.prompt("~/clc-exports/purchase.csv", language: language)
            let prompt = try #require(d.state.top(ExportPathScreen.self))
            TUITest.press("<Esc>", &d)
            d.push(OverwriteScreen(ExportJob(request: prompt.request, path: "/home/ann/clc-exports/purchase.csv"), typed: prompt.path))
            try TUITest.expectScreen(RootView.render(d.state), (language == .de ? "de-" : "") + "export-overwrite-80x24")
        }
    }

    @Test func exportResult() throws {
        for language in [Language.en, .de] {
            var d = try TUITest.dashboard(width: 120, height: 24)
            d.state.language = language
            TUITest.press("jj<Enter>", &d)
            d.exported(ExportDone(rows: 1_234, path: "/home/ann/clc-exports/purchase-2026-11-30.csv"))
            let grid = RootView.render(d.state)
            try TUITest.expectScreen(grid, (language == .de ? "de-" : "") + "export-done-120x24")
            #expect(grid.lines[23].contains(language == .de ? "1.234 Kunden nach /home/ann/clc-exports/purchase-2026-11-30.csv exportiert"
                                                            : "Exported 1,234 customers to /home/ann/clc-exports/purchase-2026-11-30.csv"))
        }
    }

    /// The filter picker with `--compare OLD`: a fourth column "Since old.json".
    @Test func filterPickerWithTheSinceColumn() throws {
        var d = try TUITest.dashboard(width: 100, height: 30)
        d.compare(with: try TUITest.store(), label: "old.json")
        d.handle(.reportReady(try TUITest.store().funnelReport()))
        TUITest.press("<Enter>f<Tab><Tab><Tab>j", &d)
        let grid = RootView.render(d.state)
        try TUITest.expectScreen(grid, "filter-since-100x30")
        #expect(grid.text.contains("Since old.json") && grid.text.contains("● changed"))
    }

    /// A drill-down list narrowed while the search is typed.
    @Test func drillDownSearch() throws {
        var d = try TUITest.dashboard(width: 80, height: 24)
        let list = try d.store.run(CustomerListAnalysis(needs: []) { _ in true })
        d.push(DrillDownScreen(title: Message(.uiChangedSince, .text("old.json")), list: list))
        TUITest.press("/example", &d)
        let grid = RootView.render(d.state)
        try TUITest.expectScreen(grid, "drilldown-search-80x24")
        #expect(grid.lines[1].contains("2 customers matching “example”"))
    }

    @Test func theHomeFolderIsWrittenTilde() {
        #expect(ExportPaths.abbreviate("/home/ann/clc-exports/a.csv", home: "/home/ann") == "~/clc-exports/a.csv")
        #expect(ExportPaths.abbreviate("/home/anna/a.csv", home: "/home/ann") == "/home/anna/a.csv")
        #expect(ExportPaths.abbreviate("/tmp/a.csv", home: "/") == "/tmp/a.csv")
    }
}
