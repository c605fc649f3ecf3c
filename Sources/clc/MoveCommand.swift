import ArgumentParser
import LifecycleKit

/// `clc move FILE CUSTOMER_ID STAGE_ID [--note TEXT] [--user NAME]`
struct MoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move",
        abstract: "Move a customer to another stage, recording who, when and why.",
        discussion: """
            The same domain function as the dashboard's `m`: the change is in the file when \
            this command prints it. SQLite: committed. JSON: FILE is rewritten as the \
            dashboard's `w` does (a complete new file beside it, synced, renamed over it), \
            unless a dashboard has FILE open: then the change goes into FILE.clc-journal, \
            the dashboard shows it at once and its `w` writes it into FILE.

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

    mutating func run() throws {
        let session = try OneChangeSession.open(file)
        let store = session.store
        if let stale = store.staleJournal { throw OperationError("\(file): \(stale.refusal)") }
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
        do {
            try session.finish()
        } catch {
            throw OperationError("moved, but \(file) could not be rewritten (\(error)); the change is safe in its journal")
        }
        let name = { (id: String) in store.stages.first { $0.id == id }?.name ?? id }
        for t in outcome.applied {
            print("Moved \(SafeText.visible(customer.name)) (\(t.customerID)): \(name(t.from ?? "")) → \(name(t.to)) at \(t.at.iso8601) by \(SafeText.visible(t.by))")
        }
        if session.throughJournal {
            print("\(file) is open in a dashboard: the change went into its journal \(file).clc-journal; the dashboard shows it, and its w writes it into the file")
        } else if session.hadUnsavedChanges {
            print("The earlier changes waiting in \(file).clc-journal were written into \(file) too")
        }
    }
}
