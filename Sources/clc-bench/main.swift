import ArgumentParser

/// `clc-bench`: the one-command benchmark of issue 5 (run it with `scripts/bench`).
struct CLCBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clc-bench",
        abstract: "Measure clc against reference programs in the same run and print a table.",
        subcommands: [RunCommand.self, ChildCommand.self],
        defaultSubcommand: RunCommand.self)
}

CLCBench.main()
