import Foundation
import Testing
@testable import LifecycleKit
@testable import LifecycleTUI

/// The dashboard in German: golden screens of the funnel, a list, a journey, the help and the
/// move dialog at 80×24 and 120×40, and no text cut in German that English shows whole.
@Suite struct GermanScreenTests {
    /// Keys from the funnel of `hand-made.json` to each screen.
    static let screens: [(name: String, keys: String)] = [
        ("funnel", "j"),
        ("list", "jj<Enter>j"),
        ("journey", "j<Enter><Enter>"),
        ("help", "<Enter>?"),
        ("stage-picker", "<Enter>mj"),
        ("confirm", "<Enter><Space><Space>m4<Enter><Enter>"),
    ]

    static func german(_ d: Dashboard) -> Dashboard {
        var d = d
        d.state.language = .de
        return d
    }

    @Test(arguments: screens.map(\.name), [(80, 24), (120, 40)])
    func germanScreen(screen: String, size: (Int, Int)) throws {
        var d = Self.german(try TUITest.dashboard(width: size.0, height: size.1))
        TUITest.press(Self.screens.first { $0.name == screen }!.keys, &d)
        try TUITest.expectScreen(RootView.render(d.state), "de-\(screen)-\(size.0)x\(size.1)")
    }

    @Test func theFunnelHeaderAndFiguresAreGerman() throws {
        let d = Self.german(try TUITest.dashboard(width: 120, height: 40))
        let text = RootView.render(d.state).text
        for word in ["Stand ", " Kunden", "Umsatz ", "Phase", "Anteil", "Konversion", "Median Tage", "Erreicht", "Hilfe", "beenden"] {
            #expect(text.contains(word), "no \(word)")
        }
        #expect(!text.contains("customers"))
        #expect(text.contains(" %"))
    }

    /// Every screen of both fixtures at 80×24: German shows no more `…` than English (a
    /// header item, column title, details line or hint cut short).
    @Test func nothingIsCutInGermanThatFitsInEnglish() throws {
        let quit: (inout Dashboard) -> Void = { d in d.state.unsaved = true; d.push(QuitPromptScreen()) }
        let cases: [(String, () throws -> Dashboard, String, ((inout Dashboard) -> Void)?)] =
            NarrowScreenTests.screens.map { ("cdnow " + $0.name, { try TUITest.cdnowDashboard() }, $0.keys, nil) }
            + Self.screens.map { ("hand-made " + $0.name, { try TUITest.dashboard(width: 80, height: 24) }, $0.keys, nil) }
            + [("quit prompt", { try TUITest.cdnowDashboard() }, "", quit),
               ("save as", { try TUITest.cdnowDashboard() }, "", { d in d.push(SaveAsScreen(name: "cdnow-like-2.json")) })]
        for (name, make, keys, extra) in cases {
            var shown: [Language: String] = [:]
            for language in Language.allCases {
                var d = try make()
                d.state.language = language
                TUITest.press(keys, &d)
                extra?(&d)
                shown[language] = RootView.render(d.state).text
            }
            let cuts = { (text: String) in text.filter { $0 == "…" }.count }
            #expect(cuts(shown[.de]!) <= cuts(shown[.en]!), "\(name) is cut in German:\n\(shown[.de]!)")
        }
    }

    @Test func theStaleJournalPromptInGermanCutsNothing() throws {
        var (d, path) = try DashboardStaleJournalTests.staleDashboard()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        d.handle(.resize(width: 80, height: 24))
        let english = RootView.render(d.state)
        d.state.language = .de
        let german = RootView.render(d.state)
        try TUITest.expectScreen(german, "de-stale-journal-80x24")
        #expect(german.text.contains("kann nicht angewendet werden") && german.text.contains("Esc: schreibgeschützt ansehen"))
        #expect(german.text.filter { $0 == "…" }.count <= english.text.filter { $0 == "…" }.count)
    }

    /// Status messages are values in state: the same message shows in either language.
    @Test func statusMessagesAreMessagesRenderedInTheLanguageShown() throws {
        var d = try TUITest.dashboard(width: 100, height: 24)
        TUITest.press("<Enter>c", &d)
        #expect(d.state.status?.message == Message(.stMarksCleared))
        #expect(RootView.render(d.state).lines[23].contains("marks cleared"))
        d.state.language = .de
        #expect(RootView.render(d.state).lines[23].contains("Markierungen aufgehoben"))
        TUITest.press("s", &d)
        #expect(RootView.render(d.state).lines[23].contains("sortiert nach E-Mail ↑"))
        d.state.status = nil
        d.state.busy = Busy(id: 1, label: .inProgress(.prMarking, .count(1_204)), done: 300, cancellable: true)
        #expect(RootView.render(d.state).lines[23].contains("1.204 Kunden werden markiert… 300 · Esc bricht ab"))
    }

    @Test func theDashboardOpensInTheLanguageGiven() throws {
        let d = try Dashboard(store: try TUITest.store(), width: 80, height: 24, fileLabel: "hand-made.json", language: .de)
        #expect(d.state.language == .de)
        #expect(RootView.render(d.state).lines[0].contains("Stand 01.11.2026 · 6 Kunden"))
    }
}
