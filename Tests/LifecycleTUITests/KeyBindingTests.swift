import Testing
import LifecycleKit
@testable import LifecycleTUI

@Suite struct KeyBindingTests {
    @Test func noKeyIsBoundTwiceInOneContext() {
        for context in KeyContext.allCases {
            var seen: [Key: Action] = [:]
            for b in KeyBindings.bindings(in: context) {
                for k in b.keys {
                    #expect(seen[k] == nil, "\(k) bound twice in \(context)")
                    seen[k] = b.action
                }
            }
        }
    }

    @Test func theTableDrivesActionsAndHints() {
        #expect(KeyBindings.action(for: .char("j"), in: .funnel) == .down)
        #expect(KeyBindings.action(for: .down, in: .stageList) == .down)
        #expect(KeyBindings.action(for: .char("s"), in: .funnel) == nil)
        #expect(KeyBindings.action(for: .tab, in: .stageList) == .nextStage)
        #expect(KeyBindings.action(for: .char("q"), in: .help) == .back)
        let hints = KeyBindings.statusHints(in: .stageList).map(\.help)
        #expect(hints.prefix(3) == ["journey", "stage", "sort"])
        #expect(hints.contains("quit") && hints.contains("help"))
    }

    @Test func helpListsEveryBindingOfTheScreen() throws {
        var d = try TUITest.dashboard(width: 100, height: 30)
        TUITest.press("<Enter>?", &d)
        var text = RootView.render(d.state).text
        TUITest.press("G", &d)                  // the rest, scrolled into view
        text += RootView.render(d.state).text
        for b in KeyBindings.bindings(in: .stageList) {
            #expect(text.contains(Message(b.help).text(in: .en)), "help lacks \(b.help)")
            #expect(text.contains(b.keyLabel), "help lacks \(b.keyLabel)")
        }
    }
}
