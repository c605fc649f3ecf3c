import LifecycleKit

/// A screen on the navigation stack, with the id its effects' results come back to.
public struct ScreenEntry: Sendable {
    public let id: ScreenID
    public var screen: any Screen
}

/// Work running longer than a moment, shown in the status bar until it ends (Esc cancels).
public struct Busy: Hashable, Sendable {
    public var id: RequestID
    /// `marking 367,233 customers…`
    public var label: Message
    /// How far it got (nil: it cannot say).
    public var done: Int?
    public var cancellable: Bool
}

/// A stage change being prepared: who, seen in which stage, to where, and why.
public struct MovePlan: Sendable, Hashable {
    /// Customer id → the stage the user saw them in.
    public var customers: [String: String]
    /// The name to show for a single customer.
    public var label: String
    /// The picker's cursor: a stage index.
    public var target: Int
    public var note: String = ""
    /// The rule whose matches these are (the confirmation and the status name it).
    public var rule: String?

    public init(customers: [String: String], label: String, target: Int) {
        self.customers = customers
        self.label = label
        self.target = target
    }
}

/// A line for the status bar: a catalog message, shown in the dashboard's language.
public struct StatusMessage: Hashable, Sendable {
    public enum Kind: Sendable { case info, warning, error }
    public var message: Message
    public var kind: Kind

    public init(_ message: Message, kind: Kind = .info) {
        self.message = message
        self.kind = kind
    }

    public init(_ key: MessageKey, _ arguments: MessageArgument..., kind: Kind = .info) {
        self.init(Message(key, arguments: arguments), kind: kind)
    }

    /// The English text (tests and logs; the status bar renders `message` in its language).
    public var text: String { message.description }
}

extension Message {
    /// Work in progress: `marking 6 customers…`.
    static func inProgress(_ key: MessageKey, _ arguments: MessageArgument...) -> Message {
        Message(.prInProgress, .message(Message(key, arguments: arguments)))
    }

    /// The work without its `…` (`cancelled: marking 6 customers`).
    var withoutEllipsis: Message {
        if key == .prInProgress, case .message(let inner)? = arguments.first { return inner }
        return self
    }
}

extension MessageArgument {
    /// An error as a message argument: a catalog message where it has one, else its text.
    static func error(_ error: any Error) -> MessageArgument {
        if let refused = error as? MoveError { return .message(refused.message) }
        return .text("\(error)")
    }
}

/// Everything the views draw: the view is a pure function of this value.
public struct AppState: Sendable {
    public var width: Int
    public var height: Int
    public var info: SnapshotInfo
    public var stages: [Stage]
    public var fileLabel: String
    public var funnel: FunnelState
    /// The navigation stack: screens, and overlays on them; the last takes the keys. Never empty.
    public var stack: [ScreenEntry] = [ScreenEntry(id: 0, screen: FunnelScreen())]
    public var status: StatusMessage?
    /// Work that has been running for a moment (the status bar shows it).
    public var busy: Busy?
    /// The JSON file's journal cannot be replayed (nil: none, or set aside).
    public var staleJournal: StaleJournal?
    /// Clicks and the wheel are on (`--mouse`).
    public var mouse = false
    /// The file cannot be changed.
    public var readOnly = false
    /// Applied changes not yet in the file itself (JSON journal).
    public var unsaved = false
    /// Stage changes dated after the snapshot's `as_of` (the header says how many).
    public var changesSinceAsOf = 0
    /// Set when the figures must be recomputed (after a change); the runner clears it.
    public var figuresStale = false
    /// Every customer's value figures (BG/NBD, Gamma-Gamma, RFM): nil while being computed.
    public var values: CustomerValueTable?
    /// The value figures are being computed (the header says so).
    public var valuesComputing = false
    /// Why there are no value figures (the computation failed).
    public var valuesError: String?
    /// The store was given `values`: lists show and sort by CLV, P(alive) and RFM segment.
    public var valuesInLists = false
    /// The filter picker's value entries (made when the values were given to the store).
    public var valueChoices: [ValueFilterChoice] = []
    /// A buyer whose P(alive) is below this is at risk (`at_risk_below` in config.toml).
    public var atRiskBelow = UserConfig.defaultAtRiskBelow
    /// The stage-flow matrix of every transition (the funnel's panel shows the selected stage's
    /// main inflows and outflows): nil until computed, again after every change.
    public var flows: FlowAnalysis?
    /// `--compare OLD`: the older snapshot and how this file differs from it.
    public var comparison: Comparison?
    /// The rules file the suggestions screen reads (`--rules`, else `FILE.rules.toml` beside the snapshot).
    public var rulesFile = ""
    /// The store's list index is being prepared (shown in the header).
    public var indexing = false
    public var shouldQuit = false
    /// The language every text is shown in (`--lang`, `CLC_LANG`, the locale).
    public var language: Language = .en

    public static let minimumWidth = 50
    public static let minimumHeight = 12

    public init(width: Int, height: Int, info: SnapshotInfo, stages: [Stage], fileLabel: String, funnel: FunnelState) {
        self.width = width
        self.height = height
        self.info = info
        self.stages = stages
        self.fileLabel = fileLabel
        self.funnel = funnel
    }

    /// `key` with `arguments`, in the dashboard's language.
    public func text(_ key: MessageKey, _ arguments: MessageArgument...) -> String {
        Message(key, arguments: arguments).text(in: language)
    }

    /// Numbers, money and dates as the dashboard's language writes them.
    public var formats: Formats { language.formats }

    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    /// The screen or overlay on top: it takes the keys.
    public var top: any Screen { stack[stack.count - 1].screen }

    /// Where keys go: the top screen's rows of the binding table.
    public var context: KeyContext { top.context }

    /// The overlay on top, if one is open.
    public var overlay: (any Screen)? { top.isOverlay ? top : nil }

    /// Full screens on the stack (overlays not counted).
    public var depth: Int { stack.filter { !$0.screen.isOverlay }.count }

    /// The full screen shown (beneath any overlay).
    public var screen: any Screen { stack.last { !$0.screen.isOverlay }!.screen }

    /// The top screen as `type`, if it is one.
    public func top<S: Screen>(_ type: S.Type) -> S? { top as? S }

    /// The full screen shown as `type`, if it is one.
    public func screen<S: Screen>(_ type: S.Type) -> S? { screen as? S }
}

/// The start screen: counts per stage at once, the full-scan figures when they arrive.
public struct FunnelState: Sendable {
    /// Customers per stage, in funnel order.
    public var counts: [Int]
    /// Conversion, medians and revenue: nil while they are being computed.
    public var report: FunnelReport?
    public var reportError: String?
    /// Buyers, mean P(alive), customers at risk and CLV per stage: nil until the value
    /// figures and then this pass are done (again after every stage change).
    public var values: [StageValueFigures]?
    public var selected = 0

    public init(counts: [Int]) { self.counts = counts }

    public var customerTotal: Int { counts.reduce(0, +) }
}
