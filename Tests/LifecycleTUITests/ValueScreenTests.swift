import Foundation
import Testing
@testable import LifecycleKit
@testable import LifecycleTUI

/// Where the value figures show apart from the lists: the journey's value panel, the funnel's
/// per-stage figures and the model screen (golden screens in English and German), and the
/// drawing helpers they share.
@Suite struct ValueScreenTests {
    @Test func sparklinesAndBars() {
        #expect(Glyphs.sparkline([0, 1, 2, 4]) == "▁▃▅█")
        #expect(Glyphs.sparkline([0, 0]) == "▁▁" && Glyphs.sparkline([]) == "")
        #expect(Glyphs.sparkline([3]) == "█")
        #expect(Glyphs.bar(0.5, width: 4) == "██")
        #expect(Glyphs.bar(0.01, width: 4) == "▏")
        #expect(Glyphs.bar(0.01, width: 4, atLeastOne: false) == "")
        #expect(Glyphs.bar(0.3, width: 2) == "▋")      // 0.3 × 16 eighths ≈ 5 eighths
        #expect(Glyphs.bar(0, width: 4) == "" && Glyphs.bar(2, width: 2) == "██" && Glyphs.bar(.nan, width: 2) == "")
    }

    @Test func gaugeDrawsTheShareOverATrack() {
        var grid = CellGrid(width: 12, height: 1)
        Glyphs.drawGauge(0.75, x: 1, y: 0, width: 8, into: &grid)
        #expect(grid.lines[0] == " ██████··")
        #expect(grid.roles(row: 0)[1] == .bar && grid.roles(row: 0)[7] == .barEmpty)
    }

    @Test func purchaseDaysPerMonthUpToAsOf() {
        let t = { (s: String) in Timestamp(s)! }
        let purchases: [(at: Timestamp, value: Double?)] = [
            (t("2026-02-01T08:00:00Z"), 30), (t("2026-02-01T18:00:00Z"), 5),   // one day
            (t("2026-02-20"), 1), (t("2026-04-01"), 20.25),
            (t("2025-01-01"), 9),                                               // before the 12 months
            (t("2026-11-05"), 7),                                               // after as_of
        ]
        let m = JourneyValuePanel.perMonth(purchases, asOf: t("2026-11-01"), count: 12)
        #expect(m.counts == [0, 0, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0])
        #expect(m.first == "2025-12" && m.last == "2026-11")
    }

    @Test func journeyPanelOfABuyerANonBuyerAndWhileComputing() throws {
        var d = try TUITest.dashboard(width: 80, height: 24)
        TUITest.press("j<Enter><Enter>", &d)               // Çağla 李: purchases on 2026-02-01 and 2026-04-01
        var text = RootView.render(d.state).text
        #expect(text.contains("2 purchase days · monetary 20.25 EUR · CLV 0.00 EUR"))
        #expect(text.contains("RFM 442 Loyal"))
        TUITest.press("<Esc><Esc>k<Enter><Enter>", &d)      // Awareness: no purchase
        #expect(RootView.render(d.state).text.contains("Value  no purchase: no model figures"))
        var pending = try TUITest.dashboard(width: 80, height: 24, pending: true)
        TUITest.press("j<Enter><Enter>", &pending)
        text = RootView.render(pending.state).text
        #expect(text.contains("2 purchase days") && text.contains("computing customer value…"))
        // From 110 columns the panel is a column beside the timeline.
        var wide = try TUITest.dashboard(width: 120, height: 40)
        TUITest.press("j<Enter><Enter>", &wide)
        let lines = RootView.render(wide.state).lines
        #expect(lines[6].hasSuffix("│ Value") && lines[10].contains("│ P(alive)    ") && lines[10].hasSuffix("0.0%"))
        #expect(lines.contains { $0.hasSuffix("│ per month   ▁▁█▁█▁▁▁▁▁▁▁") })
        TUITest.press("<Esc><Esc>k<Enter><Enter>", &wide)
        #expect(RootView.render(wide.state).lines[7].hasSuffix("│ no purchase: no model figures"))
    }

    @Test func aMoveUpdatesTheStageFiguresWithoutARefit() throws {
        var (d, _, dir) = try DashboardMoveTests.dashboard()
        defer { try? FileManager.default.removeItem(at: dir) }
        TUITest.loadValues(&d)
        let before = try #require(d.state.funnel.values)
        #expect(before.map(\.buyers) == [0, 1, 2, 0, 0])   // Çağla in consideration; Anna, Bernd in purchase
        var slots: [String] = []
        for key in TUITest.keys("j<Enter><Enter>m3<Enter><Enter>") {   // Çağla → Purchase
            var queue = d.update(.key(key))
            while !queue.isEmpty {
                let next = queue.removeFirst()
                slots.append(next.effect.slot)
                queue += d.update(next.run(store: d.store))
            }
        }
        #expect(d.state.status?.text == "Moved Çağla 李: Consideration → Purchase")
        #expect(slots.contains("panel") && !slots.contains("values"))
        let after = try #require(d.state.funnel.values)
        #expect(after.map(\.buyers) == [0, 0, 3, 0, 0])
        #expect(after[2].withProbability == before[1].withProbability + before[2].withProbability)
    }

    @Test func theFunnelSaysWhatTheSelectedStageIsWorth() throws {
        var d = try TUITest.dashboard(width: 100, height: 30)
        TUITest.press("jj", &d)   // Purchase: Anna and Bernd
        let text = RootView.render(d.state).text
        #expect(text.contains("value: 2 buyers"))
        let pending = try TUITest.dashboard(width: 100, height: 30, pending: true)
        #expect(RootView.render(pending.state).text.contains("value: computing customer value…"))
    }

    @Test func fromA140ColumnTerminalEveryStageShowsItsValueColumns() throws {
        let d = try TUITest.dashboard(width: 150, height: 30)
        try TUITest.expectScreen(RootView.render(d.state), "funnel-value-150x30")
        let lines = RootView.render(d.state).lines
        #expect(lines[2].hasSuffix("Buyers  At risk           CLV"))
        let purchase = try #require(lines.first { $0.contains("Purchase") })
        #expect(purchase.hasSuffix("2        0          7.16"))   // Anna and Bernd, both P(alive) 1 here (never repeated)
        let pending = try TUITest.dashboard(width: 150, height: 30, pending: true)
        #expect(RootView.render(pending.state).lines.first { $0.contains("Purchase") }?.hasSuffix("…        …             …") == true)
    }

    static let modelScreens: [(name: String, keys: String)] = [("model", "v"), ("model-holdout", "vc2026-03-01<Enter>")]

    @Test(arguments: modelScreens.map(\.name), [(80, 24), (120, 40)])
    func modelScreen(screen: String, size: (Int, Int)) throws {
        for language in [Language.en, .de] {
            var d = try TUITest.valueShopDashboard(width: size.0, height: size.1)
            d.state.language = language
            TUITest.press(Self.modelScreens.first { $0.name == screen }!.keys, &d)
            let prefix = language == .de ? "de-" : ""
            try TUITest.expectScreen(RootView.render(d.state), "\(prefix)\(screen)-\(size.0)x\(size.1)")
        }
    }

    @Test func theModelScreenScrollsAndShowsTheHoldoutCheck() throws {
        var d = try TUITest.valueShopDashboard(width: 80, height: 24)
        TUITest.press("v", &d)
        var text = RootView.render(d.state).text
        #expect(text.contains("Customer value model") && text.contains("r ") && text.contains("log-likelihood"))
        #expect(text.contains("1–22 of "))
        TUITest.press("G", &d)
        text = RootView.render(d.state).text
        #expect(text.contains("No holdout check yet: c sets a calibration end"))
        TUITest.press("cnot a date<Enter>", &d)
        #expect(d.state.status?.text == "not a date: not a date")
        TUITest.press("c2026-03-01<Enter>G", &d)
        text = RootView.render(d.state).text
        #expect(text.contains("Holdout purchase days per buyer"))
        #expect(text.contains("7+"))
        let screen = try #require(d.state.screen(ModelScreen.self))
        guard case .check(let check, _)? = screen.holdout else { Issue.record("no holdout check"); return }
        #expect(check.calibrationEnd == Timestamp("2026-03-01"))
        #expect(check.actual == 232 && abs(check.predicted - 187.8) < 0.05)   // as `clc model --calibration-end 2026-03-01`
        TUITest.press("<Esc>", &d)
        #expect(d.state.screen(FunnelScreen.self) != nil)
    }

    @Test func theModelScreenWaitsForTheValueFigures() throws {
        var d = try TUITest.dashboard(width: 80, height: 24, pending: true)
        TUITest.press("v", &d)
        #expect(RootView.render(d.state).text.contains("computing customer value…"))
        TUITest.loadValues(&d)
        #expect(RootView.render(d.state).text.contains("BG/NBD"))
    }

    /// The start-up computation is told in the header, so a message in the status bar (a move
    /// made meanwhile) is shown whole (it used to be cut by "computing customer value…").
    @Test func computingValuesIsToldInTheHeaderNotTheStatusBar() throws {
        var d = try TUITest.dashboard(width: 100, height: 24, pending: true)
        _ = d.requestValues()
        d.state.status = StatusMessage(.stUpdated)
        let lines = RootView.render(d.state).lines
        #expect(lines[0].contains("computing customer value…"))
        #expect(!lines[23].contains("computing") && lines[23].contains(StatusMessage(.stUpdated).text))
        TUITest.loadValues(&d)
        #expect(!RootView.render(d.state).lines[0].contains("computing"))
    }

    @Test func escCancelsTheHoldoutFit() throws {
        var d = try TUITest.valueShopDashboard(width: 80, height: 24)
        TUITest.press("vc2026-03-01", &d)
        let fit = try #require(d.update(.key(.enter)).first)       // issued, not run
        #expect(fit.effect.slot == "holdout" && fit.effect.cancellable)
        #expect(RootView.render(d.state).text.contains("fitting on purchases up to 2026-03-01…"))
        _ = d.update(.progress(fit.id, 0))                          // still running after a moment
        #expect(d.state.busy != nil)
        _ = d.update(.key(.escape))
        #expect(fit.token.isCancelled)
        #expect(d.state.status?.text == "cancelled: fitting on purchases up to 2026-03-01")
        _ = d.update(.key(.char("G")))
        #expect(RootView.render(d.state).text.contains("No holdout check yet"))
        _ = d.update(fit.run(store: d.store))                       // a late result is dropped
        #expect(d.state.screen(ModelScreen.self)?.holdout == nil)
    }

    @Test func theHelpListsTheModelKeys() throws {
        var d = try TUITest.dashboard(width: 100, height: 30)
        TUITest.press("?", &d)
        #expect(TUITest.overlayText(RootView.render(d.state)).contains("customer value model"))
        TUITest.press("<Esc>v?", &d)
        let help = TUITest.overlayText(RootView.render(d.state))
        #expect(help.contains("set a calibration end"))
        #expect(help.contains("fit up to the date typed"))
    }
}
