import TOMLKit

/// Reads theme files (TOML, with TOMLKit).
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

    /// Parses a theme file; throws a `TOMLProblem` naming the line and what is wrong.
    public static func parse(_ text: String, defaultName: String) throws -> ThemeFile {
        let toml = try TOMLText(text)
        var theme = Theme(name: defaultName)
        var inherits: String?
        for (key, value) in toml.table {
            switch key {
            case "name", "inherits":
                guard let s = value.string else { throw toml.problem("\(key) must be a quoted string", key: key) }
                if key == "name" { theme.name = s } else { inherits = s }
            default:
                guard let role = rolesByFileName[key] else {
                    let message = value.table == nil
                        ? "unknown top-level key \"\(key)\" (expected name, inherits or a [role] section)"
                        : "unknown role \"\(key)\" (known: \(rolesByFileName.keys.sorted().joined(separator: ", ")))"
                    throw toml.problem(message, key: value.table == nil ? key : nil, in: value.table == nil ? nil : key)
                }
                guard let table = value.table else { throw toml.problem("\(key) must be a [\(key)] section", key: key) }
                theme.styles[role] = try style(table, section: key, in: toml)
            }
        }
        return ThemeFile(theme: theme, inherits: inherits)
    }

    /// The style of one `[role]` section: `fg`, `bg`, `attrs`.
    private static func style(_ table: TOMLTable, section: String, in toml: TOMLText) throws -> RoleStyle {
        var style = RoleStyle()
        for (key, value) in table {
            switch key {
            case "fg", "bg":
                guard let text = value.string ?? value.int.map(String.init), let color = ThemeColor(parsing: text) else {
                    throw toml.problem("unknown colour \(TOMLText.shown(value)) (use a name, 0-255 or #rrggbb)", key: key, in: section)
                }
                if key == "fg" { style.foreground = color } else { style.background = color }
            case "attrs":
                guard let list = value.array else {
                    throw toml.problem("attrs must be a list, like [\"bold\", \"underline\"]", key: key, in: section)
                }
                for item in list {
                    guard let attribute = item.string.flatMap({ TextAttributes.names[$0] }) else {
                        throw toml.problem("unknown attribute \(TOMLText.shown(item)) (use bold, reverse, underline, dim, italic)",
                                           key: key, in: section)
                    }
                    style.attributes.insert(attribute)
                }
            default:
                throw toml.problem("unknown key \"\(key)\" in [\(section)] (expected fg, bg, attrs)", key: key, in: section)
            }
        }
        return style
    }
}
