/// A field a rule expression can read of a customer (see README, "Rules").
public enum RuleField: Hashable, Sendable {
    case daysInStage, daysSinceLastPurchase, daysSinceLastTouch
    case purchases, revenue, touchpoints, touchpointsLast30d
    case segment, tags, attribute(String), createdAt
    case clv, pAlive, rfm, rfmSegment

    /// What a field holds, which decides the literals and operators it takes.
    public enum Kind: Sendable { case number, string, date, tags, any }

    /// The fields by their names in an expression (`attributes.NAME` aside).
    public static let named: [(String, RuleField)] = [
        ("days_in_stage", .daysInStage), ("days_since_last_purchase", .daysSinceLastPurchase),
        ("days_since_last_touch", .daysSinceLastTouch), ("purchases", .purchases), ("revenue", .revenue),
        ("touchpoints", .touchpoints), ("touchpoints_last_30d", .touchpointsLast30d), ("segment", .segment),
        ("tags", .tags), ("created_at", .createdAt), ("clv", .clv), ("p_alive", .pAlive), ("rfm", .rfm),
        ("rfm_segment", .rfmSegment),
    ]

    /// The field named `name`, or nil.
    public init?(name: String) {
        if name.hasPrefix("attributes."), name.count > "attributes.".count {
            self = .attribute(String(name.dropFirst("attributes.".count)))
            return
        }
        guard let f = Self.named.first(where: { $0.0 == name }) else { return nil }
        self = f.1
    }

    public var kind: Kind {
        switch self {
        case .segment, .rfm, .rfmSegment: .string
        case .tags: .tags
        case .createdAt: .date
        case .attribute: .any
        default: .number
        }
    }

    /// Needs the customer's touchpoints.
    var readsTouchpoints: Bool {
        switch self {
        case .daysSinceLastPurchase, .daysSinceLastTouch, .purchases, .revenue, .touchpoints, .touchpointsLast30d: true
        default: false
        }
    }

    /// Needs the customer's segment, tags or attributes.
    var readsProfile: Bool {
        switch self {
        case .segment, .tags, .attribute: true
        default: false
        }
    }

    /// Needs the value table (BG/NBD, Gamma-Gamma, RFM).
    public var readsValues: Bool {
        switch self {
        case .clv, .pAlive, .rfm, .rfmSegment: true
        default: false
        }
    }
}

/// A value in an expression or of a field; `null` when a field has none.
public enum RuleValue: Hashable, Sendable {
    case number(Double)
    case string(String)
    /// A calendar day, as days since 1970-01-01 (UTC).
    case date(Int64)
    case bool(Bool)
    case tags([String])
    case null

    /// The UTC calendar day of a moment, as days since 1970-01-01.
    public static func day(of t: Timestamp) -> Int64 {
        let perDay: Int64 = 86_400_000_000
        return t.microseconds >= 0 ? t.microseconds / perDay : -((-t.microseconds + perDay - 1) / perDay)
    }
}
