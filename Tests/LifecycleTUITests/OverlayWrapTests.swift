import Testing
@testable import LifecycleKit
@testable import LifecycleTUI

/// Overlays wrap their text on word boundaries and grow to fit it: a sentence is never cut.
@Suite struct OverlayWrapTests {
    static let sizes = [(250, 60), (120, 40), (80, 24), (60, 20), (50, 12)]

    @Test(arguments: sizes.map { [$0.0, $0.1] })
    func theQuitPromptSaysItAll(size: [Int]) throws {
        var d = try TUITest.cdnowDashboard(width: size[0], height: size[1])
        d.push(QuitPromptScreen())
        let text = TUITest.overlayText(RootView.render(d.state))
        #expect(text.contains("Your changes are safe in the journal beside the file and come back when you open it again; w writes them into the file now."), "\(text)")
        #expect(text.contains("w: save and quit · q: quit · Esc: stay"), "\(text)")
        #expect(!text.contains("…"))
    }

    @Test(arguments: sizes.map { [$0.0, $0.1] })
    func theConfirmationSaysItAll(size: [Int]) throws {
        var d = try TUITest.cdnowDashboard(width: size[0], height: size[1])
        TUITest.press("j<Enter><Space><Space><Tab><Space>m4<Enter><Enter>", &d)
        let text = TUITest.overlayText(RootView.render(d.state))
        #expect(text.contains("Move 3 customers (2 from Retention, 1 from Re-engagement) to Loyalty?"), "\(text)")
        #expect(text.contains("y or Enter: move them · n or Esc: cancel"), "\(text)")
        #expect(!text.contains("…"))
    }

    /// Help at any size: every key's text is there whole (wrapped if need be), scrolled into view.
    @Test(arguments: ["", "j<Enter>", "j<Enter><Enter>"], [[80, 24], [60, 20], [50, 12]])
    func helpTextsAreWhole(keys: String, size: [Int]) throws {
        var d = try TUITest.cdnowDashboard(width: size[0], height: size[1])
        TUITest.press(keys + "?", &d)
        var text = ""
        for _ in 0..<40 {
            text += " " + TUITest.overlayText(RootView.render(d.state))
            TUITest.press("j", &d)
        }
        for b in KeyBindings.bindings(in: d.state.screen.context) {
            #expect(text.contains(Message(b.help).text(in: .en)), "help lacks \(b.help)")
        }
        #expect(!text.contains("…"))
    }

    /// At the smallest size the help scrolls (saying how much more there is) and a dialog wraps.
    @Test func atTheSmallestSize() throws {
        var d = try TUITest.cdnowDashboard(width: 50, height: 12)
        TUITest.press("j<Enter>?", &d)
        try TUITest.expectScreen(RootView.render(d.state), "cdnow-help-list-50x12")
        TUITest.press("<Esc><Space><Space>m4<Enter>a note<Enter>", &d)
        try TUITest.expectScreen(RootView.render(d.state), "cdnow-confirm-50x12")
    }

    @Test func wrappingBreaksAtSpacesAndMeasuresColumns() {
        #expect(TextWrap.lines("Your changes are safe in the journal", width: 12) == ["Your changes", "are safe in", "the journal"])
        #expect(TextWrap.lines("李小龍 李小龍 李小龍", width: 7) == ["李小龍", "李小龍", "李小龍"])
        #expect(TextWrap.lines("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])   // a word longer than a line
        #expect(TextWrap.lines("", width: 5) == [""])
        #expect(TextWrap.lines("one two", width: 40) == ["one two"])
    }
}
