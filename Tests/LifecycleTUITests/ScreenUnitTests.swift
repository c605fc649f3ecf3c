import Testing
@testable import LifecycleKit
@testable import LifecycleTUI

/// A screen is one type: the dashboard routes keys, results and drawing to whatever is on
/// the stack, with no list of cases to extend.
@Suite struct ScreenUnitTests {
    /// A screen made here, in one small type: counts `j`, asks the store for a count through
    /// an effect, and draws both.
    struct CounterScreen: Screen {
        static let contexts: [KeyContext] = [.journey]
        var context: KeyContext { .journey }
        var isOverlay: Bool { false }
        var presses = 0
        var customers: Int?

        mutating func opened(_ app: inout AppState, _ commands: inout ScreenCommands) {
            commands.run("count", Message(.prCountingCustomers)) { env in try env.store.stageCounts().reduce(0, +) }
        }

        mutating func update(_ input: ScreenInput, _ app: inout AppState, _ commands: inout ScreenCommands) {
            switch input {
            case .action(.down, _): presses += 1
            case .action(.back, _): commands.close()
            default: break
            }
        }

        mutating func receive(_ slot: String, _ result: Result<EffectValue, EffectFailure>, _ app: inout AppState,
                              _ commands: inout ScreenCommands) {
            if case .success(let v) = result { customers = v.value as? Int }
        }

        func draw(_ app: AppState, into grid: inout CellGrid) {
            grid.put("pressed \(presses) · \(customers.map(String.init) ?? "…") customers", x: 1, y: 2)
        }
    }

    @Test func aScreenOfItsOwnTakesKeysEffectsAndDrawsWithoutTouchingTheDashboard() throws {
        var d = try TUITest.dashboard()
        d.push(CounterScreen())
        for issued in d.outbox { d.handle(issued.run(store: d.store)) }
        d.outbox = []
        TUITest.press("jj", &d)
        #expect(RootView.render(d.state).text.contains("pressed 2 · 6 customers"))
        TUITest.press("<Esc>", &d)
        #expect(d.state.screen is FunnelScreen)
    }

    @Test func everyRegisteredScreenHasItsKeysInTheTable() {
        for type in ScreenRegistry.all {
            for context in type.contexts {
                #expect(!KeyBindings.bindings(in: context).isEmpty, "\(type) has no keys in \(context)")
                #expect(!KeyBindings.statusHints(in: context).isEmpty, "\(type) shows no hints in \(context)")
            }
        }
        // The input lines list Enter, Esc (and Ctrl-C) and Backspace.
        for context in [KeyContext.listSearch, .globalSearch, .noteInput, .saveAs] {
            for key in [Key.enter, .escape, .ctrl("c"), .backspace] {
                #expect(KeyBindings.action(for: key, in: context) != nil, "\(key) in \(context)")
            }
        }
        #expect(KeyBindings.promptKeys(in: .noteInput) == "(Enter moves, Esc cancels)")
    }
}
