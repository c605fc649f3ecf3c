import ArgumentParser
import Foundation
import LifecycleKit

extension ValueRenderer.Format: ExpressibleByArgument {}

/// Options shared by `model` and `scores`: how CLV is computed.
struct LifetimeOptions: ParsableArguments {
    @Option(help: "CLV horizon in months of 30 days.")
    var months = 12

    @Option(help: "Monthly discount rate of CLV (0.01 = 1 %).")
    var discount = 0.01

    func validate() throws {
        guard months >= 0, months <= 1200 else { throw ValidationError("--months must be 0 to 1200") }
        guard discount > -1, discount.isFinite else { throw ValidationError("--discount must be more than -1") }
    }

    var lifetime: LifetimeValue { LifetimeValue(months: months, discount: discount) }
}

/// `clc model FILE [--calibration-end DATE] [--format table|json]`
struct ModelCommand: SpeakingCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "Fit the customer-value models: BG/NBD, Gamma-Gamma, and check the forecast.",
        discussion: """
            Purchases (touchpoints of type purchase, per UTC day) up to as_of, or up to \
            --calibration-end, fit BG/NBD (time unit a day) and Gamma-Gamma by maximum \
            likelihood. With --calibration-end the forecast is compared with the purchases \
            after it, week by week and by the buyers' number of repeat purchases.

            Examples:
              clc model shop.sqlite
              clc model cdnow.sqlite --calibration-end 1997-10-01 --format json
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var clv: LifetimeOptions

    @Argument(help: "The snapshot file (.json or .sqlite).")
    var file: String

    @Option(help: "Fit on purchases up to this date (RFC 3339 or YYYY-MM-DD); the rest is the holdout.")
    var calibrationEnd: String?

    @Option(help: "Output format: table or json.")
    var format: ValueRenderer.Format = .table

    mutating func run() throws {
        guard format != .csv else { throw ValidationError("--format must be table or json") }
        let end = try parseTime(calibrationEnd, option: "--calibration-end", language: language)
        let store = try openSnapshot(file, language: language)
        let report = try store.customerValueModel(calibrationEnd: end, lifetime: clv.lifetime)
        switch format {
        case .json: print(ValueRenderer.modelJSON(report), terminator: "")
        default: print(ValueRenderer.modelTable(report, name: store.info.name, language: language), terminator: "")
        }
    }
}

/// `clc scores FILE [--stage ID] [--format table|json|csv] [--months N] [--discount D]`
struct ScoresCommand: SpeakingCommand {
    static let configuration = CommandConfiguration(
        commandName: "scores",
        abstract: "Print every customer's value: P(alive), expected purchases, CLV and RFM.",
        discussion: """
            One row per customer in id order (customers without a purchase have no model \
            figures). JSON and CSV hold: id, name, stage, purchases, frequency, recency_days, \
            t_days, monetary, p_alive, expected_purchases_90d, clv, rfm, rfm_segment.

            Examples:
              clc scores shop.sqlite --stage retention
              clc scores shop.sqlite --format csv > scores.csv
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var clv: LifetimeOptions

    @Argument(help: "The snapshot file (.json or .sqlite).")
    var file: String

    @Option(help: "Only the customers currently in this stage.")
    var stage: String?

    @Option(help: "Output format: table, json or csv.")
    var format: ValueRenderer.Format = .table

    mutating func run() throws {
        let store = try openSnapshot(file, language: language)
        if let stage, !store.stages.contains(where: { $0.id == stage }) {
            throw OperationError(Message(.unknownStageAmong, .text(stage), .text(store.stages.map(\.id).joined(separator: ", "))))
        }
        let report = try store.customerValues(lifetime: clv.lifetime)
        switch format {
        case .json: print(ScoresRenderer.json(report, stages: store.stages, stage: stage), terminator: "")
        case .csv: print(ScoresRenderer.csv(report, stages: store.stages, stage: stage), terminator: "")
        case .table: print(ScoresRenderer.table(report, stages: store.stages, stage: stage, language: language), terminator: "")
        }
    }
}
