/// One customer as a rule expression sees it: every documented field, computed once.
public struct RuleSubject: Hashable, Sendable {
    public var id: String
    /// The id of the current stage.
    public var stage: String
    public var daysInStage: Int?
    public var daysSinceLastPurchase: Int?
    public var daysSinceLastTouch: Int?
    public var purchases = 0
    public var revenue = 0.0
    public var touchpoints = 0
    public var touchpointsLast30d = 0
    public var segment: String?
    public var tags: [String] = []
    public var attributes: [Attribute] = []
    public var createdAt: Timestamp?
    public var clv: Double?
    public var pAlive: Double?
    public var rfm: String?
    public var rfmSegment: String?

    public init(id: String, stage: String) {
        self.id = id
        self.stage = stage
    }

    /// The fields from a customer's stage, dates and touchpoints against `asOf`: whole days
    /// are rounded down; `touchpoints_last_30d` counts those in (as_of − 30 days, as_of].
    public init(id: String, stage: String, stageEnteredAt: Timestamp?, createdAt: Timestamp?,
                touchpoints: [TouchpointRecord], asOf: Timestamp) {
        self.init(id: id, stage: stage)
        self.createdAt = createdAt
        daysInStage = stageEnteredAt.map { Self.wholeDays(from: $0, to: asOf) }
        let monthAgo = asOf.adding(seconds: -30 * 86_400)
        var lastTouch: Timestamp?
        var lastPurchase: Timestamp?
        for t in touchpoints {
            self.touchpoints += 1
            revenue += t.value ?? 0
            if t.at > monthAgo, t.at <= asOf { touchpointsLast30d += 1 }
            if lastTouch.map({ t.at > $0 }) ?? true { lastTouch = t.at }
            guard t.type == "purchase" else { continue }
            purchases += 1
            if lastPurchase.map({ t.at > $0 }) ?? true { lastPurchase = t.at }
        }
        daysSinceLastTouch = lastTouch.map { Self.wholeDays(from: $0, to: asOf) }
        daysSinceLastPurchase = lastPurchase.map { Self.wholeDays(from: $0, to: asOf) }
    }

    /// Segment, tags and attributes from the customer's record.
    public mutating func setProfile(_ c: Customer) {
        segment = c.segment
        tags = c.tags
        attributes = c.attributes
    }

    /// CLV, P(alive) and RFM from the value table (they stay null without figures).
    public mutating func setValues(_ f: CustomerValueFigures?) {
        guard let f else { return }
        clv = f.clv
        pAlive = f.probabilityAlive
        rfm = f.rfm.digits
        rfmSegment = f.rfmSegment.rawValue
    }

    /// Whole days from `start` to `end`, rounded down (negative when `start` is later).
    public static func wholeDays(from start: Timestamp, to end: Timestamp) -> Int {
        let perDay: Int64 = 86_400_000_000
        let d = end.microseconds - start.microseconds
        return Int(d >= 0 ? d / perDay : -((-d + perDay - 1) / perDay))
    }

    /// The value of `field`; `.null` when the customer has none.
    public func value(of field: RuleField) -> RuleValue {
        switch field {
        case .daysInStage: daysInStage.map { .number(Double($0)) } ?? .null
        case .daysSinceLastPurchase: daysSinceLastPurchase.map { .number(Double($0)) } ?? .null
        case .daysSinceLastTouch: daysSinceLastTouch.map { .number(Double($0)) } ?? .null
        case .purchases: .number(Double(purchases))
        case .revenue: .number(revenue)
        case .touchpoints: .number(Double(touchpoints))
        case .touchpointsLast30d: .number(Double(touchpointsLast30d))
        case .segment: segment.map { .string($0) } ?? .null
        case .tags: .tags(tags)
        case .attribute(let name): attribute(name)
        case .createdAt: createdAt.map { .date(RuleValue.day(of: $0)) } ?? .null
        case .clv: clv.map { .number($0) } ?? .null
        case .pAlive: pAlive.map { .number($0) } ?? .null
        case .rfm: rfm.map { .string($0) } ?? .null
        case .rfmSegment: rfmSegment.map { .string($0) } ?? .null
        }
    }

    private func attribute(_ name: String) -> RuleValue {
        guard let a = attributes.first(where: { $0.key == name }) else { return .null }
        switch a.value {
        case .string(let s): return .string(s)
        case .number(let n): return Double(n.text).map { .number($0) } ?? .null
        case .bool(let b): return .bool(b)
        }
    }
}
