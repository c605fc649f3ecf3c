import LifecycleKit

/// One screen on the navigation stack; its state is kept while a screen above it is open.
public enum Screen: Sendable {
    case funnel
    case stageList(StageListState)
    case journey(JourneyState)

    /// A search is being typed in this stage list.
    var isTypingSearch: Bool {
        if case .stageList(let list) = self { return list.searchInput != nil }
        return false
    }

    public var context: KeyContext {
        switch self {
        case .funnel: return .funnel
        case .stageList: return .stageList
        case .journey: return .journey
        }
    }
}

/// What sits on top of the screen and takes the keys first.
public enum Overlay: Sendable {
    case help(scroll: Int)
    case filterPicker(FilterPickerState)
    case stagePicker(MovePlan)
    case confirm(MovePlan)
    case quitPrompt
    /// The JSON file's journal cannot be replayed: set it aside, browse read-only, or quit.
    case staleJournal(StaleJournal)
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

    public init(customers: [String: String], label: String, target: Int) {
        self.customers = customers
        self.label = label
        self.target = target
    }
}

/// A line for the status bar.
public struct StatusMessage: Hashable, Sendable {
    public enum Kind: Sendable { case info, warning, error }
    public var text: String
    public var kind: Kind

    public init(_ text: String, kind: Kind = .info) {
        self.text = text
        self.kind = kind
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
    /// The navigation stack; the last is the screen shown. Never empty.
    public var stack: [Screen] = [.funnel]
    public var overlay: Overlay?
    public var status: StatusMessage?
    /// The note being typed for a move (nil when not typing).
    public var noteInput: MovePlan?
    /// The search across every stage being typed (nil when not typing).
    public var globalSearch: GlobalSearchState?
    /// The file name being typed to save under (nil when not typing).
    public var saveAsInput: String?
    /// The file cannot be changed.
    public var readOnly = false
    /// Applied changes not yet in the file itself (JSON journal).
    public var unsaved = false
    /// Stage changes dated after the snapshot's `as_of` (the header says how many).
    public var changesSinceAsOf = 0
    /// Set when the figures must be recomputed (after a change); the runner clears it.
    public var figuresStale = false
    /// The store's list index is being prepared (shown in the header).
    public var indexing = false
    public var shouldQuit = false

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

    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    public var screen: Screen {
        get { stack[stack.count - 1] }
        set { stack[stack.count - 1] = newValue }
    }

    /// Where keys go: the overlay if one is open, else the screen.
    public var context: KeyContext {
        switch overlay {
        case .help: return .help
        case .filterPicker: return .filterPicker
        case .stagePicker: return .stagePicker
        case .confirm: return .confirm
        case .quitPrompt: return .quitPrompt
        case .staleJournal: return .staleJournal
        case nil: return screen.context
        }
    }
}

/// The start screen: counts per stage at once, the full-scan figures when they arrive.
public struct FunnelState: Sendable {
    /// Customers per stage, in funnel order.
    public var counts: [Int]
    /// Conversion, medians and revenue: nil while they are being computed.
    public var report: FunnelReport?
    public var reportError: String?
    public var selected = 0

    public init(counts: [Int]) { self.counts = counts }

    public var customerTotal: Int { counts.reduce(0, +) }
}

/// The filter overlay: a segment column and a channel column.
public struct FilterPickerState: Sendable, Hashable {
    /// `nil` first: "any".
    public var segments: [String?]
    public var channels: [String?]
    public var segmentIndex: Int
    public var channelIndex: Int
    /// 0: segments, 1: channels.
    public var column = 0

    public init(segments: [String], channels: [String], current: CustomerFilter) {
        self.segments = [nil] + segments
        self.channels = [nil] + channels
        segmentIndex = self.segments.firstIndex(of: current.segment) ?? 0
        channelIndex = self.channels.firstIndex(of: current.channel) ?? 0
    }

    public var filter: CustomerFilter { CustomerFilter(segment: segments[segmentIndex], channel: channels[channelIndex]) }
}

/// A search across every stage, typed on the funnel (`/`) or in a list (`a`): the customer
/// it finds so far, opened with Enter.
public struct GlobalSearchState: Sendable, Hashable {
    public var input = ""
    public var found: CustomerLocation?
    /// What the status bar says of the customer found: name · id · stage.
    public var label: String?

    public init() {}
}
