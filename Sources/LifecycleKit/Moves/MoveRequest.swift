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

    /// `C-1041 was moved to loyalty by ben at 2026-11-02T10:42:00Z`
    public var description: String {
        guard let actual = actualStage else { return "\(customerID) no longer exists" }
        if let t = lastTransition { return "\(customerID) was moved to \(actual) by \(t.by) at \(t.at.iso8601)" }
        return "\(customerID) is in \(actual), not \(expectedStage)"
    }
}

/// What an action did: the transitions written (one per moved customer, with their ids) and
/// the changes refused.
public struct MoveOutcome: Hashable, Sendable {
    public var applied: [Transition]
    public var conflicts: [MoveConflict]
    /// `previousStageEnteredAt[i]`: the `stage_entered_at` the customer of `applied[i]` had
    /// before it (what an undo restores).
    public var previousStageEnteredAt: [Timestamp?]

    public init(applied: [Transition], conflicts: [MoveConflict], previousStageEnteredAt: [Timestamp?]? = nil) {
        self.applied = applied
        self.conflicts = conflicts
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

    public var description: String {
        switch reason {
        case .readOnly: return SnapshotFile.writeProtectionReason(path) ?? "\(path) is read-only: stages cannot be changed"
        case .unknownCustomer(let id): return "unknown customer \(JSONText.string(id))"
        case .unknownStage(let id): return "unknown stage \(JSONText.string(id))"
        case .busy: return "\(path): \(SnapshotError.lockedMessage)"
        case .changedOnDisk: return "\(path) changed on disk since it was opened; save under another name"
        case .io(let m): return "\(path): \(m)"
        }
    }
}
