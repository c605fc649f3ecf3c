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

            Exit 0 when the customer was moved, and also when they were already in the stage \
            (nothing is recorded then; the message says who moved them there and when): the \
            state a script asked for holds. Exit 1 for a conflict (another program moved the \
            customer elsewhere meanwhile), an unknown customer or stage, or a read-only file.

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
        var mover = StageMover(user: StageMover.resolveUser(option: user))
        var outcome: MoveOutcome
        if customer.stage == stageID {
            // Nothing to write (a read-only file answers too); the store reports the same when
            // another program moves the customer there between this look and the write.
            let there = AlreadyThere(customerID: customerID, stage: stageID,
                                     lastTransition: try store.transitions(ofCustomer: customerID).last)
            outcome = MoveOutcome(applied: [], conflicts: [], alreadyThere: [there])
        } else {
            do {
                outcome = try mover.move([(customerID, customer.stage)], to: stageID, note: note, in: store)
            } catch let error as MoveError {
                throw OperationError(error.description)
            }
        }
        let message = try Self.message(outcome, customer: customer, stages: store.stages)
        if !outcome.applied.isEmpty {
            do {
                try session.finish()
            } catch {
                throw OperationError("moved, but \(SafeText.visible(file)) could not be rewritten (\(error)); the change is safe in its journal")
            }
        }
        print(message)
        if session.throughJournal, !outcome.applied.isEmpty {
            print("\(SafeText.visible(file)) is open in a dashboard: the change went into its journal \(SafeText.visible(file)).clc-journal; the dashboard shows it, and its w writes it into the file")
        } else if session.hadUnsavedChanges, !outcome.applied.isEmpty {
            print("The earlier changes waiting in \(SafeText.visible(file)).clc-journal were written into \(SafeText.visible(file)) too")
        }
    }

    /// The one line saying what happened: moved, or already there (exit 0); a conflict
    /// throws (exit 1). Every name and id is made safe for a terminal.
    static func message(_ outcome: MoveOutcome, customer: Customer, stages: [Stage]) throws -> String {
        let name = { (id: String?) in SafeText.visible(stages.first { $0.id == id }?.name ?? id ?? "—") }
        let who = "\(SafeText.visible(customer.name)) (\(SafeText.visible(customer.id)))"
        if let t = outcome.applied.first {
            return "Moved \(who): \(name(t.from)) → \(name(t.to)) at \(t.at.iso8601) by \(SafeText.visible(t.by))"
        }
        if let there = outcome.alreadyThere.first {
            var text = "\(who) is already in \(name(there.stage)): nothing recorded"
            if let t = there.lastTransition, t.to == there.stage {
                text += " (moved there by \(SafeText.visible(t.by)) at \(t.at.iso8601))"
            }
            return text
        }
        if let conflict = outcome.conflicts.first { throw OperationError("not moved: \(conflict)") }
        throw OperationError("not moved: \(SafeText.visible(customer.id)) (no outcome reported)")
    }
}
