/// The customers one rule matches, in id order.
public struct RuleMatches: Hashable, Sendable {
    public var rule: Rule
    public var ids: [String]

    public var count: Int { ids.count }
    /// The first few matches (in id order).
    public func sample(_ n: Int = 5) -> [String] { Array(ids.prefix(n)) }
}

/// Evaluates rules over a snapshot in one streaming pass. Segment, tags and attributes are
/// read afterwards, only for the customers of rules that use them; the value table only
/// when a rule uses clv, p_alive, rfm or rfm_segment.
public enum RuleRunner {
    public static func run(_ rules: [Rule], in store: any SnapshotReading) throws -> [RuleMatches] {
        let table = rules.contains(where: \.readsValues) ? try store.valueTable() : nil
        return try run(rules, in: store, values: table)
    }

    /// The same with the value table given (nil: value fields are null), for a caller that has
    /// it already (the dashboard). `seen` hears the customers passed so far every 1,024;
    /// `shouldStop` ends the pass early, and then this throws `CancellationError`.
    public static func run(_ rules: [Rule], in store: any SnapshotReading, values table: CustomerValueTable?,
                           shouldStop: @escaping @Sendable () -> Bool = { false },
                           seen: (@Sendable (Int) -> Void)? = nil) throws -> [RuleMatches] {
        let fields = rules.reduce(into: Set<RuleField>()) { $0.formUnion($1.when.fields) }
        var analysis = RuleAnalysis(rules: rules, stageIDs: store.stages.map(\.id), asOf: store.info.asOf,
                                    touchpoints: fields.contains(where: \.readsTouchpoints), table: table)
        analysis.seen = seen
        var result = try store.run(analysis, shouldStop: shouldStop)
        for (k, pending) in result.pending.enumerated() where !pending.isEmpty {
            for var subject in pending {
                if shouldStop() { throw CancellationError() }
                guard let customer = try store.customer(id: subject.id) else { continue }
                subject.setProfile(customer)
                if rules[k].when.matches(subject) { result.matches[k].ids.append(subject.id) }
            }
        }
        if shouldStop() { throw CancellationError() }
        return result.matches
    }
}

/// The pass behind `RuleRunner`: builds each customer's `RuleSubject` once and hands it to
/// the rules of its stage.
struct RuleAnalysis: Analysis {
    struct Result {
        var matches: [RuleMatches]
        /// Per rule that reads the profile: its stage's customers, to finish after the pass.
        var pending: [[RuleSubject]]
    }

    let rules: [Rule]
    let stageIDs: [String]
    let asOf: Timestamp
    let table: CustomerValueTable?
    let needs: JourneyNeeds
    private let readsProfile: [Bool]
    /// Hears the customers passed so far, every 1,024 (progress).
    var seen: (@Sendable (Int) -> Void)?
    private var count = 0
    private var row = 0
    private var result: Result

    init(rules: [Rule], stageIDs: [String], asOf: Timestamp, touchpoints: Bool, table: CustomerValueTable?) {
        self.rules = rules
        self.stageIDs = stageIDs
        self.asOf = asOf
        self.table = table
        needs = touchpoints ? .touchpoints : []
        readsProfile = rules.map { $0.when.fields.contains(where: \.readsProfile) }
        result = Result(matches: rules.map { RuleMatches(rule: $0, ids: []) }, pending: rules.map { _ in [] })
    }

    mutating func add(_ c: CustomerRecord) {
        count += 1
        if count % 1024 == 0 { seen?(count) }
        guard stageIDs.indices.contains(c.stage) else { return }
        let stage = stageIDs[c.stage]
        var values: CustomerValueFigures?
        if let table { values = figures(of: c.id, in: table) }
        guard rules.contains(where: { $0.stage == stage }) else { return }
        var subject = RuleSubject(id: c.id, stage: stage, stageEnteredAt: c.stageEnteredAt, createdAt: c.createdAt,
                                  touchpoints: c.touchpoints, asOf: asOf)
        subject.setValues(values)
        for (k, rule) in rules.enumerated() where rule.stage == stage {
            if readsProfile[k] {
                result.pending[k].append(subject)
            } else if rule.when.matches(subject) {
                result.matches[k].ids.append(c.id)
            }
        }
    }

    /// The table is in id order like the pass: walk it once alongside.
    private mutating func figures(of id: String, in table: CustomerValueTable) -> CustomerValueFigures? {
        let ids = table.ids
        while row < ids.count, ids[row].utf8.lexicographicallyPrecedes(id.utf8) { row += 1 }
        guard row < ids.count, ids[row] == id else { return nil }
        return table.figures(atRow: row)
    }

    func finish() -> Result { result }
}
