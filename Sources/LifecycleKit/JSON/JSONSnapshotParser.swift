/// Reads the JSON text of a snapshot straight into `SnapshotTables` (no JSON tree), collecting
/// every semantic problem with its JSON path (`customers[1041].stage`). A syntax error stops
/// reading: `parse()` throws `JSONSyntaxError`.
///
/// References may come before what they name (customers before stages): those not found at
/// once are kept in `pending` and resolved when the text has been read.
struct JSONSnapshotParser {
    let reader: JSONByteReader
    var tables = SnapshotTables()
    var problems = ProblemList()
    /// Set when the text is not a version 1 snapshot: then only this problem is reported.
    var refusal: Problem?
    private var pending = PendingReferences()
    /// Touchpoint ids seen, for duplicates; dropped after reading.
    var touchpointIDIndex = StringColumnIndex()

    init(reader: JSONByteReader) { self.reader = reader }

    /// Reads the whole text; afterwards `tables` holds every row and `problems` every error.
    mutating func parse() throws {
        reader.skipByteOrderMark()
        if reader.atEnd() { throw reader.error(.emptyFile) }
        let kind = try reader.peekKind()
        guard kind == .object else { throw reader.error(.expectedTopObject, .message(kind.phrase)) }
        var formatFound = false
        try forEachField(RootField.self, "") { p, field in
            switch field {
            case .format:
                formatFound = true
                let format = try p.stringValue(field.key, required: true)
                if format != SnapshotFormat.formatName {
                    p.refusal = Problem(.notASnapshot, at: field.key, Message(.formatMustBe, .text(SnapshotFormat.formatName)))
                }
            case .version: try p.readVersion()
            case .name: p.tables.name = try p.stringValue(field.key, required: false)
            case .currency: p.tables.currency = try p.stringValue(field.key, required: false)
            case .asOf: p.tables.declaredAsOf = Timestamp(stored: try p.asOf())
            case .stages:
                let isArray = try p.forEachElement(field.key) { p, i in try p.readStage(i) }
                if isArray && p.tables.stages.isEmpty {
                    p.problems.add(.invalidField, at: field.key, Message(.atLeastOneStage))
                }
            case .customers: try p.forEachElement(field.key) { p, i in try p.readCustomer(i) }
            case .touchpoints: try p.forEachElement(field.key, required: false) { p, i in try p.readTouchpoint(i) }
            case .transitions: try p.forEachElement(field.key, required: false) { p, i in try p.readTransition(i) }
            }
        }
        if !reader.atEnd() { throw reader.error(.textAfterObject) }
        touchpointIDIndex = StringColumnIndex()
        if !formatFound {
            refusal = Problem(.notASnapshot, at: "", Message(.missingFormat))
        }
        if let refusal {
            problems = ProblemList()
            problems.add(refusal)
            return
        }
        resolvePendingReferences()
        checkTransitionIDs()
    }

    /// Transition ids are unique; every transition without one gets one (see
    /// `numberTransitions`); a `reverts` should name another transition of the same
    /// customer (else it is an ordinary transition, with a warning).
    private mutating func checkTransitionIDs() {
        var rowOfID: [Int64: Int] = [:]
        for (row, id) in tables.transitions.ids.enumerated() where id > 0 {
            if let first = rowOfID[id] {
                report(SnapshotRules.duplicateID(String(id), at: RecordPlace(.transitions, row + 1, .id),
                                                 first: RecordPlace(.transitions, first + 1)))
            } else {
                rowOfID[id] = row
            }
        }
        tables.transitions.numberTransitions()
        let t = tables.transitions
        guard t.reverts.contains(where: { $0 > 0 }) else { return }
        for (row, id) in t.ids.enumerated() where rowOfID[id] == nil { rowOfID[id] = row }
        for (row, target) in t.reverts.enumerated() where target > 0 {
            guard let other = rowOfID[target], other != row, t.customers[other] == t.customers[row] else {
                unmatchedRevert(row, target)
                continue
            }
        }
    }

    private mutating func unmatchedRevert(_ row: Int, _ target: Int64) {
        report(SnapshotRules.unmatchedRevert(target, at: RecordPlace(.transitions, row + 1, .reverts)))
    }

    private mutating func readVersion() throws {
        guard try expect(.number, "version", required: true) else { return }
        let version = try reader.readNumber()
        guard version != Double(SnapshotFormat.version), refusal == nil else { return }
        let shown = version == version.rounded() && abs(version) < 1e15 ? String(Int64(version)) : String(version)
        refusal = Problem(.unsupportedVersion, at: "version",
                          Message(.unsupportedVersion, .text(shown), .text(String(SnapshotFormat.version))))
    }

    // MARK: Reading values of an expected kind

    /// Whether the next value is of `kind`. Otherwise it is skipped: silently when it is
    /// `null` and not `required`, else reported at `place`.
    mutating func expect(_ kind: JSONValueKind, _ place: @autoclosure () -> String, required: Bool) throws -> Bool {
        let found = try reader.peekKind()
        if found == kind { return true }
        if found == .null && !required {
            try reader.readNull()
            return false
        }
        problems.add(.invalidField, at: place(), Message(.expectedKind, .message(kind.phrase), .message(found.phrase)))
        try reader.skipValue()
        return false
    }

    /// A string's bytes (valid until the next read), or nil when absent or of another kind.
    mutating func string(_ place: @autoclosure () -> String, required: Bool) throws -> UnsafeBufferPointer<UInt8>? {
        try expect(.string, place(), required: required) ? try reader.readString() : nil
    }

    /// A string as a `String`, or nil when absent or of another kind.
    mutating func stringValue(_ place: @autoclosure () -> String, required: Bool) throws -> String? {
        try string(place(), required: required).map { String(decoding: $0, as: UTF8.self) }
    }

    /// A record rule's finding, as a problem at a JSON path.
    mutating func report(_ finding: Finding?) {
        if let finding { problems.add(finding.problem(.json)) }
    }

    /// A timestamp field of a record in microseconds, or `noTimestamp` when absent or invalid (reported).
    mutating func timestamp(_ record: RecordPlace, required: Bool) throws -> Int64 {
        guard let text = try string(PlaceStyle.json.place(record), required: required) else { return noTimestamp }
        guard let t = Timestamp.parse(text) else {
            report(SnapshotRules.malformedTimestamp(String(decoding: text, as: UTF8.self), at: record))
            return noTimestamp
        }
        return t.microseconds
    }

    /// The snapshot's `as_of` in microseconds, or `noTimestamp` when absent or invalid (reported).
    mutating func asOf() throws -> Int64 {
        guard let text = try string("as_of", required: false) else { return noTimestamp }
        guard let t = Timestamp.parse(text) else {
            problems.add(.invalidField, at: "as_of", Message(.malformedTimestamp, .text(JSONPath.quoted(text))))
            return noTimestamp
        }
        return t.microseconds
    }

    /// A number, or nil when absent or of another kind.
    mutating func number(_ place: @autoclosure () -> String, required: Bool) throws -> Double? {
        try expect(.number, place(), required: required) ? try reader.readNumber() : nil
    }

    /// A positive integer that fits in 64 bits (a transition id), or 0 when absent or invalid (reported).
    mutating func positiveInteger(_ record: RecordPlace, required: Bool) throws -> Int64 {
        guard try expect(.number, PlaceStyle.json.place(record), required: required) else { return 0 }
        guard let value = try reader.readInteger(), value > 0 else {
            report(SnapshotRules.notPositiveInteger(at: record))
            return 0
        }
        return value
    }

    /// A string interned in `tables.words`, or -1.
    mutating func word(_ place: @autoclosure () -> String, required: Bool) throws -> Int32 {
        guard let text = try string(place(), required: required) else { return -1 }
        return tables.words.intern(text)
    }

    /// Appends a string field to `column` (at most once per row: see `firstOccurrence`).
    mutating func text(_ place: @autoclosure () -> String, required: Bool,
                       into column: WritableKeyPath<SnapshotTables, StringColumn>) throws {
        if let text = try string(place(), required: required) { tables[keyPath: column].append(text) }
    }

    /// Whether an identifier is 1…128 printable characters; reports it at `place` when not.
    /// (Plain ASCII of a valid length passes at once: the rule's fast path for the common case.)
    mutating func checkIdentifier(_ id: UnsafeBufferPointer<UInt8>, _ record: RecordPlace) {
        let plainASCII = !id.isEmpty && id.count <= SnapshotFormat.maxIdentifierLength && id.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
        if plainASCII { return }
        report(SnapshotRules.identifier(String(decoding: id, as: UTF8.self), at: record))
    }

    // MARK: Objects and arrays

    /// Calls `body` for each element of the array value at `place` (an error if it is not
    /// one); false when there was no array.
    @discardableResult
    mutating func forEachElement(_ place: @autoclosure () -> String, required: Bool = true,
                                 _ body: (inout JSONSnapshotParser, Int) throws -> Void) throws -> Bool {
        guard try expect(.array, place(), required: required) else { return false }
        try reader.enterArray()
        var first = true
        var i = 0
        while try reader.nextElement(&first) {
            try body(&self, i)
            i += 1
        }
        return true
    }

    /// Calls `body` with each known field of the object value at `place` (an error if it is
    /// not one). Unknown keys are skipped; a repeated field and missing required ones are reported.
    /// `record` is the record the object is (nil for the snapshot object itself).
    mutating func forEachField<Field: JSONObjectFields>(_ fields: Field.Type, _ place: @autoclosure () -> String,
                                                        record: RecordPlace? = nil,
                                                        _ body: (inout JSONSnapshotParser, Field) throws -> Void) throws {
        guard try expect(.object, place(), required: true) else { return }
        try reader.enterObject()
        var seen = FieldSet()
        var first = true
        while let key = try reader.nextMember(&first) {
            guard let field = Field.keys.match(key).flatMap(Field.init(rawValue:)) else {
                try reader.skipValue()
                continue
            }
            guard seen.insert(field.rawValue) else {
                problems.add(.invalidField, at: JSONPath.member(place(), field.key), Message(.fieldTwice))
                try reader.skipValue()
                continue
            }
            try body(&self, field)
        }
        for field in Field.required where !seen.contains(field.rawValue) {
            if let record {
                report(SnapshotRules.missingField(field.field, of: record))
            } else {
                problems.add(.invalidField, at: place(), Message(.missingField, .text(field.key)))
            }
        }
    }

    // MARK: References

    /// A stage position for `id`, or -1 with the reference kept for later.
    mutating func stageReference(_ id: UnsafeBufferPointer<UInt8>, _ field: PendingReferences.Field, row: Int) -> Int32 {
        if let p = tables.stagePosition(of: id) { return Int32(p) }
        pending.add(id, field, row: row)
        return -1
    }

    /// A customer row for `id`, or -1 with the reference kept for later.
    mutating func customerReference(_ id: UnsafeBufferPointer<UInt8>, _ field: PendingReferences.Field, row: Int) -> Int32 {
        if let r = tables.customers.row(of: id) { return Int32(r) }
        pending.add(id, field, row: row)
        return -1
    }

    private mutating func resolvePendingReferences() {
        for k in 0..<pending.fields.count {
            let row = Int(pending.rows[k])
            let field = pending.fields[k]
            pending.ids.withBytes(k) { id in
                let isStage = field.isStage
                let target = isStage ? tables.stagePosition(of: id) : tables.customers.row(of: id)
                guard let target else {
                    report(SnapshotRules.unknownReference(String(decoding: id, as: UTF8.self), at: field.place(row)))
                    return
                }
                let value = Int32(target)
                switch field {
                case .customerStage: tables.customers.stages[row] = value
                case .touchpointCustomer: tables.touchpoints.customers[row] = value
                case .transitionCustomer: tables.transitions.customers[row] = value
                case .transitionFrom: tables.transitions.from[row] = value
                case .transitionTo: tables.transitions.to[row] = value
                }
            }
        }
        pending = PendingReferences()
    }
}

/// Ids referred to before (or without) being defined.
struct PendingReferences {
    enum Field {
        case customerStage, touchpointCustomer, transitionCustomer, transitionFrom, transitionTo

        var isStage: Bool { self == .customerStage || self == .transitionFrom || self == .transitionTo }

        func place(_ row: Int) -> RecordPlace {
            switch self {
            case .customerStage: RecordPlace(.customers, row + 1, .stage)
            case .touchpointCustomer: RecordPlace(.touchpoints, row + 1, .customerID)
            case .transitionCustomer: RecordPlace(.transitions, row + 1, .customerID)
            case .transitionFrom: RecordPlace(.transitions, row + 1, .from)
            case .transitionTo: RecordPlace(.transitions, row + 1, .to)
            }
        }
    }

    var ids = StringColumn()
    var fields: [Field] = []
    var rows: [Int32] = []

    mutating func add(_ id: UnsafeBufferPointer<UInt8>, _ field: Field, row: Int) {
        ids.append(id)
        fields.append(field)
        rows.append(Int32(row))
    }
}

/// The fields of the snapshot object.
enum RootField: Int, JSONObjectFields {
    case format, version, name, currency, asOf, stages, customers, touchpoints, transitions

    static let keys = JSONKeyTable(["format", "version", "name", "currency", "as_of", "stages", "customers",
                                    "touchpoints", "transitions"])
    /// Without `format`: its absence means "not a snapshot" (see `parse`).
    static let required: [RootField] = [.version, .stages, .customers]
}

/// The fields of one object seen so far (field numbers below 32).
struct FieldSet {
    private var bits: UInt32 = 0

    /// False when already present.
    mutating func insert(_ field: Int) -> Bool {
        defer { bits |= 1 << field }
        return bits & (1 << field) == 0
    }

    func contains(_ field: Int) -> Bool { bits & (1 << field) != 0 }
}
