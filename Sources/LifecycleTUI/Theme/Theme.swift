/// A terminal colour as a theme names it.
public enum ThemeColor: Hashable, Sendable {
    /// The terminal's own foreground or background.
    case terminalDefault
    /// One of the 256 palette entries (0–15 are the basic and bright colours).
    case indexed(Int)
    case rgb(UInt8, UInt8, UInt8)

    public static let names: [String: Int] = [
        "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
        "gray": 8, "grey": 8, "bright-black": 8, "bright-red": 9, "bright-green": 10, "bright-yellow": 11,
        "bright-blue": 12, "bright-magenta": 13, "bright-cyan": 14, "bright-white": 15,
    ]

    /// `default`, a name (`cyan`, `bright-red`), a palette index (`"208"`) or `#rrggbb`.
    public init?(parsing text: String) {
        let t = text.lowercased()
        if t == "default" || t == "none" { self = .terminalDefault; return }
        if let i = ThemeColor.names[t] { self = .indexed(i); return }
        if let i = Int(t), (0...255).contains(i) { self = .indexed(i); return }
        if t.hasPrefix("#"), t.count == 7, let v = UInt32(t.dropFirst(), radix: 16) {
            self = .rgb(UInt8(v >> 16), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF))
            return
        }
        return nil
    }

    /// The nearest colour a terminal with `colors` colours (8, 16, 256) can show.
    public func degraded(to colors: Int) -> ThemeColor {
        switch self {
        case .terminalDefault: return self
        case .indexed(let i):
            if i < colors { return self }
            return ThemeColor.rgbOfIndex(i).map { ThemeColor.rgb($0.0, $0.1, $0.2).degraded(to: colors) } ?? .indexed(i % 8)
        case .rgb(let r, let g, let b):
            if colors >= 256 { return .indexed(ThemeColor.cubeIndex(r, g, b)) }
            return .indexed(ThemeColor.basicIndex(r, g, b, bright: colors >= 16))
        }
    }

    static func cubeIndex(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        func level(_ v: UInt8) -> Int { v < 48 ? 0 : v < 115 ? 1 : (Int(v) - 35) / 40 }
        if r == g && g == b {
            if r < 8 { return 16 }
            if r > 248 { return 231 }
            return 232 + (Int(r) - 8) / 10
        }
        return 16 + 36 * level(r) + 6 * level(g) + level(b)
    }

    static func basicIndex(_ r: UInt8, _ g: UInt8, _ b: UInt8, bright: Bool) -> Int {
        let hi = max(r, g, b)
        guard hi >= 64 else { return 0 }
        let t = UInt8(Int(hi) / 2)
        var i = (r > t ? 1 : 0) | (g > t ? 2 : 0) | (b > t ? 4 : 0)
        if bright && hi > 200 && i != 0 { i += 8 }
        return i
    }

    static func rgbOfIndex(_ i: Int) -> (UInt8, UInt8, UInt8)? {
        if i >= 16 && i < 232 {
            let c = i - 16
            func v(_ x: Int) -> UInt8 { x == 0 ? 0 : UInt8(55 + x * 40) }
            return (v(c / 36), v(c / 6 % 6), v(c % 6))
        }
        if i >= 232 && i < 256 { let g = UInt8(8 + (i - 232) * 10); return (g, g, g) }
        return nil
    }
}

/// Text attributes a role may carry.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1)
    public static let reverse = TextAttributes(rawValue: 2)
    public static let underline = TextAttributes(rawValue: 4)
    public static let dim = TextAttributes(rawValue: 8)
    public static let italic = TextAttributes(rawValue: 16)

    public static let names: [String: TextAttributes] = [
        "bold": .bold, "reverse": .reverse, "underline": .underline, "dim": .dim, "italic": .italic,
    ]
}

/// How one role looks.
public struct RoleStyle: Hashable, Sendable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var attributes: TextAttributes

    public init(foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault,
                attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// A map from roles to styles. Roles a theme leaves out fall back to `Theme.base`, which
/// uses attributes only and so works on any terminal, coloured or not.
public struct Theme: Hashable, Sendable {
    public var name: String
    public var styles: [Role: RoleStyle]

    public init(name: String, styles: [Role: RoleStyle] = [:]) {
        self.name = name
        self.styles = styles
    }

    public func style(_ role: Role) -> RoleStyle { styles[role] ?? Theme.base.styles[role] ?? RoleStyle() }

    /// This theme with `other`'s roles laid over it (a user theme overriding some roles).
    public func overlaid(with other: Theme) -> Theme {
        var merged = self
        merged.name = other.name
        for (role, style) in other.styles { merged.styles[role] = style }
        return merged
    }

    /// The theme without any colour (for `NO_COLOR` and monochrome terminals): each role keeps
    /// its attributes and gains those of `Theme.base` (what `mono` shows), so what a colour
    /// told apart (the selection, marks, the header) still stands out.
    public var withoutColors: Theme {
        var t = self
        for role in Role.allCases {
            var s = style(role)
            s.foreground = .terminalDefault
            s.background = .terminalDefault
            s.attributes.formUnion(Theme.base.style(role).attributes)
            t.styles[role] = s
        }
        return t
    }

    /// Attributes only: readable on every terminal.
    public static let base = Theme(name: "base", styles: [
        .header: RoleStyle(attributes: [.bold, .reverse]),
        .title: RoleStyle(attributes: [.bold]),
        .dim: RoleStyle(attributes: [.dim]),
        .border: RoleStyle(attributes: [.dim]),
        .barSelected: RoleStyle(attributes: [.bold]),
        .barEmpty: RoleStyle(attributes: [.dim]),
        .selected: RoleStyle(attributes: [.reverse]),
        .marked: RoleStyle(attributes: [.bold, .underline]),
        .columnHeader: RoleStyle(attributes: [.bold, .underline]),
        .sortKey: RoleStyle(attributes: [.bold, .reverse]),
        .statusBar: RoleStyle(attributes: [.reverse]),
        .statusKey: RoleStyle(attributes: [.reverse, .bold]),
        .message: RoleStyle(attributes: [.bold]),
        .warning: RoleStyle(attributes: [.bold]),
        .error: RoleStyle(attributes: [.bold, .reverse]),
        .pending: RoleStyle(attributes: [.dim]),
        .overlay: RoleStyle(),
        .overlayTitle: RoleStyle(attributes: [.bold, .reverse]),
        .overlayKey: RoleStyle(attributes: [.bold]),
        .stageCurrent: RoleStyle(attributes: [.bold, .reverse]),
        .transition: RoleStyle(attributes: [.bold]),
    ])
}
