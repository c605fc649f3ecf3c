import Foundation
import Testing
@testable import LifecycleKit
@testable import LifecycleTUI

/// The screens of the touchpoint analyses on `touchpoints-hand-made.json` (worked out by hand in
/// `AttributionTests`): conversions into Purchase with a 90-day lookback are A, B, C, F and G;
/// under the linear model (none) gets C and G (2), ads F (1), email A's ¼ and B's ½ (0.75),
/// social ½, web ½, search ¼.
@Suite struct AnalysisScreenTests {
    static func dashboard(width: Int = 80, height: Int = 24) throws -> Dashboard {
        let store = try JSONSnapshotStore(path: TUITest.fixtures.appendingPathComponent("touchpoints-hand-made.json").path)
        var d = try Dashboard(store: store, width: width, height: height, fileLabel: "touchpoints-hand-made.json")
        d.handle(.reportReady(try store.funnelReport()))
        TUITest.loadValues(&d)
        return d
    }

    static func attribution(_ d: Dashboard) throws -> AttributionScreen { try #require(d.state.screen(AttributionScreen.self)) }

    @Test func attributionShowsTheModelsOfTheSelectedStage() throws {
        var d = try Self.dashboard()
        TUITest.press("jjt", &d)
        let screen = try Self.attribution(d)
        #expect(screen.result?.conversions == 5)
        #expect(screen.rows.map(\.key) == ["(none)", "ads", "email", "social", "web", "search"])
        let lines = RootView.render(d.state).lines
        #expect(lines[1].contains("Attribution into Purchase · 5 conversions · lookback 90 days · by Channel"))
        #expect(lines[4].contains("First") && lines[4].contains("Decay"))
        #expect(lines.contains { $0.hasPrefix(" email") && $0.contains("0.8") })
    }

    @Test func enterListsTheConvertersTheSelectedModelCredits() throws {
        var d = try Self.dashboard()
        TUITest.press("jjtjj<Enter>", &d)                  // email, linear: A and B (G's email is outside its window)
        var list = try #require(d.state.screen(DrillDownScreen.self))
        #expect(list.customers.map(\.id) == ["A", "B"])
        #expect(RootView.render(d.state).lines[1].contains("Converters into Purchase credited to email by linear (0.75)"))
        TUITest.press("<Esc>hh<Enter>", &d)                 // first touch: email is A's first touchpoint, B's is social
        list = try #require(d.state.screen(DrillDownScreen.self))
        #expect(list.customers.map(\.id) == ["A"])
        TUITest.press("<Esc>gg<Enter>", &d)                 // (none) under first touch: C and G
        #expect(d.state.screen(DrillDownScreen.self)?.customers.map(\.id) == ["C", "G"])
        TUITest.press("j<Enter>", &d)                       // the journey of G
        #expect(d.state.screen(JourneyScreen.self)?.journey.customer.id == "G")
    }

    @Test func theDrillDownListSortsByNameOrId() throws {
        var d = try Self.dashboard()
        TUITest.press("jjt<Enter>", &d)                     // (none), linear: C (Cleo), G (Gina)
        TUITest.press("s", &d)
        let list = try #require(d.state.screen(DrillDownScreen.self))
        #expect(list.rows.map(\.name) == ["Cleo", "Gina"] && list.byName)
        #expect(RootView.render(d.state).lines[4].contains("Cleo") && RootView.render(d.state).lines[4].contains("Purchase"))
    }

    /// Names in the stage lists' order: accents and case after letters, numbers by value.
    @Test func theDrillDownListSortsNamesAsTheStageListsDo() {
        let names = ["Zoe", "Ömer", "emil", "Çağla", "Oskar", "customer 100", "customer 11", "Anna"]
        let rows = names.enumerated().map { DrillDownScreen.Row(id: "C\($0.offset)", name: $0.element, stage: 0) }
        #expect(DrillDownScreen.sortedByName(rows).map(\.name) == ["Anna", "Çağla", "customer 11", "customer 100", "emil", "Ömer", "Oskar", "Zoe"])
    }

    /// The drill-down list marks and moves like a stage list: through the app's one move path.
    @Test func theDrillDownListMarksAndMovesCustomers() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("clc-drill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("touch.sqlite").path
        try JSONSnapshotStore(path: TUITest.fixtures.appendingPathComponent("touchpoints-hand-made.json").path)
            .export(to: try SQLiteSnapshotWriter(path: path))
        let store = try SQLiteSnapshotStore(path: path)
        var d = try Dashboard(store: store, width: 120, height: 24, fileLabel: "touch.sqlite", user: "tester")
        TUITest.press("jjtjj<Enter>", &d)                  // A and B
        TUITest.press("<Space><Space>", &d)
        #expect(d.state.screen(DrillDownScreen.self)?.marked == ["A", "B"])
        #expect(RootView.render(d.state).lines[1].contains("2 customers · 2 marked"))
        TUITest.press("m4<Enter><Enter>y", &d)             // to Loyal, confirmed
        let list = try #require(d.state.screen(DrillDownScreen.self))
        #expect(list.customers.map(\.stage) == [3, 3] && list.marked.isEmpty)
        #expect(try store.customer(id: "A")?.stage == "loyal" && store.customer(id: "B")?.stage == "loyal")
        #expect(RootView.render(d.state).lines[4].hasSuffix("Loyal"))
    }

    /// `--compare OLD`: A moved from Purchase to Loyal since OLD (the fixture as it is).
    @Test func comparingShowsDeltasAndListsTheChangedCustomers() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("clc-compare-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let oldPath = TUITest.fixtures.appendingPathComponent("touchpoints-hand-made.json").path
        let path = dir.appendingPathComponent("new.sqlite").path
        try JSONSnapshotStore(path: oldPath).export(to: try SQLiteSnapshotWriter(path: path))
        let store = try SQLiteSnapshotStore(path: path)
        var mover = StageMover(user: "ben", clock: { Timestamp("2026-07-01T09:00:00Z")! })
        _ = try mover.move([("A", "purchase")], to: "loyal", note: nil, in: store)
        var d = try Dashboard(store: store, width: 80, height: 24, fileLabel: "new.sqlite")
        d.compare(with: try JSONSnapshotStore(path: oldPath), label: "old.json")
        TUITest.press("x", &d)                               // before the comparison is in
        #expect(d.state.status?.text == "comparing with old.json…" && d.state.screen(DrillDownScreen.self) == nil)
        d.handle(.reportReady(try store.funnelReport()))
        let lines = RootView.render(d.state).lines
        #expect(lines.first { $0.contains("Purchase") && !$0.contains("Stage") }?.contains("−1") == true)
        #expect(lines.first { $0.contains("Loyal") && !$0.contains("Stage") }?.contains("+1") == true)
        #expect(lines.first { $0.contains("Lead") && !$0.contains("Stage") }?.contains("±0") == true)
        TUITest.press("x", &d)
        #expect(d.state.screen(DrillDownScreen.self)?.customers.map(\.id) == ["A"])
        #expect(RootView.render(d.state).lines[1].contains("Changed since old.json (added or moved)"))
    }

    @Test func keysSwitchTheDimensionTheWindowAndTheStage() throws {
        var d = try Self.dashboard()
        TUITest.press("jjtb", &d)
        #expect(Set(try Self.attribution(d).rows.map(\.key)) == ["(none)", "spring", "winter"])
        TUITest.press("bb", &d)                              // type, then back to channel
        #expect(try Self.attribution(d).by == .channel)
        TUITest.press("dd", &d)                              // 90 → 180 → 7 days
        var screen = try Self.attribution(d)
        #expect(screen.lookbackDays == 7 && screen.result?.lookbackDays == 7)
        TUITest.press("d", &d)                               // 30 days
        TUITest.press("dd", &d)                              // 90, 180: C's visit 121 days before now counts
        screen = try Self.attribution(d)
        #expect(screen.lookbackDays == 180 && screen.rows.first { $0.key == "web" }?.customers == 2)
        TUITest.press("<Tab>", &d)                           // Loyal: nobody entered it
        #expect(try Self.attribution(d).stage == 3)
        #expect(RootView.render(d.state).text.contains("No customer entered Loyal"))
        TUITest.press("<S-Tab><S-Tab>", &d)
        #expect(try Self.attribution(d).stage == 1)
    }

    @Test func escCancelsTheAttributionPass() throws {
        var d = try Self.dashboard()
        TUITest.press("jj", &d)
        let pass = try #require(d.update(.key(.char("t"))).first)
        #expect(pass.effect.slot == "attribution" && pass.effect.cancellable && pass.effect.total == 8)
        #expect(RootView.render(d.state).text.contains("attributing the conversions into Purchase…"))
        _ = d.update(.progress(pass.id, 0))
        _ = d.update(.key(.escape))
        #expect(pass.token.isCancelled)
        #expect(d.state.status?.text == "cancelled: attributing the conversions into Purchase")
        #expect(RootView.render(d.state).text.contains("not computed: cancelled: attributing the conversions into Purchase"))
        _ = d.update(pass.run(store: d.store))               // a late result is dropped
        #expect(try Self.attribution(d).result == nil)
    }

    @Test func escCancelsADrillDown() throws {
        var d = try Self.dashboard()
        TUITest.press("jjt", &d)
        let list = try #require(d.update(.key(.enter)).first)
        #expect(list.effect.slot == "drillDown" && list.effect.cancellable)
        _ = d.update(.progress(list.id, 0))
        _ = d.update(.key(.escape))
        #expect(list.token.isCancelled && d.state.status?.text == "cancelled: listing the customers")
        _ = d.update(list.run(store: d.store))               // a late result is dropped
        #expect(d.state.screen(AttributionScreen.self) != nil && d.state.screen(DrillDownScreen.self) == nil)
    }

    @Test func theHelpListsTheAnalysisKeys() throws {
        var d = try Self.dashboard(width: 100, height: 40)
        TUITest.press("?", &d)
        #expect(TUITest.overlayText(RootView.render(d.state)).contains("attribution of the selected stage"))
        TUITest.press("<Esc>jjt?", &d)
        let text = TUITest.overlayText(RootView.render(d.state))
        #expect(text.contains("lookback window: 7, 30, 90 or 180 days") && text.contains("by channel, campaign or touchpoint type"))
        #expect(text.contains("list the converters the selected model credits to the row"))
    }

    /// The flows without G's undone move: entries A, E, G → Lead and C, F → Purchase; Lead → Trial (A),
    /// Lead → Lead (E, same), Lead → Purchase (G, a skip); Trial → Purchase twice (A); Purchase → Trial (A, back).
    @Test func flowsShowTheMatrixWithTotalsAndMarks() throws {
        var d = try Self.dashboard()
        TUITest.press("f", &d)
        let lines = RootView.render(d.state).lines
        #expect(lines[1].contains("Stage flows, all transitions: 11 transitions"))
        let entry = try #require(lines.first { $0.hasPrefix(" (entry)") })
        #expect(entry.contains("3 ") && entry.hasSuffix("5"))
        let lead = try #require(lines.first { $0.hasPrefix(" Lead") })
        #expect(lead.contains("1=") && lead.contains("1»") && lead.hasSuffix("3"))
        #expect(lines.first { $0.hasPrefix(" Purchase") }?.contains("1«") == true)
        #expect(lines.first { $0.hasPrefix(" Total") }?.hasSuffix("11") == true)
    }

    @Test func enterOnAFlowCellListsThoseCustomersAndThePeriodChanges() throws {
        var d = try Self.dashboard()
        TUITest.press("f<Enter>", &d)                       // entry → Lead
        #expect(d.state.screen(DrillDownScreen.self)?.customers.map(\.id) == ["A", "E", "G"])
        TUITest.press("<Esc>jjll<Enter>", &d)              // Trial → Purchase: A (twice)
        #expect(d.state.screen(DrillDownScreen.self)?.customers.map(\.id) == ["A"])
        #expect(RootView.render(d.state).lines[1].contains("Customers with a change Trial → Purchase, all transitions"))
        TUITest.press("<Esc>kp", &d)                       // the last 30 days before as_of: G's skip on 06-01
        let screen = try #require(d.state.screen(FlowsScreen.self))
        #expect(screen.periodDays == 30 && screen.result?.rows.map(\.count) == [1])
        #expect(RootView.render(d.state).lines[1].contains("from 2026-05-31: 1 transition"))
        TUITest.press("<Enter>", &d)                        // Lead → Purchase in the period: G
        #expect(d.state.screen(DrillDownScreen.self)?.customers.map(\.id) == ["G"])
    }

    @Test func theFunnelPanelShowsTheStagesInflowsAndOutflows() throws {
        var d = try Self.dashboard(width: 100, height: 30)
        TUITest.press("jj", &d)
        #expect(RootView.render(d.state).text.contains("in: (entry) 2, Trial 2, Lead 1 · out: Trial 1"))
        TUITest.press("k", &d)
        #expect(RootView.render(d.state).text.contains("in: Lead 1, Purchase 1 · out: Purchase 2"))
    }

    @Test func escCancelsTheFlowsPass() throws {
        var d = try Self.dashboard()
        let pass = try #require(d.update(.key(.char("f"))).first)
        #expect(pass.effect.slot == "flows" && pass.effect.cancellable)
        _ = d.update(.progress(pass.id, 0))
        _ = d.update(.key(.escape))
        #expect(pass.token.isCancelled && d.state.status?.text == "cancelled: counting the stage changes")
        #expect(RootView.render(d.state).text.contains("not computed: cancelled: counting the stage changes"))
    }

    /// Cohorts: 2025-12 A and G (A buys in 2026-02 and 2026-05, both touched in 2026-01), 2026-02 D and E,
    /// 2026-03 B (buys at once), 2026-04 C (buys at once), 2026-05 F; H has no date.
    @Test func cohortsShowTheTriangleAndDrillDown() throws {
        var d = try Self.dashboard()
        TUITest.press("c", &d)
        let screen = try #require(d.state.screen(CohortsScreen.self))
        #expect(screen.rows.map(\.month.label) == ["2025-12", "2026-02", "2026-03", "2026-04", "2026-05"])
        #expect(screen.rows.map(\.customers) == [2, 2, 1, 1, 1])
        let lines = RootView.render(d.state).lines
        #expect(lines[1].contains("Cohorts by month of arrival: share with a purchase in each month since"))
        let first = try #require(lines.first { $0.hasPrefix(" 2025-12") })
        #expect(first.contains("▒ 50.0%") && first.contains("·"))
        TUITest.press("ll<Enter>", &d)                      // 2025-12, +2 = 2026-02: A's purchase
        #expect(d.state.screen(DrillDownScreen.self)?.customers.map(\.id) == ["A"])
        #expect(RootView.render(d.state).lines[1].contains("Cohort 2025-12: customers with a purchase in 2026-02"))
        TUITest.press("<Esc>hb<Enter>", &d)                 // active, +1 = 2026-01: A and G
        #expect(d.state.screen(DrillDownScreen.self)?.customers.map(\.id) == ["A", "G"])
        TUITest.press("<Esc>jjjjjlll", &d)                  // the cursor stays on the triangle: 2026-05 has +0 and +1
        #expect(try #require(d.state.screen(CohortsScreen.self)).row == 4 && d.state.screen(CohortsScreen.self)?.column == 1)
    }

    @Test func escCancelsTheCohortsPass() throws {
        var d = try Self.dashboard()
        let pass = try #require(d.update(.key(.char("c"))).first)
        #expect(pass.effect.slot == "cohorts" && pass.effect.cancellable)
        _ = d.update(.progress(pass.id, 0))
        _ = d.update(.key(.escape))
        #expect(pass.token.isCancelled)
        #expect(RootView.render(d.state).text.contains("not computed: cancelled: grouping the customers by month of arrival"))
    }

    static let screens: [(name: String, keys: String)] = [("cohorts", "cjl"), ("attribution", "jjtj"), ("drilldown", "jjtjj<Enter>"), ("flows", "fjl")]

    @Test(arguments: screens.map(\.name), [(80, 24), (120, 40)])
    func goldenScreens(screen: String, size: (Int, Int)) throws {
        for language in [Language.en, .de] {
            var d = try Self.dashboard(width: size.0, height: size.1)
            d.state.language = language
            TUITest.press(Self.screens.first { $0.name == screen }!.keys, &d)
            let prefix = language == .de ? "de-" : ""
            try TUITest.expectScreen(RootView.render(d.state), "\(prefix)\(screen)-\(size.0)x\(size.1)")
        }
    }
}
