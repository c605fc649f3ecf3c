/// The theme the dashboard opens with, and a warning for the status bar when the user's
/// theme or config could not be used.
public struct ThemeSelection: Equatable, Sendable {
    public var theme: Theme
    public var warning: String?
    /// `mouse = true` in config.toml (read with the theme; `--mouse` turns it on too).
    public var mouse = false
    /// `at_risk_below` in config.toml (read with the theme).
    public var atRiskBelow = UserConfig.defaultAtRiskBelow

    /// `--theme`, else `theme` in config.toml, else `default`. A broken theme or config file
    /// (or a config naming no theme) does not stop the dashboard: it opens with the default
    /// theme and a warning naming the file, line and problem. Only an unknown `--theme` throws
    /// (a `SettingsError` of kind `.unknownTheme`: a usage error).
    public static func resolve(option: String?, loader: ThemeLoader = ThemeLoader()) throws -> ThemeSelection {
        var name = option ?? "default"
        var configLine: Int?
        var mouse = false
        var atRiskBelow = UserConfig.defaultAtRiskBelow
        do {
            let config = try UserConfig.load(path: loader.configPath, home: loader.home)
            if option == nil { (name, configLine) = (config?.theme ?? "default", config?.themeLine) }
            mouse = config?.mouse ?? false
            atRiskBelow = config?.atRiskBelow ?? atRiskBelow
        } catch let error as SettingsError {
            if option == nil { return fallback(loader, warning: error.message) }
        }
        do {
            return ThemeSelection(theme: try loader.load(name), mouse: mouse, atRiskBelow: atRiskBelow)
        } catch let error as SettingsError where error.kind == .unknownTheme {
            guard option == nil else { throw error }
            let config = SettingsError.file(loader.configPath, TOMLProblem(line: configLine, message: error.message), home: loader.home)
            return fallback(loader, warning: config.message)
        } catch let error as SettingsError {
            return fallback(loader, warning: error.message)
        }
    }

    /// The default theme (the compiled-in one when the user's `default` is broken too).
    private static func fallback(_ loader: ThemeLoader, warning: String) -> ThemeSelection {
        let theme = (try? loader.load("default")) ?? ThemeLoader.compiledDefault
        return ThemeSelection(theme: theme, warning: warning + " — default theme used")
    }
}
