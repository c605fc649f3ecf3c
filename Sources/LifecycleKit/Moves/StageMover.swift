import Foundation

/// The one way to change stages, for every path (dashboard, CLI, undo): builds the action
/// from what the user saw, applies it through the store, and keeps the undo/redo history.
/// Undo is itself recorded as stage changes (the note says so), never by deleting history.
public struct StageMover: Sendable {
    /// One applied action, as undo and redo see it.
    public struct Action: Hashable, Sendable {
        /// The transitions written, with their ids.
        public var transitions: [Transition]
        /// Per transition, the customer's `stage_entered_at` before it.
        public var previousStageEnteredAt: [Timestamp?]
        public var note: String?

        init(_ outcome: MoveOutcome, note: String?) {
            transitions = outcome.applied
            previousStageEnteredAt = outcome.previousStageEnteredAt
            self.note = note
        }
    }

    public let user: String
    public private(set) var undoStack: [Action] = []
    public private(set) var redoStack: [Action] = []
    private let clock: @Sendable () -> Timestamp

    public init(user: String, clock: @escaping @Sendable () -> Timestamp = StageMover.now) {
        self.user = user
        self.clock = clock
    }

    /// The current time, to the microsecond.
    public static func now() -> Timestamp {
        Timestamp(microseconds: Int64((Date().timeIntervalSince1970 * 1_000_000).rounded()))
    }

    /// `--user`, else `CLC_USER`, else the login name, else `USER`/`LOGNAME`, else the
    /// effective user in the password database, else `unknown`.
    public static func resolveUser(option: String?, lookup: UserLookup = .system) -> String {
        let candidates: [() -> String?] = [
            { option },
            { lookup.environment["CLC_USER"] },
            lookup.loginName,
            { lookup.environment["USER"] },
            { lookup.environment["LOGNAME"] },
            lookup.passwordDatabaseName,
        ]
        for candidate in candidates {
            if let name = candidate(), !name.isEmpty { return name }
        }
        return "unknown"
    }

    /// Moves customers (each with the stage the user saw them in) to `target`.
    public mutating func move(_ customers: [(id: String, seenIn: String)], to target: String, note: String?,
                              in store: any SnapshotStore) throws -> MoveOutcome {
        let changes = customers.map { StageChange(customerID: $0.id, expectedStage: $0.seenIn, targetStage: target) }
        let outcome = try store.apply(MoveRequest(changes: changes, note: note, user: user, at: clock()))
        if !outcome.applied.isEmpty {
            undoStack.append(Action(outcome, note: note))
            redoStack.removeAll()
        }
        return outcome
    }

    /// Moves the customers of the last action back where they came from, with the
    /// `stage_entered_at` they had; each new transition names the one it reverts, so the
    /// pair counts in no figure.
    public mutating func undo(in store: any SnapshotStore) throws -> MoveOutcome? {
        guard let action = undoStack.last else { return nil }
        let changes = zip(action.transitions, action.previousStageEnteredAt).compactMap { t, entered -> StageChange? in
            guard let from = t.from else { return nil }
            let reversal = t.id.map { Reversal(transitionID: $0, stageEnteredAt: entered) }
            return StageChange(customerID: t.customerID, expectedStage: t.to, targetStage: from, reverting: reversal)
        }
        let outcome = try store.apply(MoveRequest(changes: changes, note: "undo" + (action.note.map { ": " + $0 } ?? ""), user: user, at: clock()))
        undoStack.removeLast()
        redoStack.append(action)
        return outcome
    }

    /// Repeats the last undone action.
    public mutating func redo(in store: any SnapshotStore) throws -> MoveOutcome? {
        guard let action = redoStack.last else { return nil }
        let changes = action.transitions.compactMap { t in
            t.from.map { StageChange(customerID: t.customerID, expectedStage: $0, targetStage: t.to) }
        }
        let outcome = try store.apply(MoveRequest(changes: changes, note: "redo" + (action.note.map { ": " + $0 } ?? ""), user: user, at: clock()))
        redoStack.removeLast()
        if !outcome.applied.isEmpty { undoStack.append(Action(outcome, note: action.note)) }
        return outcome
    }
}
