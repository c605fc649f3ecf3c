import Foundation
import LifecycleKit

/// Starts the dashboard on a terminal: checks the terminal, loads the theme, opens the
/// store (errors reach stderr before any screen is drawn), runs, and always restores the
/// terminal.
public enum DashboardLauncher {
    public enum Failure: Error, CustomStringConvertible {
        /// A usage problem (no terminal, unknown theme): exit 2.
        case usage(String)
        public var description: String {
            switch self { case .usage(let m): return m }
        }
    }

    /// The theme to use: `--theme`, else `theme = "…"` in `$XDG_CONFIG_HOME/clc/config.toml`,
    /// else `default`.
    public static func themeName(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let option { return option }
        let loader = ThemeLoader(environment: environment)
        let configPath = (loader.userDirectory as NSString).deletingLastPathComponent + "/config.toml"
        guard let text = try? String(contentsOfFile: configPath, encoding: .utf8) else { return "default" }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingWhitespace }
            if parts.count == 2, parts[0] == "theme" {
                return parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return "default"
    }

    /// Runs the dashboard until the user quits; returns the signal that ended it, if any
    /// (the terminal is restored either way).
    @discardableResult
    /// A JSON file is parsed whole before the first frame: say so when that takes a moment.
    static func announceLongLoad(_ path: String) {
        guard (try? SnapshotFile.kind(ofFileAt: path)) == .json,
              let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
              size > 32 << 20 else { return }
        let text = "clc: reading \((path as NSString).lastPathComponent) (\(size >> 20) MB)…\n"
        FileHandle.standardError.write(Data(text.utf8))
    }

    public static func run(path: String, themeOption: String?, user: String? = nil) throws -> Int32? {
        do {
            try NcursesTerminal.checkUsable()
        } catch let e as NcursesTerminal.SetupError {
            throw Failure.usage(e.description)
        }
        let theme: Theme
        do {
            theme = try ThemeLoader().load(themeName(option: themeOption))
        } catch let e as ThemeLoader.LoadError {
            throw Failure.usage(e.description)
        }
        announceLongLoad(path)
        let store = try SnapshotFile.openInDashboard(path)
        defer { store.releaseFile() }
        // The first frame needs the stage counts: count them while the terminal starts.
        let counts = ThreadResult { try store.stageCounts() }
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(theme: theme)
        } catch let e as NcursesTerminal.SetupError {
            throw Failure.usage(e.description)
        }
        defer { terminal.close() }
        let label = (path as NSString).lastPathComponent
        let dashboard = try Dashboard(store: store, width: terminal.width, height: terminal.height, fileLabel: label,
                                      user: StageMover.resolveUser(option: user), stageCounts: counts.value())
        let exitAfterFirstFrame = ProcessInfo.processInfo.environment["CLC_EXIT_AFTER_FIRST_FRAME"] == "1"
        DashboardRunner(dashboard: dashboard, terminal: terminal)
            .run(exitAfterFirstFrame: exitAfterFirstFrame, shouldStop: { terminal.interrupted })
        // A background thread may still hold the store at exit: keep the index explicitly.
        store.saveListIndex()
        return terminal.endingSignal
    }
}
