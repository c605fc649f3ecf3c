/// Where frames go and events come from: the real terminal (ncurses) or an in-memory
/// screen for tests.
public protocol Terminal: AnyObject {
    var width: Int { get }
    var height: Int { get }
    /// Shows `grid` (styles come from the theme the terminal was set up with).
    func draw(_ grid: CellGrid)
    /// The next event, or nil when none came within `timeoutMilliseconds`.
    func nextEvent(timeoutMilliseconds: Int) -> Event?
}

/// A terminal in memory: events are scripted, frames are kept for inspection.
public final class MemoryTerminal: Terminal {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var frames: [CellGrid] = []
    private var events: [Event]

    public init(width: Int, height: Int, events: [Event]) {
        self.width = width
        self.height = height
        self.events = events
    }

    public var lastFrame: CellGrid? { frames.last }

    public func draw(_ grid: CellGrid) { frames.append(grid) }

    public func nextEvent(timeoutMilliseconds: Int) -> Event? {
        guard !events.isEmpty else { return .key(.char("q")) }
        let e = events.removeFirst()
        if case .resize(let w, let h) = e { width = w; height = h }
        return e
    }
}
