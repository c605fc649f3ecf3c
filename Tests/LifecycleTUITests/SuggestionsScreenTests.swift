import Foundation
import Testing
@testable import LifecycleKit
@testable import LifecycleTUI

/// The suggestions screen (`R` on the funnel) on the hand-made snapshot (as_of 2026-11-01):
/// Quiet buyers matches C1 (last purchase 245 days before) and C2 (264 days); Valuable buyers
/// reads CLV and waits for the value figures; Repeat buyers matches C3 (two purchases).
@Suite struct SuggestionsScreenTests {
    static let rules = """
        [[rule]]
        name = "Quiet buyers"
        stage = "purchase"
        when = "days_since_last_purchase > 200"
        move_to = "retention"

        [[rule]]
        name = "Valuable buyers"
        stage = "purchase"
        when = "clv > 0 and p_alive > 0"
        move_to = "loyalty"

        [[rule]]
        name = "Repeat buyers"
        stage = "consideration"
        when = "purchases >= 2"
        move_to = "retention"
        """

    static let now = Timestamp("2026-11-02T10:42:00Z")!

    /// A temporary folder with `shop.rules.toml` (the given text) in it.
    static func folder(_ text: String = rules) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("clc-suggest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try text.write(to: dir.appendingPathComponent("shop.rules.toml"), atomically: true, encoding: .utf8)
        return dir
    }

    /// The hand-made JSON snapshot (read only here), the rules file in `dir`.
    static func dashboard(_ dir: URL, width: Int = 100, height: Int = 30, pending: Bool = false) throws -> Dashboard {
        var d = try TUITest.dashboard(width: width, height: height, pending: pending)
        d.state.rulesFile = dir.appendingPathComponent("shop.rules.toml").path
        return d
    }

    /// A writable SQLite copy of the hand-made snapshot as `shop.sqlite`, the rules beside it.
    static func sqliteDashboard(_ dir: URL) throws -> (Dashboard, SQLiteSnapshotStore) {
        let path = dir.appendingPathComponent("shop.sqlite").path
        try TUITest.store().export(to: try SQLiteSnapshotWriter(path: path))
        let store = try SQLiteSnapshotStore(path: path)
        var d = try Dashboard(store: store, width: 100, height: 30, fileLabel: "shop.sqlite", user: "tester", clock: { now })
        TUITest.loadValues(&d)
        return (d, store)
    }

    static func screen(_ d: Dashboard) throws -> SuggestionsScreen { try #require(d.state.screen(SuggestionsScreen.self)) }

    /// Runs the issued effects (and those they lead to) to the end.
    static func run(_ effects: [IssuedEffect], _ d: inout Dashboard) {
        for e in effects { d.handle(e.run(store: d.store)) }
    }

    @Test func theRulesFileBesideTheSnapshotIsTheDefault() throws {
        let d = try TUITest.dashboard()
        #expect(d.state.rulesFile.hasSuffix("Fixtures/hand-made.rules.toml"))
    }

    @Test func countsArriveInTheBackgroundAndValueRulesWaitForTheValues() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var d = try Self.dashboard(dir, pending: true)
        let reading = d.update(.key(.char("R")))
        #expect(try Self.screen(d).file == .reading && reading.map(\.effect.slot) == ["rules"])
        let counting = d.update(reading[0].run(store: d.store))
        #expect(try Self.screen(d).counts == [.counting, .waitingForValues, .counting])
        #expect(counting.map(\.effect.slot) == ["counts"] && counting[0].effect.cancellable)
        var text = RootView.render(d.state).text
        #expect(text.contains("Quiet buyers") && text.contains("Purchase → Retention") && text.contains("days_since_last_purchase > 200"))
        #expect(text.contains("…") && text.contains("waiting"))
        Self.run(counting, &d)
        #expect(try Self.screen(d).counts == [.counted(["C1", "C2"]), .waitingForValues, .counted(["C3"])])
        TUITest.press("j", &d)
        text = RootView.render(d.state).text
        #expect(text.contains("Reads customer values (clv, p_alive, rfm): counted once they are computed."))
        // The values arrive: every rule is counted again, the value rule as `clc rules` counts it.
        TUITest.loadValues(&d)
        let expected = try RuleRunner.run(try RulesFile.parse(Self.rules, file: "shop.rules.toml", stages: d.store.stages), in: d.store)
        #expect(try Self.screen(d).counts == expected.map { .counted($0.ids) })
        #expect(!RootView.render(d.state).text.contains("waiting"))
    }

    @Test func valueRulesSayWhenTheValuesCouldNotBeComputed() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var d = try Self.dashboard(dir, pending: true)
        d.state.valuesError = "nobody bought on a second day"
        TUITest.press("Rj", &d)
        let text = RootView.render(d.state).text
        #expect(text.contains("not available"))
        #expect(text.contains("Reads customer values, which could not be computed: nobody bought on a second day"))
    }

    @Test func enterListsTheMatchesInADrillDown() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var d = try Self.dashboard(dir)
        TUITest.press("R<Enter>", &d)
        let list = try #require(d.state.screen(DrillDownScreen.self))
        #expect(list.customers.map(\.id) == ["C1", "C2"])
        #expect(list.customers.map(\.name) == ["Anna Müller", "Bernd Ōta"])
        #expect(RootView.render(d.state).lines[1].contains("Matches of Quiet buyers: Purchase → Retention  2 customers"))
        TUITest.press("<Esc>jj<Enter>", &d)
        #expect(d.state.screen(DrillDownScreen.self)?.customers.map(\.id) == ["C3"])
    }

    @Test func aAsksThenAppliesAsOneActionAndUUndoesItWhole() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var (d, store) = try Self.sqliteDashboard(dir)
        TUITest.press("Ra", &d)
        guard d.state.overlay is ConfirmScreen else { Issue.record("no confirmation"); return }
        let question = TUITest.overlayText(RootView.render(d.state))
        #expect(question.contains("Move 2 customers from Purchase to Retention (rule: Quiet buyers)?"), "\(question)")
        #expect(question.contains("rule: Quiet buyers"))
        TUITest.press("n", &d)
        #expect(try store.customer(id: "C1")?.stage == "purchase" && d.state.status?.text == "nothing moved")
        TUITest.press("ay", &d)
        #expect(d.state.status?.text == "Quiet buyers: moved 2 customers from Purchase to Retention")
        var moved: [Int64] = []
        for id in ["C1", "C2"] {
            let t = try #require(try store.transitions(ofCustomer: id).last)
            #expect(t.from == "purchase" && t.to == "retention" && t.by == "tester" && t.note == "rule: Quiet buyers" && t.at == Self.now)
            moved.append(try #require(t.id))
        }
        #expect(d.state.funnel.counts == [2, 2, 0, 2, 0])
        #expect(try Self.screen(d).counts[0] == .counted([]))          // counted again after the move
        TUITest.press("u", &d)                                          // one u undoes both
        #expect(d.state.status?.text == "Undone: moved back 2 customers")
        for (id, original) in zip(["C1", "C2"], moved) {
            let t = try #require(try store.transitions(ofCustomer: id).last)
            #expect(t.from == "retention" && t.to == "purchase" && t.note == "undo: rule: Quiet buyers" && t.reverts == original)
            #expect(try store.customer(id: id)?.stage == "purchase")
        }
        #expect(d.state.funnel.counts == [2, 2, 2, 0, 0])
        #expect(try Self.screen(d).counts[0] == .counted(["C1", "C2"]))
    }

    @Test func aRefusesOnAReadOnlyFileAndWhileCounting() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var d = try Self.dashboard(dir)
        d.state.readOnly = true
        TUITest.press("Ra", &d)
        #expect(d.state.overlay == nil && d.state.status?.kind == .error)
        var p = try Self.dashboard(dir, pending: true)
        let reading = p.update(.key(.char("R")))
        _ = p.update(reading[0].run(store: p.store))
        TUITest.press("a", &p)
        #expect(p.state.status?.text == "Quiet buyers: still being counted" && p.state.overlay == nil)
        TUITest.press("j<Enter>", &p)
        #expect(p.state.status?.text == "Valuable buyers: waiting for the customer values" && p.state.screen(DrillDownScreen.self) == nil)
    }

    @Test func escCancelsTheCountAndRCountsAgain() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var d = try Self.dashboard(dir)
        let reading = d.update(.key(.char("R")))
        let counting = d.update(reading[0].run(store: d.store))
        _ = d.update(.progress(counting[0].id, 0))
        TUITest.press("<Esc>", &d)
        #expect(try Self.screen(d).counts.allSatisfy { if case .notCounted = $0 { true } else { false } })
        #expect(d.state.status?.text == "cancelled: counting the rules' matches")
        #expect(RootView.render(d.state).text.contains("Not counted: cancelled: counting the rules' matches (R counts again)"))
        TUITest.press("R", &d)
        #expect(try Self.screen(d).counts.first == .counted(["C1", "C2"]))
    }

    @Test func aMissingRulesFileSaysWhereToPutOne() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var d = try Self.dashboard(dir, width: 100, height: 30)
        d.state.rulesFile = dir.appendingPathComponent("none.rules.toml").path
        TUITest.press("R", &d)
        let text = RootView.render(d.state).lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(text.contains("No rules file: " + dir.path), "\(RootView.render(d.state).text)")
        #expect(text.contains("FILE.rules.toml, beside the snapshot") && text.contains("clc FILE --rules R"))
        #expect(text.contains("move_to = \"reengagement\""))
        TUITest.press("a<Enter>", &d)                                   // nothing to apply or list
        #expect(d.state.overlay == nil && d.state.screen(SuggestionsScreen.self) != nil)
    }

    @Test func aWrongRulesFileShowsEveryProblemWithItsPlace() throws {
        let dir = try Self.folder("""
            [[rule]]
            name = "Broken"
            stage = "purchase"
            when = "days_since_last_purchase > 90 OR purchases > 1"
            move_to = "winback"
            """)
        defer { try? FileManager.default.removeItem(at: dir) }
        var d = try Self.dashboard(dir)
        TUITest.press("R", &d)
        let text = RootView.render(d.state).text
        #expect(text.contains("2 problems in the rules file"))
        #expect(text.contains("shop.rules.toml line 4, position ") && text.contains(": expected and, or or the end, found O"), "\(text)")
        #expect(text.contains("shop.rules.toml line 5: unknown stage \"winback\""))
    }

    /// At the smallest size the rows scroll and the selected rule stays in view, the expression
    /// cut in its column but whole below the rows.
    @Test func theSmallestTerminalKeepsTheSelectedRuleInView() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var d = try Self.dashboard(dir, width: 50, height: 12)
        TUITest.press("Rjj", &d)
        let grid = RootView.render(d.state)
        let row = try #require(grid.lines.firstIndex { $0.contains("Repeat buyers") }, "\(grid.text)")
        #expect(grid.roles(row: row).contains(.selected))
        #expect(!grid.text.contains("Quiet buyers") && grid.text.contains("when purchases >= 2"), "\(grid.text)")
    }

    @Test(arguments: [Language.en, .de], [(80, 24), (120, 40)])
    func goldenScreens(language: Language, size: (Int, Int)) throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var d = try Self.dashboard(dir, width: size.0, height: size.1)
        d.state.language = language
        TUITest.press("R", &d)
        let prefix = language == .de ? "de-" : ""
        try TUITest.expectScreen(RootView.render(d.state), "\(prefix)suggestions-\(size.0)x\(size.1)")
    }

    @Test func theConfirmationInGermanAndNothingCutThatEnglishShows() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var shown: [Language: String] = [:]
        for language in Language.allCases {
            var d = try Self.dashboard(dir, width: 80, height: 24)
            d.state.language = language
            TUITest.press("R", &d)
            shown[language] = RootView.render(d.state).text
            if language == .de {
                TUITest.press("a", &d)
                try TUITest.expectScreen(RootView.render(d.state), "de-suggestions-confirm-80x24")
                let question = TUITest.overlayText(RootView.render(d.state))
                #expect(question.contains("2 Kunden aus Purchase nach Retention verschieben (Regel: Quiet buyers)?"), "\(question)")
            }
        }
        let cuts = { (text: String) in text.filter { $0 == "…" }.count }
        #expect(cuts(shown[.de]!) <= cuts(shown[.en]!), "\(shown[.de]!)")
    }
}
