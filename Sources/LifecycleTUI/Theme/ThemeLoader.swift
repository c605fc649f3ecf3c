import Foundation

/// Finds and loads themes: the project's `themes/` folder (beside the installed binary in
/// `../share/clc/themes`, or found walking up from the binary in a checkout, or
/// `$CLC_THEMES_DIR`), then the user's `$XDG_CONFIG_HOME/clc/themes` (default
/// `~/.config/clc/themes`), whose files override roles of the theme they name.
public struct ThemeLoader {
    public var environment: [String: String]
    public var executablePath: String

    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                executablePath: String = CommandLine.arguments.first ?? "") {
        self.environment = environment
        self.executablePath = executablePath
    }

    public struct LoadError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The folder of the built-in themes, if one can be found.
    public var builtinDirectory: String? {
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

    /// The folder of the user's own themes.
    public var userDirectory: String {
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        return config + "/clc/themes"
    }

    /// Names of every theme available, built-in and user.
    public func availableThemes() -> [String] {
        var names = Set<String>()
        for dir in [builtinDirectory, userDirectory].compactMap({ $0 }) {
            for f in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where f.hasSuffix(".toml") {
                names.insert(String(f.dropLast(5)))
            }
        }
        return names.sorted()
    }

    /// The theme called `name`: the built-in file, with the user's file of that name laid over
    /// it; a user theme of a new name builds on the theme its `inherits` names (default: `default`).
    public func load(_ name: String) throws -> Theme {
        guard !name.contains("/") && !name.isEmpty else { throw LoadError(message: "invalid theme name \"\(name)\"") }
        return try load(name, depth: 0)
    }

    private func load(_ name: String, depth: Int) throws -> Theme {
        guard depth < 8 else { throw LoadError(message: "theme \"\(name)\": inherits too deeply (a cycle?)") }
        let builtin = try builtinDirectory.flatMap { try read("\($0)/\(name).toml", name: name) }
        let user = try read("\(userDirectory)/\(name).toml", name: name)
        var theme: Theme
        if let builtin {
            theme = builtin.inherits.map { try? load($0, depth: depth + 1) }.flatMap { $0 }.map { $0.overlaid(with: builtin.theme) } ?? builtin.theme
        } else if let user {
            let parentName = user.inherits ?? "default"
            theme = parentName == name ? Theme.base : try load(parentName, depth: depth + 1)
        } else if name == "default" {
            return Theme(name: "default")   // no theme files at all: attributes only
        } else {
            throw LoadError(message: "no theme \"\(name)\" (available: \(availableThemes().joined(separator: ", ")))")
        }
        if let user { theme = theme.overlaid(with: user.theme) }
        theme.name = name
        return theme
    }

    private func read(_ path: String, name: String) throws -> ThemeParser.ThemeFile? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw LoadError(message: "\(path): cannot be read as UTF-8 text")
        }
        do {
            return try ThemeParser.parse(text, defaultName: name)
        } catch let error as ThemeParser.ParseError {
            throw LoadError(message: "\(path): \(error)")
        }
    }
}
