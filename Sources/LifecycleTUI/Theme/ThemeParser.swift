/// Reads theme files: a small subset of TOML.
///
/// ```toml
/// name = "default"          # optional
/// inherits = "default"      # optional: the theme this one overrides
///
/// [bar_selected]            # a role, snake_case
/// fg = "bright-white"       # default, a colour name, a palette index "0".."255", or "#rrggbb"
/// bg = "#005f87"
/// attrs = ["bold"]          # bold, reverse, underline, dim, italic
/// ```
public enum ThemeParser {
    public struct ParseError: Error, CustomStringConvertible, Equatable {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// A parsed theme file: the roles it sets and the theme it builds on.
    public struct ThemeFile: Equatable {
        public var theme: Theme
        public var inherits: String?
    }

    /// The file name of a role: `barSelected` → `bar_selected`.
    public static func fileName(of role: Role) -> String {
        var out = ""
        for c in role.rawValue {
            if c.isUppercase { out += "_" + c.lowercased() } else { out.append(c) }
        }
        return out
    }

    private static let rolesByFileName: [String: Role] =
        Dictionary(uniqueKeysWithValues: Role.allCases.map { (fileName(of: $0), $0) })

    public static func parse(_ text: String, defaultName: String) throws -> ThemeFile {
        var theme = Theme(name: defaultName)
        var inherits: String?
        var role: Role?
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = stripComment(String(raw)).trimmingWhitespace
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else { throw ParseError(line: number, message: "expected ']' to close the section") }
                let name = String(line.dropFirst().dropLast()).trimmingWhitespace
                guard let r = rolesByFileName[name] else {
                    throw ParseError(line: number, message: "unknown role \"\(name)\" (known: \(rolesByFileName.keys.sorted().joined(separator: ", ")))")
                }
                role = r
                if theme.styles[r] == nil { theme.styles[r] = RoleStyle() }
                continue
            }
            guard let eq = line.firstIndex(of: "=") else { throw ParseError(line: number, message: "expected key = value") }
            let key = String(line[..<eq]).trimmingWhitespace
            let value = try parseValue(String(line[line.index(after: eq)...]).trimmingWhitespace, line: number)
            guard let r = role else {
                switch (key, value) {
                case ("name", .string(let s)): theme.name = s
                case ("inherits", .string(let s)): inherits = s
                default: throw ParseError(line: number, message: "unknown top-level key \"\(key)\" (expected name or inherits)")
                }
                continue
            }
            var style = theme.styles[r] ?? RoleStyle()
            switch (key, value) {
            case ("fg", .string(let s)), ("bg", .string(let s)):
                guard let color = ThemeColor(parsing: s) else {
                    throw ParseError(line: number, message: "unknown colour \"\(s)\" (use a name, 0-255 or #rrggbb)")
                }
                if key == "fg" { style.foreground = color } else { style.background = color }
            case ("attrs", .list(let names)):
                style.attributes = []
                for n in names {
                    guard let a = TextAttributes.names[n] else {
                        throw ParseError(line: number, message: "unknown attribute \"\(n)\" (use bold, reverse, underline, dim, italic)")
                    }
                    style.attributes.insert(a)
                }
            default:
                throw ParseError(line: number, message: "unknown key \"\(key)\" in [\(fileName(of: r))] (expected fg, bg, attrs)")
            }
            theme.styles[r] = style
        }
        return ThemeFile(theme: theme, inherits: inherits)
    }

    private enum Value { case string(String), list([String]) }

    private static func parseValue(_ text: String, line: Int) throws -> Value {
        if text.hasPrefix("\"") {
            guard text.count >= 2, text.hasSuffix("\"") else { throw ParseError(line: line, message: "unterminated string") }
            return .string(String(text.dropFirst().dropLast()))
        }
        if text.hasPrefix("[") {
            guard text.hasSuffix("]") else { throw ParseError(line: line, message: "expected ']' to close the list") }
            let inner = text.dropFirst().dropLast().trimmingWhitespace
            if inner.isEmpty { return .list([]) }
            var items: [String] = []
            for part in inner.split(separator: ",") {
                let p = String(part).trimmingWhitespace
                if p.isEmpty { continue }
                guard case .string(let s) = try parseValue(p, line: line) else {
                    throw ParseError(line: line, message: "lists hold strings only")
                }
                items.append(s)
            }
            return .list(items)
        }
        if let i = Int(text) { return .string(String(i)) }
        throw ParseError(line: line, message: "expected a quoted string or a list, found \"\(text)\"")
    }

    private static func stripComment(_ line: String) -> String {
        var inString = false
        for (i, c) in line.enumerated() {
            if c == "\"" { inString.toggle() }
            if c == "#" && !inString { return String(line.prefix(i)) }
        }
        return line
    }
}

extension StringProtocol {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return String(s)
    }
}
