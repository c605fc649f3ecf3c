import LifecycleKit

/// Identifies a screen on the stack, so that a result reaches the screen that asked for it
/// (and is dropped when that screen has left).
public typealias ScreenID = Int

/// A unit of the dashboard: one screen (funnel, list, journey) or an overlay on one (help,
/// pickers, prompts, input lines). It owns its state and does the rest itself: key handling
/// (inputs → state changes, effects, navigation), layout after a resize, reload after a
/// stage change, drawing and the help title. Register each in `ScreenRegistry`.
///
/// Screens are values held in an existential stack (`[any Screen]`): each keeps its own
/// state type without a shared enum to extend, and a copy of the app state is still a plain
/// value (tests and the benchmark copy dashboards freely). Update gets the shared state
/// (`AppState`: size, stages, counts, status) inout and says what else it wants in
/// `ScreenCommands`; it never calls the store: store work goes out as an `Effect` and comes
/// back to `receive`.
public protocol Screen: Sendable {
    /// Selects the rows of the binding table that apply while this screen is on top.
    var context: KeyContext { get }
    /// Overlays are drawn over the screen beneath them; keys go to the top one.
    var isOverlay: Bool { get }
    /// The contexts its instances use (for the registry and the binding table's tests).
    static var contexts: [KeyContext] { get }
    /// The title of `?`'s help (for screens that offer it).
    static var helpTitle: MessageKey { get }
    /// The contexts `?` lists on this screen: its own, then those of the modes it opens.
    var helpContexts: [KeyContext] { get }

    /// An action from the binding table, a typed character or a mouse pick.
    mutating func update(_ input: ScreenInput, _ app: inout AppState, _ commands: inout ScreenCommands)
    /// The result of an effect this screen asked for (only the current request of its slot).
    mutating func receive(_ slot: String, _ result: Result<EffectValue, EffectFailure>, _ app: inout AppState,
                          _ commands: inout ScreenCommands)
    /// `Esc` cancelled this screen's request of `slot`: no result will come.
    mutating func cancelled(_ slot: String, _ app: inout AppState, _ commands: inout ScreenCommands)
    /// Just pushed: ask for what it shows.
    mutating func opened(_ app: inout AppState, _ commands: inout ScreenCommands)
    /// After a resize or on becoming the top again: keep selections visible, rows loaded.
    mutating func relayout(_ app: inout AppState, _ commands: inout ScreenCommands)
    /// After a stage change (`moved`: the ones made here; empty for another program's).
    mutating func reloadAfterChange(moved: [Transition], _ app: inout AppState, _ commands: inout ScreenCommands)

    /// Draws the screen (below the header, above the status bar) or the overlay.
    func draw(_ app: AppState, into grid: inout CellGrid)
    /// What is being typed, shown in the status bar instead of the message.
    func inputLine(_ app: AppState) -> InputLine?
    /// What is where, from the same layout the drawing uses (for the mouse).
    func hitRegions(_ app: AppState) -> [HitRegion]
}

extension Screen {
    public var isOverlay: Bool { true }
    public static var helpTitle: MessageKey { .uiKeys }
    public var helpContexts: [KeyContext] { [context] }
    public mutating func receive(_ slot: String, _ result: Result<EffectValue, EffectFailure>, _ app: inout AppState,
                                 _ commands: inout ScreenCommands) {}
    public mutating func cancelled(_ slot: String, _ app: inout AppState, _ commands: inout ScreenCommands) {}
    public mutating func opened(_ app: inout AppState, _ commands: inout ScreenCommands) {}
    public mutating func relayout(_ app: inout AppState, _ commands: inout ScreenCommands) {}
    public mutating func reloadAfterChange(moved: [Transition], _ app: inout AppState, _ commands: inout ScreenCommands) {}
    public func inputLine(_ app: AppState) -> InputLine? { nil }
    public func hitRegions(_ app: AppState) -> [HitRegion] { [] }
}

/// What a screen is given to handle.
public enum ScreenInput: Hashable, Sendable {
    /// An action of the binding table, with the key that gave it (nil: from the mouse).
    case action(Action, Key?)
    /// A character typed into an input line.
    case typed(Character)
    /// A row or bar chosen with the mouse: its index.
    case pick(Int)
}

/// The text being typed, for the status bar.
public enum InputLine: Equatable, Sendable {
    /// A prompt and the text typed, filling the bar (no hints).
    case prompt(String, text: String)
    /// A query (`/abc`), then what it found (or the message), then the key hints.
    case query(String, found: String?)
}

extension InputLine {
    /// Edits `text` by a typed character or Backspace; false for any other input.
    public static func edit(_ text: inout String, _ input: ScreenInput) -> Bool {
        switch input {
        case .typed(let c): text.append(c)
        case .action(.deleteBackward, _): if !text.isEmpty { text.removeLast() }
        default: return false
        }
        return true
    }
}

/// A rectangle of the frame and the index a click there picks.
public struct HitRegion: Hashable, Sendable {
    public var x: Int, y: Int, width: Int, height: Int
    public var index: Int

    public init(x: Int, y: Int, width: Int, height: Int = 1, index: Int) {
        (self.x, self.y, self.width, self.height, self.index) = (x, y, width, height, index)
    }

    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < x + width && py >= y && py < y + height }
}

/// What a screen asks of the app while handling an input.
public struct ScreenCommands {
    /// The screen being handled (effects it asks for come back to it).
    public let me: ScreenID
    public internal(set) var effects: [Effect] = []
    public internal(set) var pushed: [any Screen] = []
    public internal(set) var closes = false
    public internal(set) var requests: [AppRequest] = []
    public internal(set) var deliveries: [(to: ScreenID, slot: String, value: any Sendable)] = []

    public init(me: ScreenID) { self.me = me }

    /// Store work whose result comes back to this screen's `receive`.
    public mutating func run(_ slot: String, _ label: Message?, total: Int? = nil,
                             _ work: @escaping @Sendable (EffectEnvironment) throws -> any Sendable) {
        effects.append(Effect(slot: slot, label: label, total: total, target: .screen(me), work: work))
    }

    /// Opens `screen` on top of this one.
    public mutating func push(_ screen: any Screen) { pushed.append(screen) }
    /// Takes this screen off the stack (after the input is handled).
    public mutating func close() { closes = true }
    /// Hands `value` to screen `owner`'s `receive` (an overlay's answer to the screen that opened it).
    public mutating func deliver(_ value: any Sendable, to owner: ScreenID, slot: String) {
        deliveries.append((owner, slot, value))
    }

    /// Something only the app does (stage changes, saving, quitting).
    public mutating func ask(_ request: AppRequest) { requests.append(request) }
}

/// What screens ask of the app: the work that concerns the whole file, not one screen.
public enum AppRequest: Sendable {
    /// Offer to move these customers (id → stage seen in); `label` names them.
    case startMove(customers: [String: String], label: String)
    /// Apply the plan through `StageMover`.
    case perform(MovePlan)
    /// Ask first (`ConfirmScreen`), then apply the plan; refused on a read-only file.
    case confirmMove(MovePlan)
    case save
    case saveAs(String)
    case quit
    /// Save, then quit when nothing is left unsaved.
    case saveAndQuit
    case setAsideJournal
    /// Show the customer found by the search across stages in their stage's list.
    case showFound(CustomerLocation, label: String, query: String)
    /// Write an export (`e` on a list, after its path prompt).
    case export(ExportJob)
}
