/// What a key does. The app's `update` handles actions, never raw keys.
public enum Action: Hashable, Sendable {
    case quit, help
    case up, down, pageUp, pageDown, top, bottom
    case open, back
    case nextStage, previousStage
    case sortNext, sortFlip
    case search, searchNext, searchPrevious, searchAll
    case filter, clearFilter
    case flipOrder
    case mark, markAll, clearMarks
    case move, pickDigit, confirm, undo, redo, save
    case setAside
    /// In an input line: delete the last character typed.
    case deleteBackward
}

/// Which rows of the binding table apply: one per screen, overlay or input mode. A new
/// screen declares its own (`extension KeyContext { static let cohorts = KeyContext("cohorts") }`).
public struct KeyContext: Hashable, Sendable, CustomStringConvertible {
    public let name: String
    public init(_ name: String) { self.name = name }
    public var description: String { name }

    public static let funnel = KeyContext("funnel")
    public static let stageList = KeyContext("stageList")
    public static let journey = KeyContext("journey")
    public static let help = KeyContext("help")
    public static let filterPicker = KeyContext("filterPicker")
    public static let stagePicker = KeyContext("stagePicker")
    public static let confirm = KeyContext("confirm")
    public static let quitPrompt = KeyContext("quitPrompt")
    public static let staleJournal = KeyContext("staleJournal")
    /// Input lines: the search of a list, the search across stages, a move's note, a file name.
    public static let listSearch = KeyContext("listSearch")
    public static let globalSearch = KeyContext("globalSearch")
    public static let noteInput = KeyContext("noteInput")
    public static let saveAs = KeyContext("saveAs")

    /// Every context of the registered screens and their modes.
    public static var allCases: [KeyContext] { ScreenRegistry.contexts }
}

/// One row of the binding table: keys, the action, its help text, where it applies and
/// the short label under which the status bar advertises it (nil: help only).
public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var action: Action
    public var help: String
    public var contexts: Set<KeyContext>
    public var statusLabel: String?

    public init(_ keys: [Key], _ action: Action, _ help: String, in contexts: Set<KeyContext>, statusBar: String? = nil) {
        self.keys = keys
        self.action = action
        self.help = help
        self.contexts = contexts
        self.statusLabel = statusBar
    }

    /// `j/↓`; keys one of which is `/` itself are set apart by spaces (`/ a`).
    public var keyLabel: String {
        let labels = keys.map(\.label)
        return labels.joined(separator: labels.contains("/") ? " " : "/")
    }
}

/// The one table of key bindings: it drives key handling, the status-bar hints and the
/// `?` help overlay, so the three can never disagree.
public enum KeyBindings {
    private static let screens: Set<KeyContext> = [.funnel, .stageList, .journey]
    private static let inputs: Set<KeyContext> = [.listSearch, .globalSearch, .noteInput, .saveAs]
    private static let lists: Set<KeyContext> = [.funnel, .stageList, .journey, .filterPicker, .help, .stagePicker]

    public static let table: [KeyBinding] = [
        KeyBinding([.char("j"), .down], .down, "move down", in: lists),
        KeyBinding([.char("k"), .up], .up, "move up", in: lists),
        KeyBinding([.pageDown, .ctrl("f"), .ctrl("d")], .pageDown, "page down", in: [.stageList, .journey, .help]),
        KeyBinding([.pageUp, .ctrl("b"), .ctrl("u")], .pageUp, "page up", in: [.stageList, .journey, .help]),
        KeyBinding([.char("g"), .home], .top, "go to the first", in: [.funnel, .stageList, .journey, .help]),
        KeyBinding([.char("G"), .end], .bottom, "go to the last", in: [.funnel, .stageList, .journey, .help]),
        KeyBinding([.enter], .open, "open the stage's customer list", in: [.funnel], statusBar: "open"),
        KeyBinding([.enter], .open, "open the customer's journey", in: [.stageList], statusBar: "journey"),
        KeyBinding([.enter], .open, "apply the filter", in: [.filterPicker], statusBar: "apply"),
        KeyBinding([.tab, .right, .char("l")], .nextStage, "next stage", in: [.stageList], statusBar: "stage"),
        KeyBinding([.backTab, .left, .char("h")], .previousStage, "previous stage", in: [.stageList]),
        KeyBinding([.tab, .right, .char("l")], .nextStage, "switch to channels", in: [.filterPicker]),
        KeyBinding([.backTab, .left, .char("h")], .previousStage, "switch to segments", in: [.filterPicker]),
        KeyBinding([.char("s")], .sortNext, "sort by the next column", in: [.stageList], statusBar: "sort"),
        KeyBinding([.char("S")], .sortFlip, "flip the sort order", in: [.stageList]),
        KeyBinding([.char("/"), .char("a")], .searchAll, "search every stage: id, name, email", in: [.funnel], statusBar: "search"),
        KeyBinding([.char("/")], .search, "search this stage: name, email, id", in: [.stageList], statusBar: "search"),
        KeyBinding([.char("a")], .searchAll, "search every stage: id, name, email", in: [.stageList]),
        KeyBinding([.char("n")], .searchNext, "next match", in: [.stageList]),
        KeyBinding([.char("N")], .searchPrevious, "previous match", in: [.stageList]),
        KeyBinding([.char("f")], .filter, "filter by segment and channel", in: [.stageList], statusBar: "filter"),
        KeyBinding([.char("F")], .clearFilter, "clear the filter", in: [.stageList]),
        KeyBinding([.char("x")], .clearFilter, "clear both filters", in: [.filterPicker]),
        KeyBinding([.char("o")], .flipOrder, "newest/oldest first", in: [.journey], statusBar: "order"),
        KeyBinding([.char(" ")], .mark, "mark or unmark the customer", in: [.stageList]),
        KeyBinding([.char("*")], .markAll, "mark every customer in the list", in: [.stageList]),
        KeyBinding([.char("c")], .clearMarks, "clear the marks", in: [.stageList]),
        KeyBinding([.char("m")], .move, "move the marked customers, else this one, to a stage", in: [.stageList], statusBar: "move"),
        KeyBinding([.char("m")], .move, "move this customer to a stage", in: [.journey], statusBar: "move"),
        KeyBinding([.char("u")], .undo, "undo the last change", in: screens),
        KeyBinding([.ctrl("r")], .redo, "redo the change undone last", in: screens),
        KeyBinding([.char("w")], .save, "save changes into the file (JSON)", in: screens),
        KeyBinding((1...9).map { .char(Character(String($0))) }, .pickDigit, "jump to stage 1–9", in: [.stagePicker]),
        KeyBinding([.enter], .open, "move to the chosen stage", in: [.stagePicker], statusBar: "choose"),
        KeyBinding([.char("y"), .enter], .confirm, "yes, move them", in: [.confirm], statusBar: "yes"),
        KeyBinding([.char("n"), .escape, .ctrl("c")], .back, "no, cancel", in: [.confirm], statusBar: "no"),
        KeyBinding([.char("w")], .save, "save, then quit", in: [.quitPrompt], statusBar: "save & quit"),
        KeyBinding([.char("q"), .ctrl("c")], .quit, "quit; the changes stay in the journal", in: [.quitPrompt], statusBar: "quit"),
        KeyBinding([.escape], .back, "stay", in: [.quitPrompt], statusBar: "stay"),
        KeyBinding([.char("s")], .setAside, "set the journal aside (renamed, not deleted); change stages on the file as it is",
                   in: [.staleJournal], statusBar: "set aside"),
        KeyBinding([.escape, .ctrl("c")], .back, "browse read-only; the journal stays as it is", in: [.staleJournal], statusBar: "read-only"),
        KeyBinding([.char("q")], .quit, "quit; nothing is changed", in: [.staleJournal], statusBar: "quit"),
        KeyBinding([.escape, .backspace], .back, "back", in: [.stageList, .journey], statusBar: "back"),
        KeyBinding([.escape, .char("?"), .char("q"), .ctrl("c")], .back, "close", in: [.help], statusBar: "close"),
        KeyBinding([.escape, .ctrl("c")], .back, "cancel", in: [.filterPicker, .stagePicker], statusBar: "cancel"),
        // Input lines: every other printable key is typed.
        KeyBinding([.enter], .open, "keep the match and close the search line", in: [.listSearch], statusBar: "done"),
        KeyBinding([.enter], .open, "open the customer found in their stage's list", in: [.globalSearch], statusBar: "open"),
        KeyBinding([.enter], .open, "move, with the note typed", in: [.noteInput], statusBar: "moves"),
        KeyBinding([.enter], .open, "save under the name typed", in: [.saveAs], statusBar: "saves"),
        KeyBinding([.backspace], .deleteBackward, "delete the last character typed", in: inputs),
        KeyBinding([.escape, .ctrl("c")], .back, "cancel the search (the cursor goes back)", in: [.listSearch], statusBar: "cancel"),
        KeyBinding([.escape, .ctrl("c")], .back, "cancel the search", in: [.globalSearch], statusBar: "cancel"),
        KeyBinding([.escape, .ctrl("c")], .back, "cancel: nothing is moved", in: [.noteInput], statusBar: "cancels"),
        KeyBinding([.escape, .ctrl("c")], .back, "cancel: the changes stay in the journal", in: [.saveAs], statusBar: "cancels"),
        KeyBinding([.char("?")], .help, "help: every key", in: screens, statusBar: "help"),
        KeyBinding([.char("q"), .ctrl("c")], .quit, "quit", in: screens, statusBar: "quit"),
    ]

    /// The action of `key` in `context`, if any.
    public static func action(for key: Key, in context: KeyContext) -> Action? {
        table.first { $0.contexts.contains(context) && $0.keys.contains(key) }?.action
    }

    /// Every binding that applies in `context`, in table order.
    public static func bindings(in context: KeyContext) -> [KeyBinding] {
        table.filter { $0.contexts.contains(context) }
    }

    /// `(Enter moves, Esc cancels)`: an input line's keys, from the table.
    public static func promptKeys(in context: KeyContext) -> String {
        "(" + statusHints(in: context).map { "\($0.key) \($0.help)" }.joined(separator: ", ") + ")"
    }

    /// The short hints the status bar shows in `context`.
    public static func statusHints(in context: KeyContext) -> [(key: String, help: String)] {
        bindings(in: context).compactMap { b in b.statusLabel.map { (b.keys[0].label, $0) } }
    }
}
