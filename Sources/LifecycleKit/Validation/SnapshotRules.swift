/// The record rules of the snapshot format's Validation section, once for every store: each
/// rule looks at neutral values (ids, timestamps, record places) and returns a `Finding`, its
/// code and catalog message; a store turns it into a `Problem` with a place in its own style
/// (`customers[3].stage` in JSON, `customers row 4 (id C-4), column stage` in SQLite).
///
/// A store keeps its own fast path (the JSON byte reader; SQLite's set-based queries for
/// duplicates, references and mismatches) and calls the rule for each record it finds.
/// What only one encoding has (JSON syntax and kinds, SQLite column types, tables and meta
/// keys) stays with its store.
public enum SnapshotRules {
    // MARK: Fields

    /// A field the format requires, missing from its record.
    public static func missingField(_ field: SnapshotField, of record: RecordPlace) -> Finding {
        Finding(.invalidField, record.whole, .missingField, .field(field))
    }

    /// A customer or touchpoint id: 1 to 128 printable characters.
    public static func identifier(_ id: String, at place: RecordPlace) -> Finding? {
        if SnapshotFormat.isValidIdentifier(id) { return nil }
        return Finding(.invalidField, place, .invalidID, .quoted(id), .count(SnapshotFormat.maxIdentifierLength))
    }

    /// A stage id: `[a-z0-9][a-z0-9_-]*`.
    public static func stageID(_ id: String, at place: RecordPlace) -> Finding? {
        if SnapshotFormat.isValidStageID(id) { return nil }
        return Finding(.invalidField, place, .invalidStageID, .quoted(id))
    }

    /// A timestamp that is not RFC 3339 (nor a bare date).
    public static func malformedTimestamp(_ text: String, at place: RecordPlace) -> Finding {
        Finding(.invalidField, place, .malformedTimestamp, .quoted(text))
    }

    /// A transition id or `reverts` that is not a positive 64-bit integer.
    public static func notPositiveInteger(at place: RecordPlace) -> Finding {
        Finding(.invalidField, place, .expectedPositiveInteger)
    }

    // MARK: Ids and references

    /// A record whose id an earlier record of its table (`first`) already has.
    public static func duplicateID(_ id: String, at place: RecordPlace, first: RecordPlace) -> Finding {
        let key: MessageKey
        switch place.table {
        case .stages: key = .duplicateStageID
        case .customers: key = .duplicateCustomerID
        case .touchpoints: key = .duplicateTouchpointID
        case .transitions: key = .duplicateTransitionID
        }
        let shown: Finding.Argument = place.table == .transitions ? .plain(id) : .quoted(id)
        return Finding(.duplicateID, place, key, shown, .record(first.whole))
    }

    /// A stage or customer id that names no stage or customer of the file.
    public static func unknownReference(_ id: String, at place: RecordPlace) -> Finding {
        let toStage = place.field == .stage || place.field == .from || place.field == .to
        return Finding(.unknownReference, place, toStage ? .unknownStage : .unknownCustomer, .quoted(id))
    }

    // MARK: Warnings

    /// A customer whose last transition goes elsewhere than their stage.
    public static func stageMismatch(stage: String, lastGoesTo: String, customer: RecordPlace) -> Finding {
        Finding(.stageMismatch, customer.whole, .stageMismatch, .quoted(stage), .quoted(lastGoesTo))
    }

    /// A stage entered before the customer was created.
    public static func enteredBeforeCreated(_ entered: Timestamp?, _ created: Timestamp?, customer: RecordPlace) -> Finding? {
        guard let entered, let created, entered < created else { return nil }
        return Finding(.enteredBeforeCreated, customer.with(.stageEnteredAt), .enteredBeforeCreated, .time(entered), .time(created))
    }

    /// A touchpoint or transition dated after the declared `as_of`.
    public static func afterAsOf(_ at: Timestamp, _ asOf: Timestamp?, at place: RecordPlace) -> Finding? {
        guard let asOf, at > asOf else { return nil }
        return Finding(.afterAsOf, place, .afterAsOf, .time(at), .time(asOf))
    }

    /// A `reverts` that names no other transition of the same customer (then an ordinary change).
    public static func unmatchedRevert(_ target: Int64, at place: RecordPlace) -> Finding {
        Finding(.unmatchedRevert, place, .unmatchedRevert, .plain(String(target)))
    }
}

/// What one rule found: its code, the record (and field) it is about, and its message with
/// arguments that do not depend on the store. `problem(style:)` makes it a `Problem`.
public struct Finding: Hashable, Sendable {
    public enum Argument: Hashable, Sendable {
        /// Data quoted as a JSON string (shortened beyond 80 characters).
        case quoted(String)
        case plain(String)
        case count(Int)
        case time(Timestamp)
        /// Another record, shown as the store shows places.
        case record(RecordPlace)
        /// A field, by the store's name for it.
        case field(SnapshotField)
    }

    public var kind: Problem.Kind
    public var place: RecordPlace
    public var key: MessageKey
    public var arguments: [Argument]

    init(_ kind: Problem.Kind, _ place: RecordPlace, _ key: MessageKey, _ arguments: Argument...) {
        self.kind = kind
        self.place = place
        self.key = key
        self.arguments = arguments
    }

    /// The problem as a store shows it.
    public func problem(_ style: PlaceStyle) -> Problem {
        let message = Message(key, arguments: arguments.map { argument in
            switch argument {
            case .quoted(let s): .text(JSONPath.quoted(s))
            case .plain(let s): .text(s)
            case .count(let n): .count(n)
            case .time(let t): .time(t)
            case .record(let r): .text(style.place(r))
            case .field(let f): .text(style.name(f))
            }
        })
        var problem = Problem(kind, at: style.place(place), message)
        problem.finding = self
        return problem
    }
}

/// A record of a snapshot (and one of its fields), whatever the store.
public struct RecordPlace: Hashable, Sendable {
    public enum Table: String, Sendable { case stages, customers, touchpoints, transitions }

    public var table: Table
    /// The record's number: its 1-based position in the JSON array, its rowid in SQLite.
    public var number: Int
    /// The record's id, where it has a usable one (SQLite places show it); not compared.
    public var id: String?
    /// The field, nil for the record as a whole.
    public var field: SnapshotField?

    public init(_ table: Table, _ number: Int, id: String? = nil, _ field: SnapshotField? = nil) {
        self.table = table
        self.number = number
        self.id = id
        self.field = field
    }

    /// The record itself, without the field.
    public var whole: RecordPlace { with(nil) }

    public func with(_ field: SnapshotField?) -> RecordPlace {
        RecordPlace(table, number, id: id, field)
    }

    public static func == (a: RecordPlace, b: RecordPlace) -> Bool {
        a.table == b.table && a.number == b.number && a.field == b.field
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(table)
        hasher.combine(number)
        hasher.combine(field)
    }
}

/// The fields of the format's records, by their JSON keys.
public enum SnapshotField: String, Sendable {
    case id, name, description, position, email, stage, segment, tags, attributes, at, channel, type, campaign
    case value, note, from, to, by, reverts
    case stageEnteredAt = "stage_entered_at", createdAt = "created_at", customerID = "customer_id"

    /// The field a SQLite snapshot keeps in `column`.
    public init?(sqliteColumn column: String) {
        switch column {
        case "from_stage": self = .from
        case "to_stage": self = .to
        default: self.init(rawValue: column)
        }
    }

    /// The column of a SQLite snapshot that holds it.
    public var sqliteColumn: String {
        switch self {
        case .from: "from_stage"
        case .to: "to_stage"
        default: rawValue
        }
    }
}

/// How a store writes places: JSON paths (`customers[3].stage`) or SQLite rows
/// (`customers row 4 (id C-4), column stage`).
public enum PlaceStyle: Sendable {
    case json, sqlite

    public func place(_ p: RecordPlace) -> String {
        switch self {
        case .json:
            let record = "\(p.table.rawValue)[\(p.number - 1)]"
            return p.field.map { "\(record).\($0.rawValue)" } ?? record
        case .sqlite:
            return sqlitePlace(p.table.rawValue, row: p.number, id: p.id, column: p.field?.sqliteColumn)
        }
    }

    public func name(_ field: SnapshotField) -> String {
        self == .json ? field.rawValue : field.sqliteColumn
    }
}
