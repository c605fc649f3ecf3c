import ArgumentParser
import LifecycleKit

/// `clc validate FILE`
struct ValidateCommand: SpeakingCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a snapshot against the format and print every problem.",
        discussion: "Each problem is printed with its place. Exits 1 when there is any error; warnings alone exit 0.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The snapshot file (.json or .sqlite).")
    var file: String

    @Option(help: "Problems listed per severity before a summary line.")
    var limit: Int = 50

    mutating func run() throws {
        let problems = SnapshotFile.validate(file)
        for line in problems.lines(maxPerSeverity: max(1, limit), language: language) { print(SafeText.visible(line)) }
        say(problems.summary(path: file))
        if problems.hasErrors { throw ExitCode(1) }
    }
}
