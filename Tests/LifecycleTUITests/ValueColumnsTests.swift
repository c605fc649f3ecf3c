import Foundation
import Testing
@testable import LifecycleKit
@testable import LifecycleTUI

/// Value figures in the lists: the columns CLV, P(alive) and RFM segment once the store has
/// the table, `s` cycling through them, and the filter picker's value entries (computing…
/// until then), in English and German, as golden screens of `value-demo.json` (300
/// customers, 240 buyers, purchases drawn from a BG/NBD-like process so that both fits converge).
@Suite struct ValueColumnsTests {
    /// Computes the value table and hands it to the dashboard, as the runner does at start.
    static func withValues(_ d: inout Dashboard) {
        guard let issued = d.requestValues() else { return }
        d.handle(issued.run(store: d.store))
    }

    static func dashboard(_ size: (Int, Int), _ language: Language, values: Bool = true) throws -> Dashboard {
        let store = try JSONSnapshotStore(path: TUITest.fixtures.appendingPathComponent("value-demo.json").path)
        var d = try Dashboard(store: store, width: size.0, height: size.1, fileLabel: "value-demo.json", language: language)
        d.handle(.reportReady(try store.funnelReport()))
        if values { withValues(&d) }
        return d
    }

    /// Name, email, segment, days, touchpoints, last touch, revenue, then CLV.
    static let toCLV = "sssssss"

    @Test(arguments: [Language.en, .de], [(80, 24), (120, 40)])
    func listSortedByCLV(language: Language, size: (Int, Int)) throws {
        var d = try Self.dashboard(size, language)
        TUITest.press("<Enter>" + Self.toCLV + "S", &d)
        let grid = RootView.render(d.state)
        try TUITest.expectScreen(grid, "\(language == .de ? "de-" : "")values-list-\(size.0)x\(size.1)")
        #expect(grid.lines[1].contains(language == .de ? "CLV ↓" : "sorted by CLV ↓"))
    }

    @Test(arguments: [Language.en, .de], [(80, 24), (120, 40)])
    func filterPickerWithValueEntries(language: Language, size: (Int, Int)) throws {
        var d = try Self.dashboard(size, language)
        TUITest.press("<Enter>f<Tab><Tab>j", &d)
        let grid = RootView.render(d.state)
        try TUITest.expectScreen(grid, "\(language == .de ? "de-" : "")values-filter-\(size.0)x\(size.1)")
        #expect(grid.text.contains(language == .de ? "gefährdet (P(aktiv) < 0,50)" : "at risk (P(alive) < 0.50)"))
    }

    /// 120 columns: all three value columns beside the others; German money as `1.204,50 $`-style.
    @Test func wideListShowsAllThreeColumns() throws {
        for language in [Language.en, .de] {
            var d = try Self.dashboard((120, 40), language)
            TUITest.press("<Enter>", &d)
            let header = RootView.render(d.state).lines[2]
            for key in [MessageKey.columnCLV, .columnPAlive, .columnRFMSegment, .uiColumnName, .columnRevenue] {
                #expect(header.contains(Message(key).text(in: language)), "\(language) \(key)")
            }
        }
    }

    /// Until the table is in, a list looks exactly as before and the picker says computing….
    @Test func beforeTheValuesTheListIsUnchangedAndThePickerSaysComputing() throws {
        var d = try Self.dashboard((120, 40), .en, values: false)
        TUITest.press("<Enter>", &d)
        let before = RootView.render(d.state).text
        #expect(!before.contains("CLV") && !before.contains("P(alive)"))
        TUITest.press(Self.toCLV, &d)   // without values `s` wraps around after revenue
        #expect(d.state.top.context == .stageList)
        #expect(RootView.render(d.state).lines[1].contains("sorted by name"))   // seven fields, then name again
        TUITest.press("f<Tab><Tab>", &d)
        let picker = RootView.render(d.state).text
        #expect(picker.contains("computing…"))
        TUITest.press("<Enter>", &d)
        #expect(RootView.render(d.state).lines[1].contains("filter") == false)
    }

    /// The at-risk entry filters the list to buyers whose P(alive) is below the config's threshold.
    @Test func atRiskFilterKeepsOnlyThoseBelowTheThreshold() throws {
        var d = try Self.dashboard((120, 40), .en)
        d.state.atRiskBelow = 0.3
        // The picker's entries were made with 0.5; new ones come with the next table.
        #expect(d.state.valueChoices.first?.filter == .atRisk(below: 0.5))
        TUITest.press("<Enter>f<Tab><Tab>j<Enter>", &d)
        guard let list = (d.state.top as? StageListScreen)?.list else { Issue.record("no list"); return }
        #expect(list.filter.value == .atRisk(below: 0.5))
        #expect(list.total > 0)
        for i in 0..<min(list.total, 20) {
            if let p = list.row(at: i)?.value?.probabilityAlive { #expect(p < 0.5) } else if list.row(at: i) != nil { Issue.record("no P(alive)") }
        }
        #expect(RootView.render(d.state).lines[1].contains("at risk (P(alive) < 0.50)"))
    }

    @Test func configReadsTheAtRiskThreshold() throws {
        #expect(try UserConfig.parse("at_risk_below = 0.35").atRiskBelow == 0.35)
        #expect(try UserConfig.parse("at_risk_below = 1").atRiskBelow == 1)
        #expect(try UserConfig.parse("theme = \"light\"").atRiskBelow == 0.5)
        #expect(throws: TOMLProblem.self) { try UserConfig.parse("at_risk_below = 0") }
        #expect(throws: TOMLProblem.self) { try UserConfig.parse("at_risk_below = \"half\"") }
    }

    /// CLV bands are the top 10 %, top 25 % and bottom 50 % of the buyers with a CLV.
    @Test func clvBandsAreQuantilesOfTheBuyers() {
        let n = 20
        let table = CustomerValueTable(
            model: CustomerValueModel.fit([], observationEnd: Timestamp(microseconds: 0)).model,
            ids: (0..<n).map { String(format: "C%02d", $0) }, purchases: (0..<n).map { $0 == 0 ? 0 : 1 },
            probabilityAlive: .init(repeating: 0.5, count: n), expectedPurchases90: .init(repeating: 1, count: n),
            clv: (0..<n).map { $0 == 0 ? .nan : Float($0 * 10) }, rfm: .init(repeating: 111, count: n))
        let choices = ValueFilterChoice.all(table, atRiskBelow: 0.4, currency: "EUR")
        #expect(choices.count == 1 + RFMSegment.allCases.count + 3)
        #expect(choices[0].filter == .atRisk(below: 0.4))
        // 19 CLVs 10…190: top 10 % from index 17 (180), top 25 % from index 14 (150), median index 9 (100).
        #expect(choices.suffix(3).map(\.filter) == [.clv(min: 180, max: nil), .clv(min: 150, max: nil), .clv(min: nil, max: 100)])
        #expect(choices.last?.label.text(in: .de) == "CLV unterste 50 % (< 100,00 €)")
    }
}
