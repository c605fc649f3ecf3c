import LifecycleKit

/// A key press, decoded from the terminal.
public enum Key: Hashable, Sendable {
    /// A printable character (letters, digits, punctuation, any script).
    case char(Character)
    /// Ctrl with a letter, e.g. `.ctrl("r")`.
    case ctrl(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, backspace, tab, backTab, delete
    case function(Int)

    /// How help and the status bar show the key.
    public var label: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-" + c.uppercased()
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Bksp"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .delete: return "Del"
        case .function(let n): return "F\(n)"
        }
    }
}

/// Everything the app reacts to.
public enum Event: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// Time passes (the backend sends one when no key came for a while).
    case tick
    /// The full-scan funnel figures, computed off the input path.
    case reportReady(FunnelReport)
    case reportFailed(String)
    /// The store's list index is (still) being prepared in the background: lists of a big
    /// file seen for the first time come slower until it is ready.
    case indexing(Bool)
    /// An effect finished (or failed, or was cancelled): its request id and result.
    case effectDone(RequestID, Result<EffectValue, EffectFailure>)
    /// An effect is still running after a moment: how far it got (0 when it cannot say).
    case progress(RequestID, Int)
    /// A click or the wheel (only with `--mouse`).
    case mouse(MouseEvent)
}

/// What the mouse did, where (cells, 0-based).
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case click, doubleClick, wheelUp, wheelDown }
    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}
