import ArgumentParser
import LifecycleKit

/// `clc history FILE CUSTOMER_ID [--format table|json]`
struct HistoryCommand: SpeakingCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Print one customer's stage changes in time order.",
        discussion: """
            Each change with when, from, to, by whom and why.

            Examples:
              clc history shop.sqlite C-1041
              clc history shop.json C-7 --format json
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The snapshot file.")
    var file: String

    @Argument(help: "The customer's id.")
    var customerID: String

    @Option(help: "Output format: table or json.")
    var format: Format = .table

    mutating func run() throws {
        let store = try openSnapshot(file, language: language)
        guard let customer = try store.customer(id: customerID) else {
            throw OperationError(Message(.unknownCustomer, .text(JSONText.string(customerID))))
        }
        let transitions = try store.transitions(ofCustomer: customerID)
        switch format {
        case .json:
            print(HistoryRenderer.json(customer: customer, transitions: transitions), terminator: "")
        case .table:
            print(HistoryRenderer.table(customer: customer, transitions: transitions, stages: store.stages, language: language), terminator: "")
        }
    }
}
