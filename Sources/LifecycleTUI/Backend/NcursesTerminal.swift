import CNcursesw
import Foundation

/// Set by SIGINT/SIGTERM/SIGHUP. SIGINT (Ctrl-C) becomes a key the dashboard handles like
/// `q`; for the others the run loop leaves cleanly.
nonisolated(unsafe) private var receivedSignal: Int32 = 0

/// The real terminal, through ncursesw: flushes cell grids (only the cells that changed)
/// and turns input into events. Always restores the terminal in `close()`.
public final class NcursesTerminal: Terminal {
    public enum SetupError: Error, CustomStringConvertible {
        case notATerminal, dumbTerminal, cannotInitialise(String)
        public var description: String {
            switch self {
            case .notATerminal: return "the dashboard needs a terminal (stdin and stdout are not one); use `clc report FILE` for text output"
            case .dumbTerminal: return "the dashboard needs a capable terminal (TERM is unset or dumb); use `clc report FILE` for text output"
            case .cannotInitialise(let term): return "cannot start the terminal (TERM=\(term)); use `clc report FILE` for text output"
            }
        }
    }

    private var screen: OpaquePointer?
    private var previous: CellGrid?
    private var pairs: [Role: (attrs: attr_t, pair: Int16)] = [:]
    private var closed = false

    public var width: Int { Int(clc_cols()) }
    public var height: Int { Int(clc_lines()) }

    /// Checks that there is a usable terminal before anything is drawn.
    public static func checkUsable(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw SetupError.notATerminal }
        let term = environment["TERM"] ?? ""
        guard !term.isEmpty, term != "dumb" else { throw SetupError.dumbTerminal }
    }

    /// Clicks and the wheel arrive as events (`--mouse`); off, the terminal selects text as usual.
    public let mouse: Bool

    public init(theme: Theme, mouse: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        self.mouse = mouse
        try Self.checkUsable(environment: environment)
        // The dashboard's memory stays flat while it follows other programs' changes (each
        // figures request on a new thread: +58-76 MB over 100 outside moves with glibc's default).
        clc_limit_malloc_arenas(2)
        setlocale(LC_ALL, "")
        if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) != "UTF-8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
        // The size comes from the terminal itself: inherited LINES/COLUMNS (set by many
        // shells and tools) would pin ncurses to a stale size and defeat resizing.
        unsetenv("LINES")
        unsetenv("COLUMNS")
        guard let s = clc_newterm_std() else { throw SetupError.cannotInitialise(environment["TERM"] ?? "") }
        screen = s
        set_term(s)
        cbreak()
        noecho()
        nonl()
        keypad(clc_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        if mouse { _ = clc_mouse_enable() }
        // A parent may have left signals blocked; resizing and clean exits need these.
        var wanted = sigset_t()
        sigemptyset(&wanted)
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP, SIGCONT] { sigaddset(&wanted, sig) }
        pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { receivedSignal = $0 }
        }
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        setUpColors(theme: noColor ? theme.withoutColors : theme, useColor: !noColor && has_colors())
    }

    deinit { close() }

    /// The last key was a Ctrl-C (a SIGINT turned into a key).
    private var lastKeyWasInterrupt = false

    /// True once SIGTERM or SIGHUP arrived.
    public var interrupted: Bool { receivedSignal != 0 && receivedSignal != SIGINT }

    /// The signal that ended the session, if one did: SIGINT when Ctrl-C was the key that quit.
    public var endingSignal: Int32? { interrupted ? receivedSignal : lastKeyWasInterrupt ? SIGINT : nil }

    /// Restores the terminal. Safe to call more than once.
    public func close() {
        guard !closed else { return }
        closed = true
        curs_set(1)
        endwin()
        if let s = screen { delscreen(s) }
        screen = nil
    }

    private func setUpColors(theme: Theme, useColor: Bool) {
        if useColor {
            start_color()
            use_default_colors()
        }
        let colors = useColor ? Int(clc_colors()) : 0
        var pairIndex: [Int: Int16] = [:]
        for role in Role.allCases {
            let style = theme.style(role)
            var attrs = clc_a_normal()
            if style.attributes.contains(.bold) { attrs |= clc_a_bold() }
            if style.attributes.contains(.reverse) { attrs |= clc_a_reverse() }
            if style.attributes.contains(.underline) { attrs |= clc_a_underline() }
            if style.attributes.contains(.dim) { attrs |= clc_a_dim() }
            if style.attributes.contains(.italic) { attrs |= clc_a_italic() }
            var pair: Int16 = 0
            if colors >= 8 {
                let fg = Self.number(style.foreground.degraded(to: colors))
                let bg = Self.number(style.background.degraded(to: colors))
                if fg != -1 || bg != -1 {
                    let key = (fg + 1) * 1000 + (bg + 1)
                    if let existing = pairIndex[key] {
                        pair = existing
                    } else if pairIndex.count + 1 < Int(clc_color_pairs()) {
                        pair = Int16(pairIndex.count + 1)
                        init_pair(pair, Int16(fg), Int16(bg))
                        pairIndex[key] = pair
                    }
                }
            }
            pairs[role] = (attrs, pair)
        }
    }

    private static func number(_ c: ThemeColor) -> Int {
        switch c {
        case .terminalDefault: return -1
        case .indexed(let i): return i
        case .rgb: return -1
        }
    }

    public func draw(_ grid: CellGrid) {
        let same = previous.map { $0.width == grid.width && $0.height == grid.height } ?? false
        var buffer = [wchar_t](repeating: 0, count: 8)
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                let cell = grid[x, y]
                if cell.isContinuation { continue }
                if same, previous![x, y] == cell { continue }
                let style = pairs[cell.role] ?? (clc_a_normal(), 0)
                var n = 0
                for scalar in cell.text.unicodeScalars where n < 7 {
                    buffer[n] = wchar_t(bitPattern: scalar.value)
                    n += 1
                }
                if n == 0 { buffer[0] = 32; n = 1 }
                buffer[n] = 0
                _ = clc_put_cell(Int32(y), Int32(x), buffer, style.attrs, style.pair)
            }
        }
        previous = grid
        refresh()
    }

    public func nextEvent(timeoutMilliseconds: Int) -> Event? {
        if receivedSignal == SIGINT {
            receivedSignal = 0
            lastKeyWasInterrupt = true
            return .key(.ctrl("c"))
        }
        if receivedSignal != 0 { return nil }
        let event = readEvent(timeoutMilliseconds: timeoutMilliseconds)
        if case .key = event { lastKeyWasInterrupt = false }
        return event
    }

    private func readEvent(timeoutMilliseconds: Int) -> Event? {
        timeout(Int32(timeoutMilliseconds))
        var ch: wint_t = 0
        let result = get_wch(&ch)
        if result == clc_err() { return nil }
        if result == clc_key_code_yes() {
            if Int32(ch) == clc_key_resize() {
                previous = nil
                erase()
                return .resize(width: width, height: height)
            }
            if Int32(ch) == clc_key_mouse() { return Self.mouseEvent() }
            return Self.functionKey(Int32(ch)).map { .key($0) }
        }
        return Self.character(UInt32(ch)).map { .key($0) }
    }

    /// The click or wheel notch ncurses read (nil for other buttons).
    static func mouseEvent() -> Event? {
        var x: Int32 = 0, y: Int32 = 0
        let kinds: [MouseEvent.Kind?] = [nil, .click, .doubleClick, .wheelUp, .wheelDown]
        guard let kind = kinds[Int(clc_read_mouse(&x, &y))] else { return nil }
        return .mouse(MouseEvent(kind, x: Int(x), y: Int(y)))
    }

    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_ENTER: return .enter
        default:
            if code > KEY_F0 && code <= KEY_F0 + 24 { return .function(Int(code - KEY_F0)) }
            return nil
        }
    }

    static func character(_ v: UInt32) -> Key? {
        switch v {
        case 27: return .escape
        case 10, 13: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(v + 96)!))
        default:
            guard let scalar = Unicode.Scalar(v), v >= 32 else { return nil }
            return .char(Character(scalar))
        }
    }
}
