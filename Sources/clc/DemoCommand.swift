import ArgumentParser
import LifecycleKit

/// `clc demo [--reset] [--path]`
struct DemoCommand: SpeakingCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Open the built-in demo data set.",
        discussion: "It is kept in your data directory, so changes persist between runs.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Delete the demo and generate it afresh.")
    var reset = false

    @Flag(help: "Only print where the demo file is.")
    var path = false

    @Option(help: "Colour theme.")
    var theme: String?

    @Flag(help: "Clicks and the wheel (as `clc open --mouse`).")
    var mouse = false

    mutating func run() throws {
        let file = try DemoSnapshot.ensure(reset: reset)
        if path { print(SafeText.visible(file)); return }
        try OpenCommand.openDashboard(path: file, theme: theme, user: nil, mouse: mouse, compare: nil, rules: nil,
                                      language: language)
    }
}
