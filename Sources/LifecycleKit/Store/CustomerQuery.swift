/// Which customers of a stage a list shows.
public struct CustomerFilter: Hashable, Sendable {
    /// Only customers of this segment (exact match).
    public var segment: String?
    /// Only customers with at least one touchpoint on this channel.
    public var channel: String?
    /// Only customers whose value figures pass (see `ValueFilter`). Needs a value table
    /// attached to the store (`attachValues`); without one it matches nobody.
    public var value: ValueFilter?
    /// Only customers whose id is in this set (the dashboard's "changed since OLD").
    public var ids: CustomerIDSet?

    public init(segment: String? = nil, channel: String? = nil, value: ValueFilter? = nil, ids: CustomerIDSet? = nil) {
        self.segment = segment
        self.channel = channel
        self.value = value
        self.ids = ids
    }

    public static let none = CustomerFilter()
    public var isEmpty: Bool { segment == nil && channel == nil && value == nil && ids == nil }
}

/// A set of customer ids for `CustomerFilter.ids`, made once off the input thread. Compared
/// and hashed by identity, so that a filter holding a million ids is still a cheap key for
/// the stores' list caches and the screens' query checks.
public final class CustomerIDSet: Hashable, Sendable, CustomStringConvertible {
    public let ids: Set<String>
    /// What the set is (`changed since old.json`), for list titles.
    public let label: Message

    public init(_ ids: Set<String>, label: Message) {
        self.ids = ids
        self.label = label
    }

    public func contains(_ id: String) -> Bool { ids.contains(id) }

    public static func == (a: CustomerIDSet, b: CustomerIDSet) -> Bool { a === b }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
    public var description: String { "\(label) (\(ids.count) ids)" }
}

/// The order of a customer list. Every order ends with the customer id as a tie-breaker,
/// so that pages never overlap and both stores return the same sequence.
///
/// Names, emails and segments compare in `NaturalOrder` (the Unicode root collation, runs of
/// digits by their value); ids by bytes; a missing value sorts
/// before every present one.
///
/// The value fields (CLV, P(alive), RFM segment) come from the value table attached to the
/// store: a customer without the figure (no purchase, or no fit) sorts first, RFM segments in
/// `RFMSegment.allCases` order. Without a table they act like the id order.
public struct CustomerSort: Hashable, Sendable {
    public enum Field: String, CaseIterable, Sendable {
        case name, email, segment
        /// By `stage_entered_at` (earliest first ascending: longest in stage first).
        case stageEnteredAt
        case touchpointCount, lastTouchAt, revenue, id
        /// From the attached value table (see `valueFields`).
        case clv, probabilityAlive, rfmSegment
    }

    public var field: Field
    public var descending: Bool

    public init(_ field: Field = .name, descending: Bool = false) {
        self.field = field
        self.descending = descending
    }
}

/// One row of a customer list: the customer plus figures from their touchpoints.
public struct CustomerSummary: Hashable, Sendable {
    public var customer: Customer
    public var touchpointCount: Int
    public var lastTouchAt: Timestamp?
    /// Sum of the customer's touchpoint values.
    public var revenue: Double
    /// The customer's value figures: nil for a non-buyer, or while the store has no value table.
    public var value: CustomerValueFigures?

    public init(customer: Customer, touchpointCount: Int, lastTouchAt: Timestamp?, revenue: Double,
                value: CustomerValueFigures? = nil) {
        self.customer = customer
        self.touchpointCount = touchpointCount
        self.lastTouchAt = lastTouchAt
        self.revenue = revenue
        self.value = value
    }
}

/// Counts over the whole snapshot.
public struct SnapshotTotals: Hashable, Sendable, Codable {
    public var customers: Int
    public var touchpoints: Int
    public var transitions: Int
    /// Sum of every touchpoint value.
    public var revenue: Double

    public init(customers: Int, touchpoints: Int, transitions: Int, revenue: Double) {
        self.customers = customers
        self.touchpoints = touchpoints
        self.transitions = transitions
        self.revenue = revenue
    }
}
