import ArgumentParser
import LifecycleKit

extension CohortMetric: ExpressibleByArgument {}

/// `clc cohorts FILE [--metric purchase|active] [--format table|json|csv]`
struct CohortsCommand: SpeakingCommand {
    static let configuration = CommandConfiguration(
        commandName: "cohorts",
        abstract: "Show, per month of arrival, the share of customers who buy (or are active) in each month since.",
        discussion: """
            A customer's cohort is the UTC month of created_at, else of the first transition, \
            else of the first touchpoint. Each cell is the share of the cohort with a purchase \
            (or any touchpoint) in that calendar month, up to the month of as_of.

            Examples:
              clc cohorts shop.sqlite
              clc cohorts shop.sqlite --metric active --format csv > cohorts.csv
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The snapshot file (.json or .sqlite).")
    var file: String

    @Option(help: "What a cell counts: purchase (a purchase in the month) or active (any touchpoint).")
    var metric: CohortMetric = .purchase

    @Option(help: "Output format: table, json or csv.")
    var format: ValueRenderer.Format = .table

    mutating func run() throws {
        let store = try openSnapshot(file, language: language)
        let report = try store.cohorts(metric: metric)
        printResult(format, json: { CohortRenderer.json(report) }, csv: { CohortRenderer.csv(report) },
                    table: { CohortRenderer.table(report, language: language) })
    }
}
