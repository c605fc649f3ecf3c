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
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The file to write: .json, or .sqlite/.db.")
    var output: String

    @Option(help: "Number of customers.")
    var customers: Int

    @Option(help: "Average touchpoints per customer.")
    var touchpointsPerCustomer: Int = 10

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
        try SnapshotGenerator(customers: customers, touchpointsPerCustomer: touchpointsPerCustomer, seed: seed)
            .generate(into: sink)
        say(Message(.wroteSnapshot, .text(output), .count(customers)))
    }
}
