/// Which customers of a stage a list shows.
public struct CustomerFilter: Hashable, Sendable {
    /// Only customers of this segment (exact match).
    public var segment: String?
    /// Only customers with at least one touchpoint on this channel.
    public var channel: String?
    /// Only customers whose value figures pass (see `ValueFilter`). Needs a value table
    /// attached to the store (`attachValues`); without one it matches nobody.
    public var value: ValueFilter?

    public init(segment: String? = nil, channel: String? = nil, value: ValueFilter? = nil) {
        self.segment = segment
        self.channel = channel
        self.value = value
    }

    public static let none = CustomerFilter()
    public var isEmpty: Bool { segment == nil && channel == nil && value == nil }
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
