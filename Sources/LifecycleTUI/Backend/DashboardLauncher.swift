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

    /// A JSON file is parsed whole before the first frame: say so when that takes a moment.
    static func announceLongLoad(_ path: String) {
        guard (try? SnapshotFile.kind(ofFileAt: path)) == .json,
              let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
              size > 32 << 20 else { return }
        let text = "clc: reading \(SafeText.visible((path as NSString).lastPathComponent)) (\(size >> 20) MB)…\n"
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Runs the dashboard until the user quits; returns the signal that ended it, if any
    /// (the terminal is restored either way). A broken theme or config is a warning in the
    /// status bar; only an unknown `--theme` is a usage error. Every text is in `language`.
    /// `rules`: the rules file of the suggestions screen (nil: `FILE.rules.toml` beside it).
    @discardableResult
    public static func run(path: String, themeOption: String?, user: String? = nil, mouse: Bool = false,
                           language: Language = .en, compare: String? = nil, rules: String? = nil) throws -> Int32? {
        do {
            try NcursesTerminal.checkUsable()
        } catch let e as NcursesTerminal.SetupError {
            throw Failure.usage(e.description)
        }
        let selection: ThemeSelection
        do {
            selection = try ThemeSelection.resolve(option: themeOption)
        } catch let e as SettingsError {
            throw Failure.usage(SafeText.visible(e.description))
        }
        // The status bar may cut the warning: say it whole once the terminal is restored.
        defer { if let warning = selection.warning { FileHandle.standardError.write(Data("clc: \(SafeText.visible(warning))\n".utf8)) } }
        announceLongLoad(path)
        let store = try SnapshotFile.openInDashboard(path)
        let old = try compare.map { try SnapshotFile.open($0) }
        defer { store.releaseFile() }
        // The first frame needs the stage counts: count them while the terminal starts.
        let counts = ThreadResult { try store.stageCounts() }
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(theme: selection.theme, mouse: mouse || selection.mouse)
        } catch let e as NcursesTerminal.SetupError {
            throw Failure.usage(e.description)
        }
        defer { terminal.close() }
        let label = (path as NSString).lastPathComponent
        var dashboard = try Dashboard(store: store, width: terminal.width, height: terminal.height, fileLabel: label,
                                      user: StageMover.resolveUser(option: user), language: language, stageCounts: counts.value())
        if let warning = selection.warning { dashboard.showWarning(warning) }
        dashboard.state.mouse = terminal.mouse
        dashboard.state.atRiskBelow = selection.atRiskBelow
        if let rules { dashboard.state.rulesFile = rules }
        if let old, let compare { dashboard.compare(with: old, label: (compare as NSString).lastPathComponent) }
        let exitAfterFirstFrame = ProcessInfo.processInfo.environment["CLC_EXIT_AFTER_FIRST_FRAME"] == "1"
        DashboardRunner(dashboard: dashboard, terminal: terminal)
            .run(exitAfterFirstFrame: exitAfterFirstFrame, shouldStop: { terminal.interrupted })
        // A background thread may still hold the store at exit: keep the index explicitly.
        store.saveListIndex()
        return terminal.endingSignal
    }
}
