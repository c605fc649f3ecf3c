import Foundation

/// Finds and loads themes. The built-in themes are compiled in (`BuiltinThemes`, generated
/// from `themes/`); a themes folder replaces them file by file: `$CLC_THEMES_DIR`, else
/// `../share/clc/themes` beside the binary (an install), else a `themes/` folder found walking
/// up from the binary (a checkout). The user's `$XDG_CONFIG_HOME/clc/themes` (default
/// `~/.config/clc/themes`) then overrides roles of the theme its files name.
public struct ThemeLoader {
    public var environment: [String: String]
    public var executablePath: String

    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                executablePath: String = Bundle.main.executablePath ?? CommandLine.arguments.first ?? "") {
        self.environment = environment
        self.executablePath = executablePath
    }

    /// The folder whose theme files replace the compiled-in ones, if there is one.
    public var themesDirectory: String? {
        if let dir = environment["CLC_THEMES_DIR"], !dir.isEmpty { return dir }
        let exe = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        let installed = exe.deletingLastPathComponent().appendingPathComponent("share/clc/themes")
        if FileManager.default.fileExists(atPath: installed.appendingPathComponent("default.toml").path) { return installed.path }
        var dir = exe
        for _ in 0..<6 {
            let candidate = dir.appendingPathComponent("themes")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("default.toml").path) { return candidate.path }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    /// The user's clc folder: `$XDG_CONFIG_HOME/clc`, default `~/.config/clc`.
    public var configDirectory: String {
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        return config + "/clc"
    }

    /// The folder of the user's own themes.
    public var userDirectory: String { configDirectory + "/themes" }

    /// The user's settings file.
    public var configPath: String { configDirectory + "/config.toml" }

    /// The home directory, written `~` in messages.
    var home: String? { environment["HOME"] }

    /// The compiled-in default theme: what the dashboard falls back to when nothing else loads.
    public static var compiledDefault: Theme {
        (try? ThemeParser.parse(BuiltinThemes.files["default"] ?? "", defaultName: "default").theme) ?? Theme(name: "default")
    }

    /// Names of every theme available: built-in, in the themes folder, and the user's.
    public func availableThemes() -> [String] {
        var names = Set(BuiltinThemes.files.keys)
        for dir in [themesDirectory, userDirectory].compactMap({ $0 }) {
            for f in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where f.hasSuffix(".toml") {
                names.insert(String(f.dropLast(5)))
            }
        }
        return names.sorted()
    }

    /// The theme called `name`: the built-in one, with the user's file of that name laid over
    /// it; a user theme of a new name builds on the theme its `inherits` names (default:
    /// `default`). Throws a `SettingsError`: `.unknownTheme`, or `.brokenFile` naming the
    /// file, the line and the problem.
    public func load(_ name: String) throws -> Theme {
        guard !name.contains("/") && !name.isEmpty else { throw SettingsError(.unknownTheme, "invalid theme name \"\(name)\"") }
        return try load(name, depth: 0)
    }

    private func load(_ name: String, depth: Int) throws -> Theme {
        guard depth < 8 else { throw SettingsError(.brokenFile, "theme \"\(name)\": inherits too deeply (a cycle?)") }
        let builtin = try builtinFile(name)
        let user = try read("\(userDirectory)/\(name).toml", name: name)
        var theme: Theme
        if let builtin {
            theme = try builtin.inherits.map { try load($0, depth: depth + 1).overlaid(with: builtin.theme) } ?? builtin.theme
        } else if let user {
            let parentName = user.inherits ?? "default"
            theme = parentName == name ? Theme.base : try load(parentName, depth: depth + 1)
        } else {
            throw SettingsError(.unknownTheme, "no theme \"\(name)\" (available: \(availableThemes().joined(separator: ", ")))")
        }
        if let user { theme = theme.overlaid(with: user.theme) }
        theme.name = name
        return theme
    }

    /// The built-in theme `name`: the themes folder's file, else the compiled-in text.
    private func builtinFile(_ name: String) throws -> ThemeParser.ThemeFile? {
        if let dir = themesDirectory, let file = try read("\(dir)/\(name).toml", name: name) { return file }
        guard let text = BuiltinThemes.files[name] else { return nil }
        do {
            return try ThemeParser.parse(text, defaultName: name)
        } catch let problem as TOMLProblem {
            throw SettingsError.file("built-in theme \(name)", problem, home: nil)
        }
    }

    private func read(_ path: String, name: String) throws -> ThemeParser.ThemeFile? {
        try TOMLText.readFile(path, home: home) { try ThemeParser.parse($0, defaultName: name) }
    }
}
