extension Array where Element == StageEntry {
    /// The transitions that count in figures: without undos (`reverts`) and the transitions
    /// they undo, in the same order. An undone move changes no figure.
    public var withoutUndone: [StageEntry] {
        guard let undone = FunnelAccumulator.revertedPairs(self) else { return self }
        return enumerated().filter { !undone.contains($0.offset) }.map(\.element)
    }
}
