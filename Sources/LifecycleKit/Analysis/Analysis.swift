/// What an analysis reads of each customer; a pass reads the union of its analyses' needs
/// and nothing more (a touchpoint pass over ten million rows costs seconds).
public struct JourneyNeeds: OptionSet, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// The customer's transitions (`CustomerRecord.transitions`).
    public static let transitions = JourneyNeeds(rawValue: 1)
    /// Every touchpoint (`CustomerRecord.touchpoints`).
    public static let touchpoints = JourneyNeeds(rawValue: 2)
    /// Only touchpoints of type `purchase` (in `CustomerRecord.touchpoints`).
    public static let purchases = JourneyNeeds(rawValue: 4)
    /// The sum of the touchpoint values (`CustomerRecord.revenue`).
    public static let revenue = JourneyNeeds(rawValue: 8)
}

/// One touchpoint as an analysis sees it.
public struct TouchpointRecord: Hashable, Sendable {
    public var id: String
    public var at: Timestamp
    public var channel: String
    public var type: String
    public var campaign: String?
    public var value: Double?

    public init(id: String, at: Timestamp, channel: String, type: String, campaign: String? = nil, value: Double? = nil) {
        self.id = id
        self.at = at
        self.channel = channel
        self.type = type
        self.campaign = campaign
        self.value = value
    }
}

/// One customer as a pass hands it to each analysis: always the id and current stage; the
/// rest as the analyses need it (empty otherwise).
public struct CustomerRecord: Sendable {
    public var id: String
    public var name: String = ""
    /// Funnel position of the current stage.
    public var stage: Int
    public var stageEnteredAt: Timestamp?
    public var createdAt: Timestamp?
    /// With `.transitions`: in time order (ties in file order).
    public var transitions: [StageEntry] = []
    /// With `.touchpoints` (or only purchases with `.purchases`): in time order, ties by id.
    public var touchpoints: [TouchpointRecord] = []
    /// With `.revenue`: the sum of every touchpoint value.
    public var revenue: Double = 0

    public init(id: String, name: String = "", stage: Int, stageEnteredAt: Timestamp?, createdAt: Timestamp?) {
        self.id = id
        self.name = name
        self.stage = stage
        self.stageEnteredAt = stageEnteredAt
        self.createdAt = createdAt
    }
}

/// A fold over the customers of a snapshot: a store's one streaming pass hands it every
/// customer once (`add`), in id order, and the result comes from `finish`. Analyses are
/// values: a pass that starts over (another program changed the file) starts from a copy.
///
/// To add one: a type conforming to this (its needs, `add`, `finish`), run with
/// `SnapshotStore.run(_:)`; several run in one pass with `stream(_:)`.
public protocol Analysis: Sendable {
    associatedtype Result
    var needs: JourneyNeeds { get }
    mutating func add(_ customer: CustomerRecord)
    func finish() -> Result
}

extension Array where Element == any Analysis {
    var needs: JourneyNeeds { reduce(into: JourneyNeeds()) { $0.formUnion($1.needs) } }

    /// Hands `customer` to every analysis.
    mutating func add(_ customer: CustomerRecord) {
        for i in indices { self[i].add(customer) }
    }
}

extension SnapshotReading {
    /// The streaming pass to its end (nothing stops it).
    public func stream(_ analyses: [any Analysis]) throws -> [any Analysis] {
        try stream(analyses, shouldStop: { false })
    }

    /// Runs one analysis in a pass of its own; throws `CancellationError` once `shouldStop`
    /// says so (see `stream(_:shouldStop:)`).
    public func run<A: Analysis>(_ analysis: A, shouldStop: () -> Bool = { false }) throws -> A.Result {
        let done = try stream([analysis], shouldStop: shouldStop)
        return (done[0] as! A).finish()
    }
}
