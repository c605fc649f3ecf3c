import ArgumentParser
import LifecycleKit

/// `clc validate FILE`
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a snapshot against the format and print every problem.",
        discussion: "Each problem is printed with its place. Exits 1 when there is any error; warnings alone exit 0.")

    @Argument(help: "The snapshot file (.json or .sqlite).")
    var file: String

    @Option(help: "Problems listed per severity before a summary line.")
    var limit: Int = 50

    mutating func run() throws {
        let problems = SnapshotFile.validate(file)
        for line in problems.lines(maxPerSeverity: max(1, limit)) { print(SafeText.visible(line)) }
        let e = problems.errorCount, w = problems.warningCount
        print("\(SafeText.visible(file)): \(NumberText.grouped(e)) error\(e == 1 ? "" : "s"), \(NumberText.grouped(w)) warning\(w == 1 ? "" : "s")")
        if problems.hasErrors { throw ExitCode(1) }
    }
}
