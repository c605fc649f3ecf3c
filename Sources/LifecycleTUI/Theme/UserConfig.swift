/// The user's settings, `$XDG_CONFIG_HOME/clc/config.toml` (default `~/.config/clc/config.toml`):
///
/// ```toml
/// theme = "light"   # the theme when --theme is not given
/// mouse = true      # clicks and the wheel, as with --mouse (off by default: text selection)
/// at_risk_below = 0.5   # a buyer whose P(alive) is below this is "at risk"
/// ```
public struct UserConfig: Equatable, Sendable {
    /// The theme to open with, if the file names one.
    public var theme: String?
    /// The line of `theme = …`, for messages about it.
    public var themeLine: Int?
    /// Clicks and the wheel in the dashboard.
    public var mouse = false
    /// A buyer whose P(alive) is below this counts as at risk (0…1).
    public var atRiskBelow = UserConfig.defaultAtRiskBelow
    public static let defaultAtRiskBelow = 0.5

    /// Parses the text of a config file; throws a `TOMLProblem` naming the line and what is wrong.
    public static func parse(_ text: String) throws -> UserConfig {
        let toml = try TOMLText(text)
        var config = UserConfig()
        for (key, value) in toml.table {
            if key == "mouse" {
                guard let on = value.bool else { throw toml.problem("mouse must be true or false", key: key) }
                config.mouse = on
                continue
            }
            if key == "at_risk_below" {
                guard let x = value.double ?? value.int.map(Double.init), x > 0, x <= 1 else {
                    throw toml.problem("at_risk_below must be a number above 0 and at most 1, like 0.5", key: key)
                }
                config.atRiskBelow = x
                continue
            }
            guard key == "theme" else { throw toml.problem("unknown setting \"\(key)\" (expected theme, mouse or at_risk_below)", key: key) }
            guard let name = value.string else {
                throw toml.problem("theme must be a quoted name, like theme = \"light\"", key: key)
            }
            config.theme = name
            config.themeLine = toml.line(ofKey: key, in: nil)
        }
        return config
    }

    /// The config at `path`, nil when there is none; a broken one throws a `SettingsError`
    /// naming the file, the line and the problem.
    public static func load(path: String, home: String?) throws -> UserConfig? {
        try TOMLText.readFile(path, home: home, parse)
    }
}
