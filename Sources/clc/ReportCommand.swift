import ArgumentParser
import LifecycleKit

extension ReportRenderer.Format: ExpressibleByArgument {}

/// `clc report FILE [--format table|json|csv]`
struct ReportCommand: SpeakingCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the funnel of a snapshot, one row per stage.",
        discussion: """
            Per stage: customers, share, reach, conversion, median days in stage and revenue.

            Examples:
              clc report shop.sqlite
              clc report shop.json --format json > funnel.json
              clc report shop.sqlite --format csv > funnel.csv
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The snapshot file (.json or .sqlite).")
    var file: String

    @Option(help: "Output format: table, json or csv.")
    var format: ReportRenderer.Format = .table

    mutating func run() throws {
        let store = try openSnapshot(file, language: language)
        print(ReportRenderer.render(try store.funnelReport(), as: format, language: language), terminator: "")
    }
}
