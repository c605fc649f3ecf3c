/// One phase of the lifecycle. Stages are data: their order in a snapshot is the funnel order.
public struct Stage: Hashable, Sendable, Codable {
    /// Matches `[a-z0-9][a-z0-9_-]*`, at most 128 characters.
    public var id: String
    public var name: String
    public var description: String?

    public init(id: String, name: String, description: String? = nil) {
        self.id = id
        self.name = name
        self.description = description
    }
}

/// A value in a customer's free-form `attributes`.
public enum AttributeValue: Hashable, Sendable {
    case string(String)
    /// Kept exactly as written (see `ExactNumber`): no digit is lost or added by a save.
    case number(ExactNumber)
    case bool(Bool)
}

/// One entry of a customer's `attributes`, kept in file order.
public struct Attribute: Hashable, Sendable {
    public var key: String
    public var value: AttributeValue

    public init(_ key: String, _ value: AttributeValue) {
        self.key = key
        self.value = value
    }
}

/// A person or account, with exactly one current stage.
public struct Customer: Hashable, Sendable {
    public var id: String
    public var name: String
    public var email: String?
    /// The id of the current stage.
    public var stage: String
    public var stageEnteredAt: Timestamp?
    public var createdAt: Timestamp?
    public var segment: String?
    public var tags: [String]
    public var attributes: [Attribute]

    public init(id: String, name: String, email: String? = nil, stage: String,
                stageEnteredAt: Timestamp? = nil, createdAt: Timestamp? = nil,
                segment: String? = nil, tags: [String] = [], attributes: [Attribute] = []) {
        self.id = id
        self.name = name
        self.email = email
        self.stage = stage
        self.stageEnteredAt = stageEnteredAt
        self.createdAt = createdAt
        self.segment = segment
        self.tags = tags
        self.attributes = attributes
    }
}

/// One contact between a customer and the company.
public struct Touchpoint: Hashable, Sendable {
    public var id: String
    public var customerID: String
    public var at: Timestamp
    public var channel: String
    public var type: String
    public var campaign: String?
    public var value: Double?
    public var note: String?

    public init(id: String, customerID: String, at: Timestamp, channel: String, type: String,
                campaign: String? = nil, value: Double? = nil, note: String? = nil) {
        self.id = id
        self.customerID = customerID
        self.at = at
        self.channel = channel
        self.type = type
        self.campaign = campaign
        self.value = value
        self.note = note
    }
}

/// One change of a customer's stage: when, by whom and why.
public struct Transition: Hashable, Sendable {
    public var customerID: String
    /// The stage left, nil for a customer's first stage.
    public var from: String?
    public var to: String
    public var at: Timestamp
    public var by: String
    public var note: String?
    /// A positive integer unique among transitions (SQLite: `transitions.id`); nil when a
    /// JSON file gives none.
    public var id: Int64?
    /// The `id` of an earlier transition of the same customer that this one undoes. Such a
    /// pair stays in the history but counts in no figure (reached, conversion).
    public var reverts: Int64?

    public init(customerID: String, from: String?, to: String, at: Timestamp, by: String, note: String? = nil,
                id: Int64? = nil, reverts: Int64? = nil) {
        self.customerID = customerID
        self.from = from
        self.to = to
        self.at = at
        self.by = by
        self.note = note
        self.id = id
        self.reverts = reverts
    }
}

/// The snapshot's label and reference moment.
public struct SnapshotInfo: Hashable, Sendable, Codable {
    public var name: String?
    /// ISO 4217 code, `EUR` when the file names none.
    public var currency: String
    /// `as_of` as written in the file, if any.
    public var declaredAsOf: Timestamp?
    /// The moment every "days since" figure is computed against: `as_of`, or else the
    /// latest timestamp found anywhere in the snapshot (the epoch for an empty snapshot).
    public var asOf: Timestamp

    public init(name: String? = nil, currency: String = "EUR", declaredAsOf: Timestamp? = nil, asOf: Timestamp) {
        self.name = name
        self.currency = currency
        self.declaredAsOf = declaredAsOf
        self.asOf = asOf
    }
}

/// Well-known values, and the rules for identifiers.
public enum SnapshotFormat {
    public static let formatName = "lifecycle-snapshot"
    public static let version = 1
    public static let maxIdentifierLength = 128
    public static let channels = ["web", "email", "social", "ads", "search", "phone", "store",
                                  "support", "referral", "event", "other"]
    public static let touchpointTypes = ["visit", "ad_click", "signup", "email_sent", "email_open",
                                         "email_click", "purchase", "support_ticket", "review",
                                         "referral", "unsubscribe"]

    /// `[a-z0-9][a-z0-9_-]*`, 1...128 characters.
    public static func isValidStageID(_ id: String) -> Bool {
        let u = id.utf8
        guard !u.isEmpty, u.count <= maxIdentifierLength else { return false }
        for (i, c) in u.enumerated() {
            let alnum = (c >= 97 && c <= 122) || (c >= 48 && c <= 57)
            if !(alnum || (i > 0 && (c == 95 || c == 45))) { return false }
        }
        return true
    }

    /// Non-empty, at most 128 characters, printable (no control characters).
    public static func isValidIdentifier(_ id: String) -> Bool {
        guard !id.isEmpty, id.count <= maxIdentifierLength else { return false }
        return !id.unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && $0.value <= 0x9F) }
    }
}
