/// Why a theme or the config could not be used.
public struct SettingsError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Kind: Sendable {
        /// No theme of that name (or an invalid name): a usage error when given with `--theme`.
        case unknownTheme
        /// A theme or config file that cannot be read or is not valid: its path, line and problem.
        case brokenFile
    }

    public var kind: Kind
    public var message: String
    public var description: String { message }

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// A broken file: `~/.config/clc/themes/mine.toml, line 3: unknown colour "purplish" …`.
    static func file(_ path: String, _ problem: TOMLProblem, home: String?) -> SettingsError {
        SettingsError(.brokenFile, displayPath(path, home: home) + (problem.line == nil ? ": " : ", ") + problem.description)
    }

    /// `path` with the home directory written `~`.
    static func displayPath(_ path: String, home: String?) -> String {
        guard let home, !home.isEmpty, home != "/", path.hasPrefix(home + "/") else { return path }
        return "~" + path.dropFirst(home.count)
    }
}
