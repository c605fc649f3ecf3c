import LifecycleKit

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
    /// The funnel: open the customer value model; the model screen: ask for a calibration end.
    case model, calibrate
    /// The funnel: open the touchpoint analyses of issue 13.
    case attribution, flows, cohorts
    /// An analysis screen: the previous / next column (a model, a stage of the matrix, a month).
    case columnLeft, columnRight
    /// An analysis screen: switch what it is by (channel, campaign, type; purchase, active).
    case switchBy
    /// An analysis screen: switch the window or period (lookback days; flows' period).
    case switchPeriod
    /// The funnel with `--compare OLD`: list the customers changed since OLD.
    case changedSince
    /// The funnel: open the suggestions of the rules file; the suggestions: read it again.
    case suggestions
    /// The suggestions: move the selected rule's matches (after a confirmation).
    case apply
    /// A list: export what it shows (or its marked customers) to a file.
    case export
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
    /// What the key does, in the help (a catalog key).
    public var help: MessageKey
    public var contexts: Set<KeyContext>
    /// The status bar's short label (a catalog key; nil: help only).
    public var statusLabel: MessageKey?

    public init(_ keys: [Key], _ action: Action, _ help: MessageKey, in contexts: Set<KeyContext>, statusBar: MessageKey? = nil) {
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
    private static let screens: Set<KeyContext> = Set([.funnel, .stageList, .journey, .model, .suggestions]).union(analyses)
    private static let inputs: Set<KeyContext> = [.listSearch, .globalSearch, .noteInput, .saveAs, .calibrationInput, .drillSearch, .exportPath]
    private static let lists: Set<KeyContext> = Set([.funnel, .stageList, .journey, .filterPicker, .help, .stagePicker, .model, .suggestions]).union(analyses)
    /// The screens of the touchpoint analyses and their drill-down lists.
    private static let analyses: Set<KeyContext> = [.attribution, .flows, .cohorts, .drillDown]
    private static let pages: Set<KeyContext> = Set([.stageList, .journey, .help, .model, .suggestions]).union(analyses)

    public static let table: [KeyBinding] = [
        KeyBinding([.char("j"), .down], .down, .kbDown, in: lists),
        KeyBinding([.char("k"), .up], .up, .kbUp, in: lists),
        KeyBinding([.pageDown, .ctrl("f"), .ctrl("d")], .pageDown, .kbPageDown, in: pages),
        KeyBinding([.pageUp, .ctrl("b"), .ctrl("u")], .pageUp, .kbPageUp, in: pages),
        KeyBinding([.char("g"), .home], .top, .kbTop, in: pages.union([.funnel])),
        KeyBinding([.char("G"), .end], .bottom, .kbBottom, in: pages.union([.funnel])),
        KeyBinding([.enter], .open, .kbOpenStage, in: [.funnel], statusBar: .hintOpen),
        KeyBinding([.enter], .open, .kbOpenJourney, in: [.stageList], statusBar: .hintJourney),
        KeyBinding([.enter], .open, .kbApplyFilter, in: [.filterPicker], statusBar: .hintApply),
        KeyBinding([.tab, .right, .char("l")], .nextStage, .kbNextStage, in: [.stageList], statusBar: .hintStage),
        KeyBinding([.backTab, .left, .char("h")], .previousStage, .kbPreviousStage, in: [.stageList]),
        KeyBinding([.tab, .right, .char("l")], .nextStage, .kbToChannels, in: [.filterPicker]),
        KeyBinding([.backTab, .left, .char("h")], .previousStage, .kbToSegments, in: [.filterPicker]),
        KeyBinding([.char("s")], .sortNext, .kbSortNext, in: [.stageList], statusBar: .hintSort),
        KeyBinding([.char("S")], .sortFlip, .kbSortFlip, in: [.stageList]),
        KeyBinding([.char("/"), .char("a")], .searchAll, .kbSearchAll, in: [.funnel], statusBar: .hintSearch),
        KeyBinding([.char("/")], .search, .kbSearch, in: [.stageList], statusBar: .hintSearch),
        KeyBinding([.char("a")], .searchAll, .kbSearchAll, in: [.stageList]),
        KeyBinding([.char("n")], .searchNext, .kbSearchNext, in: [.stageList]),
        KeyBinding([.char("N")], .searchPrevious, .kbSearchPrevious, in: [.stageList]),
        KeyBinding([.char("f")], .filter, .kbFilter, in: [.stageList], statusBar: .hintFilter),
        KeyBinding([.char("F")], .clearFilter, .kbClearFilter, in: [.stageList]),
        KeyBinding([.char("x")], .clearFilter, .kbClearFilters, in: [.filterPicker]),
        KeyBinding([.char("v")], .model, .kbModel, in: [.funnel], statusBar: .hintModel),
        KeyBinding([.char("c")], .calibrate, .kbCalibration, in: [.model], statusBar: .hintHoldout),
        KeyBinding([.char("t")], .attribution, .kbAttribution, in: [.funnel], statusBar: .hintAttribution),
        KeyBinding([.char("f")], .flows, .kbFlows, in: [.funnel], statusBar: .hintFlows),
        KeyBinding([.char("c")], .cohorts, .kbCohorts, in: [.funnel], statusBar: .hintCohorts),
        KeyBinding([.char("x")], .changedSince, .kbChangedSince, in: [.funnel]),
        KeyBinding([.char("R")], .suggestions, .kbSuggestions, in: [.funnel], statusBar: .hintRules),
        KeyBinding([.enter], .open, .kbRuleMatches, in: [.suggestions], statusBar: .hintMatches),
        KeyBinding([.char("a")], .apply, .kbApplyRule, in: [.suggestions], statusBar: .hintApply),
        KeyBinding([.char("R")], .suggestions, .kbReloadRules, in: [.suggestions]),
        KeyBinding([.enter], .open, .kbDrillCredited, in: [.attribution], statusBar: .hintCustomers),
        KeyBinding([.enter], .open, .kbDrillCell, in: [.flows, .cohorts], statusBar: .hintCustomers),
        KeyBinding([.enter], .open, .kbOpenJourney, in: [.drillDown], statusBar: .hintJourney),
        KeyBinding([.tab], .nextStage, .kbNextStage, in: [.attribution], statusBar: .hintStage),
        KeyBinding([.backTab], .previousStage, .kbPreviousStage, in: [.attribution]),
        KeyBinding([.right, .char("l")], .columnRight, .kbNextModel, in: [.attribution]),
        KeyBinding([.left, .char("h")], .columnLeft, .kbPreviousModel, in: [.attribution]),
        KeyBinding([.right, .char("l")], .columnRight, .kbNextColumn, in: [.flows, .cohorts]),
        KeyBinding([.left, .char("h")], .columnLeft, .kbPreviousColumn, in: [.flows, .cohorts]),
        KeyBinding([.char("b")], .switchBy, .kbAttributionBy, in: [.attribution], statusBar: .hintBy),
        KeyBinding([.char("b")], .switchBy, .kbCohortMetric, in: [.cohorts], statusBar: .hintMetric),
        KeyBinding([.char("d")], .switchPeriod, .kbLookback, in: [.attribution], statusBar: .hintWindow),
        KeyBinding([.char("p")], .switchPeriod, .kbFlowPeriod, in: [.flows], statusBar: .hintPeriod),
        KeyBinding([.char("s")], .sortNext, .kbDrillSort, in: [.drillDown], statusBar: .hintSort),
        KeyBinding([.char("/")], .search, .kbDrillSearch, in: [.drillDown], statusBar: .hintSearch),
        KeyBinding([.char("o")], .flipOrder, .kbFlipOrder, in: [.journey], statusBar: .hintOrder),
        KeyBinding([.char(" ")], .mark, .kbMark, in: [.stageList, .drillDown]),
        KeyBinding([.char("*")], .markAll, .kbMarkAll, in: [.stageList, .drillDown]),
        KeyBinding([.char("c")], .clearMarks, .kbClearMarks, in: [.stageList, .drillDown]),
        KeyBinding([.char("m")], .move, .kbMoveMarked, in: [.stageList, .drillDown], statusBar: .hintMove),
        KeyBinding([.char("m")], .move, .kbMoveOne, in: [.journey], statusBar: .hintMove),
        KeyBinding([.char("e")], .export, .kbExport, in: [.stageList, .drillDown], statusBar: .hintExport),
        KeyBinding([.char("u")], .undo, .kbUndo, in: screens),
        KeyBinding([.ctrl("r")], .redo, .kbRedo, in: screens),
        KeyBinding([.char("w")], .save, .kbSave, in: screens),
        KeyBinding((1...9).map { .char(Character(String($0))) }, .pickDigit, .kbPickDigit, in: [.stagePicker]),
        KeyBinding([.enter], .open, .kbPickStage, in: [.stagePicker], statusBar: .hintChoose),
        KeyBinding([.char("y"), .enter], .confirm, .kbConfirmYes, in: [.confirm], statusBar: .uiYes),
        KeyBinding([.char("n"), .escape, .ctrl("c")], .back, .kbConfirmNo, in: [.confirm], statusBar: .uiNo),
        KeyBinding([.char("y"), .enter], .confirm, .kbOverwriteYes, in: [.overwrite], statusBar: .uiYes),
        KeyBinding([.char("n"), .escape, .ctrl("c")], .back, .kbOverwriteNo, in: [.overwrite], statusBar: .uiNo),
        KeyBinding([.char("w")], .save, .kbSaveQuit, in: [.quitPrompt], statusBar: .hintSaveQuit),
        KeyBinding([.char("q"), .ctrl("c")], .quit, .kbQuitJournal, in: [.quitPrompt], statusBar: .kbQuit),
        KeyBinding([.escape], .back, .kbStay, in: [.quitPrompt], statusBar: .kbStay),
        KeyBinding([.char("s")], .setAside, .kbSetAside, in: [.staleJournal], statusBar: .hintSetAside),
        KeyBinding([.escape, .ctrl("c")], .back, .kbBrowseReadOnly, in: [.staleJournal], statusBar: .hintReadOnly),
        KeyBinding([.char("q")], .quit, .kbQuitNothing, in: [.staleJournal], statusBar: .kbQuit),
        KeyBinding([.escape, .backspace], .back, .kbBack, in: Set([.stageList, .journey, .model, .suggestions]).union(analyses), statusBar: .kbBack),
        KeyBinding([.escape, .char("?"), .char("q"), .ctrl("c")], .back, .kbClose, in: [.help], statusBar: .kbClose),
        KeyBinding([.escape, .ctrl("c")], .back, .kbCancel, in: [.filterPicker, .stagePicker], statusBar: .kbCancel),
        // Input lines: every other printable key is typed.
        KeyBinding([.enter], .open, .kbKeepMatch, in: [.listSearch], statusBar: .hintDone),
        KeyBinding([.enter], .open, .kbOpenFound, in: [.globalSearch], statusBar: .hintOpen),
        KeyBinding([.enter], .open, .kbMoveWithNote, in: [.noteInput], statusBar: .hintMoves),
        KeyBinding([.enter], .open, .kbSaveAsTyped, in: [.saveAs], statusBar: .hintSaves),
        KeyBinding([.enter], .open, .kbFitHoldout, in: [.calibrationInput], statusBar: .hintFits),
        KeyBinding([.enter], .open, .kbKeepNarrowed, in: [.drillSearch], statusBar: .hintDone),
        KeyBinding([.enter], .open, .kbExportTo, in: [.exportPath], statusBar: .hintExports),
        KeyBinding([.backspace], .deleteBackward, .kbDeleteBackward, in: inputs),
        KeyBinding([.escape, .ctrl("c")], .back, .kbCancelSearchBack, in: [.listSearch], statusBar: .kbCancel),
        KeyBinding([.escape, .ctrl("c")], .back, .kbCancelSearch, in: [.globalSearch], statusBar: .kbCancel),
        KeyBinding([.escape, .ctrl("c")], .back, .kbCancelMove, in: [.noteInput], statusBar: .hintCancels),
        KeyBinding([.escape, .ctrl("c")], .back, .kbCancelSaveAs, in: [.saveAs], statusBar: .hintCancels),
        KeyBinding([.escape, .ctrl("c")], .back, .kbCancelCalibration, in: [.calibrationInput], statusBar: .hintCancels),
        KeyBinding([.escape, .ctrl("c")], .back, .kbClearNarrowed, in: [.drillSearch], statusBar: .hintClears),
        KeyBinding([.escape, .ctrl("c")], .back, .kbCancelExport, in: [.exportPath], statusBar: .hintCancels),
        KeyBinding([.char("?")], .help, .kbHelp, in: screens, statusBar: .hintHelp),
        KeyBinding([.char("q"), .ctrl("c")], .quit, .kbQuit, in: screens, statusBar: .kbQuit),
    ]

    /// The action of `key` in `context`, if any.
    public static func action(for key: Key, in context: KeyContext) -> Action? {
        table.first { $0.contexts.contains(context) && $0.keys.contains(key) }?.action
    }

    /// The first key of `action` in `context` (`R`), for a text that names it.
    public static func key(for action: Action, in context: KeyContext) -> String {
        table.first { $0.contexts.contains(context) && $0.action == action }?.keys[0].label ?? ""
    }

    /// Every binding that applies in `context`, in table order.
    public static func bindings(in context: KeyContext) -> [KeyBinding] {
        table.filter { $0.contexts.contains(context) }
    }

    /// `(Enter moves, Esc cancels)`: an input line's keys, from the table, in `language`.
    public static func promptKeys(in context: KeyContext, _ language: Language = .en) -> String {
        "(" + statusHints(in: context, language).map { "\($0.key) \($0.help)" }.joined(separator: ", ") + ")"
    }

    /// The short hints the status bar shows in `context`, in `language`.
    public static func statusHints(in context: KeyContext, _ language: Language = .en) -> [(key: String, help: String)] {
        bindings(in: context).compactMap { b in b.statusLabel.map { (b.keys[0].label, Message($0).text(in: language)) } }
    }
}
