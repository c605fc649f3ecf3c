import Foundation
import Testing
@testable import LifecycleKit
@testable import LifecycleTUI

/// Searching by id, across every stage, and "no match" said while typing.
@Suite struct DashboardSearchTests {
    static func list(_ d: Dashboard) -> StageListState? { DashboardUpdateTests.list(d) }

    /// The status bar as drawn.
    static func statusLine(_ d: Dashboard) -> String {
        String(RootView.render(d.state).text.split(separator: "\n", omittingEmptySubsequences: false).last ?? "")
    }

    @Test func slashOnTheFunnelFindsAnIdInAnyStageAndOpensItsRow() throws {
        var d = try TUITest.dashboard()
        TUITest.press("/C3", &d)
        #expect(d.state.top(GlobalSearchScreen.self)?.search.input == "C3")
        #expect(Self.statusLine(d).contains("Çağla 李 · C3 · Consideration"))
        #expect(d.state.depth == 1)  // still on the funnel while typing
        TUITest.press("<Enter>", &d)
        #expect(d.state.top(GlobalSearchScreen.self)?.search == nil)
        #expect(Self.list(d)?.stageIndex == 1)
        #expect(Self.list(d)?.row(at: Self.list(d)!.cursor)?.customer.id == "C3")
        #expect(Self.list(d)?.cursor == 0)   // Çağla before Emil
        #expect(Self.list(d)?.lastSearch == "C3")
        #expect(d.state.funnel.selected == 1)
        TUITest.press("<Esc>", &d)                 // back leads to the funnel
        #expect(d.state.depth == 1)
    }

    @Test func aKeyInAListSearchesEveryStageByNameAndMovesToTheStage() throws {
        var d = try TUITest.dashboard()
        TUITest.press("<Enter>", &d)               // Awareness: dora, Frida
        TUITest.press("aBERN", &d)                 // Bernd Ōta, in Purchase
        #expect(Self.statusLine(d).contains("Bernd Ōta · C2 · Purchase"))
        TUITest.press("<Enter>", &d)
        #expect(d.state.depth == 2)          // the list changed stage, no screen was added
        #expect(Self.list(d)?.stageIndex == 2)
        #expect(Self.list(d)?.row(at: Self.list(d)!.cursor)?.customer.id == "C2")
    }

    @Test func noMatchIsSaidWhileTyping() throws {
        var d = try TUITest.dashboard()
        TUITest.press("/zzz", &d)
        #expect(Self.statusLine(d).contains("/zzz"))
        #expect(Self.statusLine(d).contains("no match for “zzz”"))
        TUITest.press("<Bksp><Bksp><Bksp>c1", &d)  // C1 again, found
        #expect(!Self.statusLine(d).contains("no match"))
        TUITest.press("<Esc>", &d)
        #expect(d.state.top(GlobalSearchScreen.self)?.search == nil && d.state.depth == 1)

        TUITest.press("<Enter>/zzz", &d)           // in one stage
        #expect(Self.list(d)?.searchInput == "zzz")
        #expect(Self.statusLine(d).contains("no match for “zzz”"))
        TUITest.press("<Bksp><Bksp><Bksp>fr", &d)
        #expect(!Self.statusLine(d).contains("no match"))
        #expect(Self.list(d)?.cursor == 1)        // Frida
    }

    @Test func searchInAStageFindsIds() throws {
        var d = try TUITest.dashboard()
        TUITest.press("<Enter>/c6<Enter>", &d)
        #expect(Self.list(d)?.row(at: Self.list(d)!.cursor)?.customer.id == "C6")
    }

    @Test func whileABigFileIsIndexedOnlyExactIdsAreLookedUp() throws {
        var d = try TUITest.dashboard()
        d.handle(.indexing(true))
        TUITest.press("/bern", &d)
        #expect(d.state.top(GlobalSearchScreen.self)?.search.found == nil)
        #expect(Self.statusLine(d).contains("no customer with id “bern”"))
        TUITest.press("<Esc>/C2", &d)
        #expect(d.state.top(GlobalSearchScreen.self)?.search.found == CustomerLocation(customerID: "C2", stage: "purchase"))
    }
}
