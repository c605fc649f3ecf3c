/// One requested stage change: the customer, the stage the user saw them in, and the target.
public struct StageChange: Hashable, Sendable {
    public var customerID: String
    /// The stage the user saw; the change is refused if the customer is no longer in it.
    public var expectedStage: String
    public var targetStage: String
    /// Set when this change undoes an earlier one: the transition it reverts, and the
    /// `stage_entered_at` the customer had before that transition (restored instead of "now").
    public var reverting: Reversal?

    public init(customerID: String, expectedStage: String, targetStage: String, reverting: Reversal? = nil) {
        self.customerID = customerID
        self.expectedStage = expectedStage
        self.targetStage = targetStage
        self.reverting = reverting
    }
}

/// What an undo puts back: the transition it reverts (recorded as the new transition's
/// `reverts`) and the customer's earlier `stage_entered_at`.
public struct Reversal: Hashable, Sendable {
    public var transitionID: Int64
    public var stageEnteredAt: Timestamp?

    public init(transitionID: Int64, stageEnteredAt: Timestamp?) {
        self.transitionID = transitionID
        self.stageEnteredAt = stageEnteredAt
    }
}

/// One user action: one or many changes with one note, applied as a unit and durable
/// before `SnapshotStore.apply` returns.
public struct MoveRequest: Hashable, Sendable {
    public var changes: [StageChange]
    public var note: String?
    /// Who: `--user`, `CLC_USER`, or the login name.
    public var user: String
    /// When (UTC now); every transition of the action gets this time.
    public var at: Timestamp

    public init(changes: [StageChange], note: String?, user: String, at: Timestamp) {
        self.changes = changes
        self.note = note
        self.user = user
        self.at = at
    }
}

/// A change that was not made because the customer was not where the user saw them.
public struct MoveConflict: Hashable, Sendable, CustomStringConvertible {
    public var customerID: String
    public var expectedStage: String
    /// Where the customer is now; nil when the customer no longer exists.
    public var actualStage: String?
    /// The transition that moved them there, if any (who and when).
    public var lastTransition: Transition?

    public init(customerID: String, expectedStage: String, actualStage: String?, lastTransition: Transition?) {
        self.customerID = customerID
        self.expectedStage = expectedStage
        self.actualStage = actualStage
        self.lastTransition = lastTransition
    }

    /// `C-1041 was moved to loyalty by ben at 2026-11-02T10:42:00Z` (ids and names made safe
    /// for a terminal).
    public var description: String { message.description }

    /// The conflict as a catalog message.
    public var message: Message {
        guard let actual = actualStage else { return Message(.conflictGone, .text(customerID)) }
        if let t = lastTransition { return Message(.conflictMovedBy, .text(customerID), .text(actual), .text(t.by), .time(t.at)) }
        return Message(.conflictElsewhere, .text(customerID), .text(actual), .text(expectedStage))
    }
}

/// A change that needed no writing because the customer was already in the target stage:
/// another program moved them there since the user saw them, or the target is the stage
/// they were seen in. Nothing is recorded for it; the user is told who put them there.
public struct AlreadyThere: Hashable, Sendable, CustomStringConvertible {
    public var customerID: String
    public var stage: String
    /// The customer's latest transition (who moved them there, and when), if any.
    public var lastTransition: Transition?

    public init(customerID: String, stage: String, lastTransition: Transition?) {
        self.customerID = customerID
        self.stage = stage
        self.lastTransition = lastTransition
    }

    /// `C-1041 is already in loyalty (moved there by ben at 2026-11-02T10:42:00Z)` (made safe
    /// for a terminal).
    public var description: String { message.description }

    /// The answer as a catalog message.
    public var message: Message {
        guard let t = lastTransition, t.to == stage else { return Message(.alreadyIn, .text(customerID), .text(stage)) }
        return Message(.alreadyInBy, .text(customerID), .text(stage), .text(t.by), .time(t.at))
    }
}

/// What an action did: the transitions written (one per moved customer, with their ids), the
/// changes refused, and the changes not needed. Every change of the request is in exactly one
/// of `applied`, `conflicts` and `alreadyThere`.
public struct MoveOutcome: Hashable, Sendable {
    public var applied: [Transition]
    public var conflicts: [MoveConflict]
    /// Customers already in the target stage: nothing written for them.
    public var alreadyThere: [AlreadyThere]
    /// `previousStageEnteredAt[i]`: the `stage_entered_at` the customer of `applied[i]` had
    /// before it (what an undo restores).
    public var previousStageEnteredAt: [Timestamp?]

    public init(applied: [Transition], conflicts: [MoveConflict], alreadyThere: [AlreadyThere] = [],
                previousStageEnteredAt: [Timestamp?]? = nil) {
        self.applied = applied
        self.conflicts = conflicts
        self.alreadyThere = alreadyThere
        self.previousStageEnteredAt = previousStageEnteredAt ?? Array(repeating: nil, count: applied.count)
    }
}

/// Why a whole action was refused (nothing was written).
public struct MoveError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        case readOnly
        case unknownCustomer(String)
        case unknownStage(String)
        /// The database stayed locked by another program.
        case busy
        /// The JSON file changed on disk since it was loaded.
        case changedOnDisk
        case io(String)
    }

    public var reason: Reason
    public var path: String

    public init(_ reason: Reason, path: String) {
        self.reason = reason
        self.path = path
    }

    public var description: String { message.description }

    /// Why, as a catalog message.
    public var message: Message {
        switch reason {
        case .readOnly: return SnapshotFile.writeProtectionReason(path) ?? Message(.moveReadOnly, .text(path))
        case .unknownCustomer(let id): return Message(.unknownCustomer, .text(JSONText.string(id)))
        case .unknownStage(let id): return Message(.unknownStage, .text(JSONText.string(id)))
        case .busy: return Message(.moveBusy, .text(path))
        case .changedOnDisk: return Message(.moveChangedOnDisk, .text(path))
        case .io(let m): return Message(.moveIO, .text(path), .text(m))
        }
    }
}
