import ArgumentParser
import LifecycleKit

/// `clc diff OLD NEW [--format table|json|csv]`
struct DiffCommand: SpeakingCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two snapshots: customers added, removed and moved, and each stage's count before and after.",
        discussion: """
            Customers are matched by id, stages by id. CSV lists every changed customer \
            (id, change, from, to); JSON also the moved customers and the added and removed ids.

            Examples:
              clc diff october.sqlite november.sqlite
              clc diff october.json november.json --format csv > changes.csv
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The older snapshot file (.json or .sqlite).")
    var old: String

    @Argument(help: "The newer snapshot file (.json or .sqlite).")
    var new: String

    @Option(help: "Output format: table, json or csv.")
    var format: ValueRenderer.Format = .table

    mutating func run() throws {
        let before = try openSnapshot(old, language: language)
        let after = try openSnapshot(new, language: language)
        let diff = try SnapshotDiff.compare(old: before, new: after)
        printResult(format, json: { DiffRenderer.json(diff) }, csv: { DiffRenderer.csv(diff) },
                    table: { DiffRenderer.table(diff, old: (old, before.info.asOf), new: (new, after.info.asOf), language: language) })
    }
}
