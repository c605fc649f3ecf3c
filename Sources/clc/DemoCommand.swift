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

    mutating func run() throws {
        let file = try DemoSnapshot.ensure(reset: reset)
        if path { print(SafeText.visible(file)); return }
        // Parsed, so that every option of `open` has its default (an unset one stops the program).
        var open = try OpenCommand.parse([file] + (theme.map { ["--theme", $0] } ?? []))
        open.global = global
        try open.run()
    }
}
