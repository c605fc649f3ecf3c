import LifecycleKit

/// One "since OLD" entry of the filter picker (`clc FILE --compare OLD`). In a stage's list:
/// - `changed`: the customers of the stage who were not in it in OLD — added since OLD, or
///   in OLD in another stage (moved into this stage);
/// - `movedIn`: those in OLD in another stage;
/// - `added`: those OLD does not have.
public struct ChangeFilterChoice: Hashable, Sendable {
    public enum Kind: CaseIterable, Sendable { case changed, movedIn, added }
    public var kind: Kind
    /// The customers of the entry (every stage's; a list keeps its own stage's).
    public var ids: CustomerIDSet

    /// The picker's word for the entry (`moved in`).
    public var label: Message {
        switch kind {
        case .changed: Message(.uiSinceChanged)
        case .movedIn: Message(.uiSinceMovedIn)
        case .added: Message(.uiSinceAdded)
        }
    }

    /// The three entries of `diff` (with OLD called `label`): a set per entry, built once.
    public static func all(_ diff: SnapshotDiff, label: String) -> [ChangeFilterChoice] {
        let moved = Set(diff.moved.map(\.id)), added = Set(diff.added.map(\.id))
        return [
            ChangeFilterChoice(kind: .changed, ids: CustomerIDSet(moved.union(added), label: Message(.uiFilterChangedSince, .text(label)))),
            ChangeFilterChoice(kind: .movedIn, ids: CustomerIDSet(moved, label: Message(.uiFilterMovedSince, .text(label)))),
            ChangeFilterChoice(kind: .added, ids: CustomerIDSet(added, label: Message(.uiFilterAddedSince, .text(label)))),
        ]
    }
}
