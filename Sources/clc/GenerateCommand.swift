import ArgumentParser
import Foundation
import LifecycleKit

/// `clc generate OUT --customers N [--touchpoints-per-customer K] [--seed S]`
struct GenerateCommand: SpeakingCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a realistic, deterministic synthetic snapshot.",
        discussion: """
            For demos, tests and benchmarks; the same seed gives the same file.

            Examples:
              clc generate demo.sqlite --customers 5000
              clc generate big.sqlite --customers 1000000 --touchpoints-per-customer 10
              clc generate sample.json --customers 200 --seed 7
              clc generate fit.sqlite --customers 20000 --purchases bgnbd

            --purchases bgnbd draws every converted customer's purchases from a BG/NBD \
            process with Gamma-Gamma amounts, CDNOW's published parameters in days: \
            r = 0.243, alpha = 30.898, a = 0.793, b = 2.426; p = 6.25, q = 3.74, gamma = 15.44.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The file to write: .json, or .sqlite/.db.")
    var output: String

    @Option(help: "Number of customers.")
    var customers: Int

    @Option(help: "Average touchpoints per customer.")
    var touchpointsPerCustomer: Int = 10

    @Option(help: "How purchases are made: journey (orders tied to the stages) or bgnbd (a BG/NBD process).")
    var purchases: PurchaseKind = .journey

    @Option(help: "Random seed: the same seed gives the same file.")
    var seed: UInt64 = 1

    @Flag(help: "Overwrite OUT if it exists.")
    var force = false

    func validate() throws {
        guard customers >= 0 else { throw ValidationError(text(Message(.mustNotBeNegative, .text("--customers")))) }
        guard touchpointsPerCustomer >= 0 else { throw ValidationError(text(Message(.mustNotBeNegative, .text("--touchpoints-per-customer")))) }
        guard SnapshotFile.kind(forExtension: output) != nil else {
            throw ValidationError(text(Message(.formatUnknown, .text(output))))
        }
    }

    mutating func run() throws {
        if FileManager.default.fileExists(atPath: output) && !force {
            throw OperationError(Message(.outputExists, .text(output)))
        }
        let sink = try SnapshotFile.makeSink(path: output, kind: SnapshotFile.kind(forExtension: output)!)
        var generator = SnapshotGenerator(customers: customers, touchpointsPerCustomer: touchpointsPerCustomer, seed: seed)
        if purchases == .bgnbd { generator.purchases = .bgnbd(.cdnowDays) }
        try generator.generate(into: sink)
        say(Message(.wroteSnapshot, .text(output), .count(customers)))
    }
}

/// `--purchases`: the journey's orders, or a BG/NBD process (`GeneratedPurchases`).
enum PurchaseKind: String, ExpressibleByArgument, CaseIterable {
    case journey, bgnbd
}
