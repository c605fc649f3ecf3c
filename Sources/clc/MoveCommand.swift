import ArgumentParser
import LifecycleKit

/// `clc move FILE CUSTOMER_ID STAGE_ID [--note TEXT] [--user NAME]`
struct MoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move",
        abstract: "Move one customer to another stage, recording who, when, from, to and why.",
        discussion: """
            The same domain function as the dashboard's `m`: the change is durable when this
            command prints it (SQLite: committed; JSON: appended to FILE.clc-journal, replayed
            on open, written into FILE by the dashboard's `w`).

            Examples:
              clc move shop.sqlite C-1041 winback --note "called, wants the autumn offer"
              CLC_USER=ben clc move shop.json C-7 loyalty
            """)

    @Argument(help: "The snapshot file.")
    var file: String

    @Argument(help: "The customer's id.")
    var customerID: String

    @Argument(help: "The target stage's id.")
    var stageID: String

    @Option(help: "Why: stored with the transition.")
    var note: String?

    @Option(help: "Who: default CLC_USER, else the login name.")
    var user: String?

    @Flag(help: "Change a file whose permissions let no one write it (possible as root).")
    var force = false

    mutating func run() throws {
        if force { SnapshotFile.writesProtectedFiles = true }
        let store = try SnapshotFile.open(file)
        guard store.stages.contains(where: { $0.id == stageID }) else {
            throw OperationError("unknown stage \(JSONText.string(stageID)) (stages: \(store.stages.map(\.id).joined(separator: ", ")))")
        }
        guard let customer = try store.customer(id: customerID) else {
            throw OperationError("unknown customer \(JSONText.string(customerID))")
        }
        if customer.stage == stageID {
            print("\(SafeText.visible(customer.name)) (\(customerID)) is already in \(stageID): nothing to do")
            return
        }
        var mover = StageMover(user: StageMover.resolveUser(option: user))
        let outcome: MoveOutcome
        do {
            outcome = try mover.move([(customerID, customer.stage)], to: stageID, note: note, in: store)
        } catch let error as MoveError {
            throw OperationError(error.description)
        }
        if let conflict = outcome.conflicts.first {
            throw OperationError("not moved: \(conflict)")
        }
        let name = { (id: String) in store.stages.first { $0.id == id }?.name ?? id }
        for t in outcome.applied {
            print("Moved \(SafeText.visible(customer.name)) (\(t.customerID)): \(name(t.from ?? "")) → \(name(t.to)) at \(t.at.iso8601) by \(SafeText.visible(t.by))")
        }
    }
}
