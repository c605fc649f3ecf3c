import ArgumentParser
import LifecycleKit

extension AttributionModel: ExpressibleByArgument {}
extension AttributionDimension: ExpressibleByArgument {}

/// `clc attribution FILE --stage ID [--model …] [--by …] [--lookback-days N] [--format …]`
struct AttributionCommand: SpeakingCommand {
    static let configuration = CommandConfiguration(
        commandName: "attribution",
        abstract: "Credit the conversions into a stage to the channels, campaigns or types of touchpoints before them.",
        discussion: """
            A conversion is a customer's first entry into the stage. The touchpoints in the \
            lookback window before it share one credit by the model; a conversion without one \
            credits (none). Per key: credit, share, touchpoints, customers, revenue.

            Examples:
              clc attribution shop.sqlite --stage purchase
              clc attribution shop.sqlite --stage purchase --model position --by campaign --format json
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The snapshot file (.json or .sqlite).")
    var file: String

    @Option(help: "The stage whose conversions are credited (its id).")
    var stage: String

    @Option(help: "How the credit is shared: first, last, linear, position or time-decay.")
    var model: AttributionModel = .last

    @Option(help: "What the credit goes to: channel, campaign or type.")
    var by: AttributionDimension = .channel

    @Option(help: "The window before each conversion, in days.")
    var lookbackDays = 90

    @Option(help: "Output format: table, json or csv.")
    var format: ValueRenderer.Format = .table

    mutating func run() throws {
        let store = try openSnapshot(file, language: language)
        let report = try store.attribution(stage: stage, model: model, by: by, lookbackDays: lookbackDays)
        printResult(format, json: { AttributionRenderer.json(report) }, csv: { AttributionRenderer.csv(report) },
                    table: { AttributionRenderer.table(report, language: language) })
    }
}
