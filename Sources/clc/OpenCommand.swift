import ArgumentParser
import LifecycleKit
import LifecycleTUI

/// `clc [open] [FILE] [--theme NAME]`: the default command, the dashboard.
struct OpenCommand: SpeakingCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the dashboard on a snapshot (the default command).",
        discussion: """
            Without FILE, on the built-in demo. Needs a terminal; for text output use `clc report FILE`.

            Themes: default, light, high-contrast, mono, or your own in ~/.config/clc/themes; \
            `theme = "light"` in ~/.config/clc/config.toml sets the default. NO_COLOR is honoured. \
            A mistake in a theme or config file is a warning (file, line, problem); the default theme is used.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A snapshot file (.json, .sqlite, .db). Omit to open the demo.")
    var file: String?

    @Option(help: "Colour theme (default, light, high-contrast, mono, or a user theme).")
    var theme: String?

    @Option(help: "Who makes the stage changes (default: CLC_USER, else the login name).")
    var user: String?

    @Flag(help: "Clicks and the wheel: select, open, scroll, press a hint (`mouse = true` in config.toml; off: the terminal selects text).")
    var mouse = false

    @Option(help: "An older snapshot to compare with: a delta beside each funnel bar, x lists the customers changed since.")
    var compare: String?

    @Option(help: "The rules file of the suggestions screen (R; default: FILE.rules.toml beside the snapshot).")
    var rules: String?

    mutating func run() throws {
        try Self.openDashboard(path: try file ?? DemoSnapshot.ensure(), theme: theme, user: user, mouse: mouse,
                               compare: compare, rules: rules, language: language)
    }

    /// Runs the dashboard on `path` until the user quits. `clc demo` calls it too (it never
    /// builds an `OpenCommand` by hand: a parsed command's options exist only after parsing).
    static func openDashboard(path: String, theme: String?, user: String?, mouse: Bool, compare: String?,
                              rules: String?, language: Language) throws {
        do {
            if let signal = try DashboardLauncher.run(path: path, themeOption: theme, user: user, mouse: mouse, language: language, compare: compare, rules: rules) {
                throw ExitCode(128 + signal)   // terminal already restored; conventional status
            }
        } catch let DashboardLauncher.Failure.usage(message) {
            throw UsageFailure(message: message)
        }
    }
}

/// A usage problem found after parsing (no terminal, unknown theme): exit 2.
struct UsageFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
