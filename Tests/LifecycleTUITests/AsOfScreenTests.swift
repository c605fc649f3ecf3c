import Foundation
import Testing
@testable import LifecycleKit
@testable import LifecycleTUI

/// A change made after the snapshot's `as_of` is shown as such (issue 9.1): the header counts
/// the changes since, the list and the journey show 0 days marked, and `as_of` stays.
@Suite struct AsOfScreenTests {
    @Test func aChangeAfterAsOfIsShownAsSuch() throws {
        var (d, store, dir) = try DashboardMoveTests.dashboard()
        defer { try? FileManager.default.removeItem(at: dir) }
        TUITest.press("jj<Enter>m4<Enter><Enter>", &d)          // Anna Müller: Purchase → Retention
        #expect(d.state.status?.text == "Moved Anna Müller: Purchase → Retention")
        d.handle(.reportReady(try store.funnelReport()))
        let header = RootView.render(d.state).lines[0]
        #expect(header.contains("as of 2026-11-01 · 1 change since"), "\(header)")

        TUITest.press("<Tab>", &d)                              // the Retention list
        let screen = RootView.render(d.state).lines
        let row = try #require(screen.first { $0.contains("Anna Müller") })
        #expect(row.contains(" 0* "), "\(row)")

        TUITest.press("<Enter>", &d)                            // her journey
        let journey = RootView.render(d.state).lines.joined(separator: "\n")
        #expect(journey.contains("for 0* days (since 2026-11-02, after as of 2026-11-01)"), "\(journey)")
    }

    @Test func theFunnelPanelSaysWhereCustomersCameFrom() throws {
        var d = try TUITest.dashboard(width: 100, height: 30)
        d.handle(.reportReady(try TUITest.store().funnelReport()))
        TUITest.press("jj", &d)                                 // Purchase
        d.state.flows = nil                                     // until the flows are in (then the panel shows those)
        let lines = RootView.render(d.state).lines
        // Reached purchase: C1 and C3 from Consideration, C2 from Awareness.
        #expect(lines.contains { $0.contains("came from Consideration 2 (66.7%) · Awareness 1 (33.3%)") }, "\(lines)")
    }
}
