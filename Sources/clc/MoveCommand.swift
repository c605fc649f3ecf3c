import ArgumentParser
import LifecycleKit

/// `clc move FILE CUSTOMER_ID STAGE_ID [--note TEXT] [--user NAME]`
struct MoveCommand: SpeakingCommand {
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

    @OptionGroup var global: GlobalOptions

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
        let session = try OneChangeSession.open(file)
        let store = session.store
        if let stale = store.staleJournal { throw OperationError(Message(.moveIO, .text(file), .message(stale.refusalMessage))) }
        guard store.stages.contains(where: { $0.id == stageID }) else {
            throw OperationError(Message(.unknownStageAmong, .text(JSONText.string(stageID)),
                                         .text(store.stages.map(\.id).joined(separator: ", "))))
        }
        guard let customer = try store.customer(id: customerID) else {
            throw OperationError(Message(.unknownCustomer, .text(JSONText.string(customerID))))
        }
        let outcome = try move(customer, in: store)
        let message = try Self.message(outcome, customer: customer, stages: store.stages)
        if !outcome.applied.isEmpty {
            do {
                try session.finish()
            } catch {
                throw OperationError(Message(.rewriteFailed, .text(file), .text("\(error)")))
            }
        }
        say(message)
        if session.throughJournal, !outcome.applied.isEmpty {
            say(Message(.changeInJournal, .text(file)))
        } else if session.hadUnsavedChanges, !outcome.applied.isEmpty {
            say(Message(.earlierChangesWritten, .text(file)))
        }
    }

    /// Moves the customer, or answers that they are there already (nothing written; a
    /// read-only file answers too, and the store reports the same when another program moves
    /// the customer there between this look and the write).
    private func move(_ customer: Customer, in store: any SnapshotStore) throws -> MoveOutcome {
        if customer.stage == stageID {
            let there = AlreadyThere(customerID: customerID, stage: stageID,
                                     lastTransition: try store.transitions(ofCustomer: customerID).last)
            return MoveOutcome(applied: [], conflicts: [], alreadyThere: [there])
        }
        var mover = StageMover(user: StageMover.resolveUser(option: user))
        do {
            return try mover.move([(customerID, customer.stage)], to: stageID, note: note, in: store)
        } catch let error as MoveError {
            throw OperationError(error.message)
        }
    }

    /// What happened: moved, or already there (exit 0); a conflict throws (exit 1).
    static func message(_ outcome: MoveOutcome, customer: Customer, stages: [Stage]) throws -> Message {
        let name = { (id: String?) in MessageArgument.text(stages.first { $0.id == id }?.name ?? id ?? "—") }
        let who: [MessageArgument] = [.text(customer.name), .text(customer.id)]
        if let t = outcome.applied.first {
            return Message(.moved, arguments: who + [name(t.from), name(t.to), .time(t.at), .text(t.by)])
        }
        if let there = outcome.alreadyThere.first {
            guard let t = there.lastTransition, t.to == there.stage else {
                return Message(.alreadyThere, arguments: who + [name(there.stage)])
            }
            return Message(.alreadyThereBy, arguments: who + [name(there.stage), .text(t.by), .time(t.at)])
        }
        if let conflict = outcome.conflicts.first { throw OperationError(Message(.notMoved, .message(conflict.message))) }
        throw OperationError(Message(.noOutcome, .text(customer.id)))
    }
}
