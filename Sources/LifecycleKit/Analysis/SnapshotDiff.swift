/// Every customer's id and current stage, in id order (a pass that reads nothing else).
public struct CustomerStagesAnalysis: Analysis {
    public private(set) var ids: [String] = []
    /// Funnel positions.
    public private(set) var stages: [Int32] = []
    public var needs: JourneyNeeds { [] }

    public init() {}

    /// Ids in id order (byte order), with their stages' funnel positions.
    init(ids: [String], stages: [Int32]) {
        self.ids = ids
        self.stages = stages
    }

    public mutating func add(_ c: CustomerRecord) {
        ids.append(c.id)
        stages.append(Int32(c.stage))
    }

    public func finish() -> CustomerStagesAnalysis { self }
}

/// Two snapshots compared, customers matched by id (stages by id: a stage renamed keeps its
/// customers; a stage whose id changed counts as a move).
public struct SnapshotDiff: Sendable, Codable {
    /// One stage of either file: customers in it in OLD and in NEW.
    public struct StageCount: Hashable, Sendable, Codable {
        public var id: String
        /// NEW's name where NEW has the stage, else OLD's.
        public var name: String
        public var old: Int
        public var new: Int
        public var delta: Int { new - old }
    }

    /// Customers moved from one stage to another.
    public struct Move: Hashable, Sendable, Codable {
        public var from: String
        public var to: String
        public var count: Int
    }

    /// A customer that differs: `from` nil when added, `to` nil when removed.
    public struct Change: Hashable, Sendable, Codable {
        public var id: String
        public var from: String?
        public var to: String?
    }

    /// NEW's stages in its order, then OLD's stages NEW lacks, in OLD's order.
    public var stages: [StageCount]
    /// In id order (byte order), each kind of change.
    public var added: [Change] = []
    public var removed: [Change] = []
    public var moved: [Change] = []
    /// Per (from, to) pair, by the order of `stages` of from, then of to.
    public var moves: [Move] = []

    /// Compares the customers' stages of `old` and `new`: each file's ids and stages read at
    /// once on two threads (`customerStages`), then merged by id. Two SQLite files: kept in
    /// NEW's side cache for these very states of both. Throws `CancellationError` once
    /// `shouldStop` says so.
    public static func compare(old: any SnapshotReading, new: any SnapshotReading,
                               shouldStop: @escaping @Sendable () -> Bool = { false }) throws -> SnapshotDiff {
        guard let o = old as? SQLiteSnapshotStore, let n = new as? SQLiteSnapshotStore, let state = o.fileState else {
            return try compared(old: old, new: new, shouldStop: shouldStop)
        }
        return try n.kept("diff old=\(state)") { try compared(old: old, new: new, shouldStop: shouldStop) }
    }

    private static func compared(old: any SnapshotReading, new: any SnapshotReading,
                                 shouldStop: @escaping @Sendable () -> Bool) throws -> SnapshotDiff {
        let other = ThreadResult { try old.customerStages(shouldStop: shouldStop) }
        let b = try new.customerStages(shouldStop: shouldStop), a = try other.value()
        if shouldStop() { throw CancellationError() }
        var diff = SnapshotDiff(stages: Self.stages(old: old.stages, new: new.stages))
        let order = Dictionary(diff.stages.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for s in a.stages { diff.stages[order[old.stages[Int(s)].id]!].old += 1 }
        for s in b.stages { diff.stages[order[new.stages[Int(s)].id]!].new += 1 }
        var i = 0, j = 0
        while i < a.ids.count || j < b.ids.count {
            let from = i < a.ids.count ? old.stages[Int(a.stages[i])].id : nil
            let to = j < b.ids.count ? new.stages[Int(b.stages[j])].id : nil
            if j == b.ids.count || (i < a.ids.count && a.ids[i].utf8.lexicographicallyPrecedes(b.ids[j].utf8)) {
                diff.removed.append(Change(id: a.ids[i], from: from, to: nil)); i += 1
            } else if i == a.ids.count || b.ids[j].utf8.lexicographicallyPrecedes(a.ids[i].utf8) {
                diff.added.append(Change(id: b.ids[j], from: nil, to: to)); j += 1
            } else {
                if from != to { diff.moved.append(Change(id: a.ids[i], from: from, to: to)) }
                i += 1; j += 1
            }
        }
        var pairs: [[Int]: Int] = [:]
        for c in diff.moved { pairs[[order[c.from!]!, order[c.to!]!], default: 0] += 1 }
        diff.moves = pairs.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map {
            Move(from: diff.stages[$0.key[0]].id, to: diff.stages[$0.key[1]].id, count: $0.value)
        }
        return diff
    }

    /// NEW's stages, then OLD's that NEW lacks, with no customers counted yet.
    static func stages(old: [Stage], new: [Stage]) -> [StageCount] {
        let newIDs = Set(new.map(\.id))
        return (new + old.filter { !newIDs.contains($0.id) }).map { StageCount(id: $0.id, name: $0.name, old: 0, new: 0) }
    }

    /// Every change in id order (byte order): added, removed and moved customers merged.
    public var changes: [Change] {
        (added + removed + moved).sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
    }
}
