import ArgumentParser
import LifecycleKit

/// `clc flows FILE [--since DATE] [--until DATE] [--format table|json|csv]`
struct FlowsCommand: SpeakingCommand {
    static let configuration = CommandConfiguration(
        commandName: "flows",
        abstract: "Count the stage changes by from and to stage: entries, forward, skips, backward moves.",
        discussion: """
            Each transition with since ≤ at < until, counted by (from, to); a null from is an \
            entry. median_days is the median of the days since the customer's previous transition.

            Examples:
              clc flows shop.sqlite
              clc flows shop.sqlite --since 2026-01-01 --until 2026-04-01 --format json
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The snapshot file (.json or .sqlite).")
    var file: String

    @Option(help: "Only transitions at or after this moment (RFC 3339 or YYYY-MM-DD).")
    var since: String?

    @Option(help: "Only transitions before this moment (RFC 3339 or YYYY-MM-DD).")
    var until: String?

    @Option(help: "Output format: table, json or csv.")
    var format: ValueRenderer.Format = .table

    mutating func run() throws {
        let from = try parseTime(since, option: "--since", language: language)
        let to = try parseTime(until, option: "--until", language: language)
        let store = try openSnapshot(file, language: language)
        let report = try store.flows(since: from, until: to)
        printResult(format, json: { FlowRenderer.json(report) }, csv: { FlowRenderer.csv(report) },
                    table: { FlowRenderer.table(report, language: language) })
    }
}
