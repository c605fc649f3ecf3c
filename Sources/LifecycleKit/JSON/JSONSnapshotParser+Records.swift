/// The elements of `stages`, `customers`, `touchpoints` and `transitions`: each appends
/// exactly one row to its table (defaults where a field is missing or invalid), so that a
/// row number is the element's index in the file.
extension JSONSnapshotParser {
    private static let stageKeys = JSONKeyTable(["id", "name", "description"])
    private static let customerKeys = JSONKeyTable(["id", "name", "email", "stage", "stage_entered_at", "created_at",
                                                    "segment", "tags", "attributes"])
    private static let touchpointKeys = JSONKeyTable(["id", "customer_id", "at", "channel", "type", "campaign",
                                                      "value", "note"])
    private static let transitionKeys = JSONKeyTable(["customer_id", "from", "to", "at", "by", "note"])

    // MARK: Stages

    mutating func readStage(_ i: Int) throws {
        var stage = Stage(id: "", name: "")
        let seen = try forEachField(of: Self.stageKeys, "stages[\(i)]") { p, field in
            let place = "stages[\(i)].\(Self.stageKeys.names[field])"
            let required = field < 2
            guard let text = try p.string(place, required: required) else { return }
            let value = String(decoding: text, as: UTF8.self)
            switch field {
            case 0:
                stage.id = value
                if !SnapshotFormat.isValidStageID(value) {
                    p.problems.add(.invalidField, at: place,
                                   "invalid stage id \(JSONPath.quoted(value)) (must match [a-z0-9][a-z0-9_-]*)")
                }
                p.tables.stageIDs.append(text)
                if let firstRow = p.tables.stageIndex.insert(row: i, in: p.tables.stageIDs) {
                    p.problems.add(.duplicateID, at: place,
                                   "duplicate stage id \(JSONPath.quoted(value)) (first at stages[\(firstRow)])")
                }
            case 1: stage.name = value
            default: stage.description = value
            }
        }
        checkRequired([0, 1], of: Self.stageKeys, seen: seen, "stages[\(i)]")
        if tables.stageIDs.count == i { tables.stageIDs.appendNil() }
        tables.stages.append(stage)
    }

    // MARK: Customers

    mutating func readCustomer(_ i: Int) throws {
        tables.customers.stages.append(-1)
        tables.customers.stageEnteredAt.append(noTimestamp)
        tables.customers.createdAt.append(noTimestamp)
        tables.customers.segments.append(-1)
        let seen = try forEachField(of: Self.customerKeys, "customers[\(i)]") { p, field in
            try p.readCustomerField(field, row: i)
        }
        checkRequired([0, 1, 3], of: Self.customerKeys, seen: seen, "customers[\(i)]")
        if tables.customers.ids.count == i { tables.customers.ids.appendNil() }
        if tables.customers.names.count == i { tables.customers.names.appendNil() }
        if tables.customers.emails.count == i { tables.customers.emails.appendNil() }
        tables.customers.tagEnds.append(Int32(tables.customers.tags.count))
        tables.customers.attributeEnds.append(Int32(tables.customers.attributeKeys.count))
    }

    private mutating func readCustomerField(_ field: Int, row i: Int) throws {
        let place = { "customers[\(i)].\(Self.customerKeys.names[field])" }
        switch field {
        case 0:
            guard let id = try string(place(), required: true) else { return }
            checkIdentifier(id, place())
            tables.customers.ids.append(id)
            if let firstRow = tables.customers.idIndex.insert(row: i, in: tables.customers.ids) {
                problems.add(.duplicateID, at: place(), "duplicate customer id \(JSONPath.quoted(id)) (first at customers[\(firstRow)])")
            }
        case 1: try text(place(), required: true, into: \.customers.names)
        case 2: try text(place(), required: false, into: \.customers.emails)
        case 3:
            guard let id = try string(place(), required: true) else { return }
            tables.customers.stages[i] = stageReference(id, .customerStage, row: i)
        case 4: tables.customers.stageEnteredAt[i] = try timestamp(place(), required: false)
        case 5: tables.customers.createdAt[i] = try timestamp(place(), required: false)
        case 6: tables.customers.segments[i] = try word(place(), required: false)
        case 7:
            try forEachElement(place(), required: false) { p, k in
                let tag = try p.word("customers[\(i)].tags[\(k)]", required: true)
                if tag >= 0 { p.tables.customers.tags.append(tag) }
            }
        default: try readAttributes(place())
        }
    }

    /// `attributes`: an object of string → string, number or boolean, kept in order.
    private mutating func readAttributes(_ place: @autoclosure () -> String) throws {
        guard try expect(.object, place(), required: false) else { return }
        try reader.enterObject()
        var first = true
        while let keyBytes = try reader.nextMember(&first) {
            let key = tables.words.intern(keyBytes)
            let value: AttributeValue
            switch try reader.peekKind() {
            case .string: value = .string(String(decoding: try reader.readString(), as: UTF8.self))
            case .number: value = .number(try reader.readNumber())
            case .bool: value = .bool(try reader.readBool())
            case let kind:
                problems.add(.invalidField, at: JSONPath.member(place(), tables.words[key]),
                             "expected a string, number or boolean, found \(kind.phrase)")
                try reader.skipValue()
                continue
            }
            tables.customers.attributeKeys.append(key)
            tables.customers.attributeValues.append(value)
        }
    }

    // MARK: Touchpoints

    mutating func readTouchpoint(_ i: Int) throws {
        tables.touchpoints.customers.append(-1)
        tables.touchpoints.at.append(noTimestamp)
        tables.touchpoints.channels.append(-1)
        tables.touchpoints.types.append(-1)
        tables.touchpoints.campaigns.append(-1)
        tables.touchpoints.values.append(.nan)
        let seen = try forEachField(of: Self.touchpointKeys, "touchpoints[\(i)]") { p, field in
            try p.readTouchpointField(field, row: i)
        }
        checkRequired([0, 1, 2, 3, 4], of: Self.touchpointKeys, seen: seen, "touchpoints[\(i)]")
        if tables.touchpoints.ids.count == i { tables.touchpoints.ids.appendNil() }
        if tables.touchpoints.notes.count == i { tables.touchpoints.notes.appendNil() }
    }

    private mutating func readTouchpointField(_ field: Int, row i: Int) throws {
        let place = { "touchpoints[\(i)].\(Self.touchpointKeys.names[field])" }
        switch field {
        case 0:
            guard let id = try string(place(), required: true) else { return }
            checkIdentifier(id, place())
            tables.touchpoints.ids.append(id)
            if let firstRow = touchpointIDIndex.insert(row: i, in: tables.touchpoints.ids) {
                problems.add(.duplicateID, at: place(), "duplicate touchpoint id \(JSONPath.quoted(id)) (first at touchpoints[\(firstRow)])")
            }
        case 1:
            guard let id = try string(place(), required: true) else { return }
            tables.touchpoints.customers[i] = customerReference(id, .touchpointCustomer, row: i)
        case 2: tables.touchpoints.at[i] = try timestamp(place(), required: true)
        case 3: tables.touchpoints.channels[i] = try word(place(), required: true)
        case 4: tables.touchpoints.types[i] = try word(place(), required: true)
        case 5: tables.touchpoints.campaigns[i] = try word(place(), required: false)
        case 6: tables.touchpoints.values[i] = try number(place(), required: false) ?? .nan
        default: try text(place(), required: false, into: \.touchpoints.notes)
        }
    }

    // MARK: Transitions

    mutating func readTransition(_ i: Int) throws {
        tables.transitions.customers.append(-1)
        tables.transitions.from.append(-1)
        tables.transitions.to.append(-1)
        tables.transitions.at.append(noTimestamp)
        tables.transitions.by.append(-1)
        let seen = try forEachField(of: Self.transitionKeys, "transitions[\(i)]") { p, field in
            try p.readTransitionField(field, row: i)
        }
        checkRequired([0, 2, 3, 4], of: Self.transitionKeys, seen: seen, "transitions[\(i)]")
        if tables.transitions.notes.count == i { tables.transitions.notes.appendNil() }
    }

    private mutating func readTransitionField(_ field: Int, row i: Int) throws {
        let place = { "transitions[\(i)].\(Self.transitionKeys.names[field])" }
        switch field {
        case 0:
            guard let id = try string(place(), required: true) else { return }
            tables.transitions.customers[i] = customerReference(id, .transitionCustomer, row: i)
        case 1:
            guard let id = try string(place(), required: false) else { return }
            tables.transitions.from[i] = stageReference(id, .transitionFrom, row: i)
        case 2:
            guard let id = try string(place(), required: true) else { return }
            tables.transitions.to[i] = stageReference(id, .transitionTo, row: i)
        case 3: tables.transitions.at[i] = try timestamp(place(), required: true)
        case 4: tables.transitions.by[i] = try word(place(), required: true)
        default: try text(place(), required: false, into: \.transitions.notes)
        }
    }
}
