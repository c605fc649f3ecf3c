import ArgumentParser
import LifecycleKit

/// `clc [open] [FILE]`: the default command.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open a snapshot (default command); without FILE, the built-in demo.")

    @Argument(help: "A snapshot file (.json, .sqlite, .db). Omit to open the demo.")
    var file: String?

    mutating func run() throws {
        let path = try file ?? DemoSnapshot.ensure()
        let store = try SnapshotFile.open(path)
        print(ReportRenderer.render(try store.funnelReport(), as: .table), terminator: "")
    }
}
