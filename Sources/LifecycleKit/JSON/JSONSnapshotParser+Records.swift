/// The elements of `stages`, `customers`, `touchpoints` and `transitions`: each appends
/// exactly one row to its table (defaults where a field is missing or invalid), so that a
/// row number is the element's index in the file.
extension JSONSnapshotParser {
    // MARK: Stages

    mutating func readStage(_ i: Int) throws {
        var stage = Stage(id: "", name: "")
        try forEachField(StageField.self, "stages[\(i)]", record: RecordPlace(.stages, i + 1)) { p, field in
            let place = RecordPlace(.stages, i + 1, field.field)
            guard let text = try p.string(PlaceStyle.json.place(place), required: field != .description) else { return }
            let value = String(decoding: text, as: UTF8.self)
            switch field {
            case .id:
                stage.id = value
                p.report(SnapshotRules.stageID(value, at: place))
                p.tables.stageIDs.append(text)
                if let firstRow = p.tables.stageIndex.insert(row: i, in: p.tables.stageIDs) {
                    p.report(SnapshotRules.duplicateID(value, at: place, first: RecordPlace(.stages, firstRow + 1)))
                }
            case .name: stage.name = value
            case .description: stage.description = value
            }
        }
        if tables.stageIDs.count == i { tables.stageIDs.appendNil() }
        tables.stages.append(stage)
    }

    // MARK: Customers

    mutating func readCustomer(_ i: Int) throws {
        tables.customers.stages.append(-1)
        tables.customers.stageEnteredAt.append(noTimestamp)
        tables.customers.createdAt.append(noTimestamp)
        tables.customers.segments.append(-1)
        try forEachField(CustomerField.self, "customers[\(i)]", record: RecordPlace(.customers, i + 1)) { p, field in try p.readCustomerField(field, row: i) }
        if tables.customers.ids.count == i { tables.customers.ids.appendNil() }
        if tables.customers.names.count == i { tables.customers.names.appendNil() }
        if tables.customers.emails.count == i { tables.customers.emails.appendNil() }
        tables.customers.tagEnds.append(Int32(tables.customers.tags.count))
        tables.customers.attributeEnds.append(Int32(tables.customers.attributeKeys.count))
    }

    private mutating func readCustomerField(_ field: CustomerField, row i: Int) throws {
        let record = RecordPlace(.customers, i + 1, field.field)
        let place = { PlaceStyle.json.place(record) }
        switch field {
        case .id:
            guard let id = try string(place(), required: true) else { return }
            checkIdentifier(id, record)
            tables.customers.ids.append(id)
            if let firstRow = tables.customers.idIndex.insert(row: i, in: tables.customers.ids) {
                report(SnapshotRules.duplicateID(String(decoding: id, as: UTF8.self), at: record,
                                                 first: RecordPlace(.customers, firstRow + 1)))
            }
        case .name: try text(place(), required: true, into: \.customers.names)
        case .email: try text(place(), required: false, into: \.customers.emails)
        case .stage:
            guard let id = try string(place(), required: true) else { return }
            tables.customers.stages[i] = stageReference(id, .customerStage, row: i)
        case .stageEnteredAt: tables.customers.stageEnteredAt[i] = try timestamp(record, required: false)
        case .createdAt: tables.customers.createdAt[i] = try timestamp(record, required: false)
        case .segment: tables.customers.segments[i] = try word(place(), required: false)
        case .tags:
            try forEachElement(place(), required: false) { p, k in
                let tag = try p.word("customers[\(i)].tags[\(k)]", required: true)
                if tag >= 0 { p.tables.customers.tags.append(tag) }
            }
        case .attributes: try readAttributes(place())
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
            case .number: value = .number(try reader.readExactNumber())
            case .bool: value = .bool(try reader.readBool())
            case let kind:
                problems.add(.invalidField, at: JSONPath.member(place(), tables.words[key]),
                             Message(.expectedScalar, .message(kind.phrase)))
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
        try forEachField(TouchpointField.self, "touchpoints[\(i)]", record: RecordPlace(.touchpoints, i + 1)) { p, field in try p.readTouchpointField(field, row: i) }
        if tables.touchpoints.ids.count == i { tables.touchpoints.ids.appendNil() }
        if tables.touchpoints.notes.count == i { tables.touchpoints.notes.appendNil() }
    }

    private mutating func readTouchpointField(_ field: TouchpointField, row i: Int) throws {
        let record = RecordPlace(.touchpoints, i + 1, field.field)
        let place = { PlaceStyle.json.place(record) }
        switch field {
        case .id:
            guard let id = try string(place(), required: true) else { return }
            checkIdentifier(id, record)
            tables.touchpoints.ids.append(id)
            if let firstRow = touchpointIDIndex.insert(row: i, in: tables.touchpoints.ids) {
                report(SnapshotRules.duplicateID(String(decoding: id, as: UTF8.self), at: record,
                                                 first: RecordPlace(.touchpoints, firstRow + 1)))
            }
        case .customerID:
            guard let id = try string(place(), required: true) else { return }
            tables.touchpoints.customers[i] = customerReference(id, .touchpointCustomer, row: i)
        case .at: tables.touchpoints.at[i] = try timestamp(record, required: true)
        case .channel: tables.touchpoints.channels[i] = try word(place(), required: true)
        case .type: tables.touchpoints.types[i] = try word(place(), required: true)
        case .campaign: tables.touchpoints.campaigns[i] = try word(place(), required: false)
        case .value: tables.touchpoints.values[i] = try number(place(), required: false) ?? .nan
        case .note: try text(place(), required: false, into: \.touchpoints.notes)
        }
    }

    // MARK: Transitions

    mutating func readTransition(_ i: Int) throws {
        tables.transitions.customers.append(-1)
        tables.transitions.from.append(-1)
        tables.transitions.to.append(-1)
        tables.transitions.at.append(noTimestamp)
        tables.transitions.by.append(-1)
        tables.transitions.ids.append(0)
        tables.transitions.reverts.append(0)
        try forEachField(TransitionField.self, "transitions[\(i)]", record: RecordPlace(.transitions, i + 1)) { p, field in try p.readTransitionField(field, row: i) }
        if tables.transitions.notes.count == i { tables.transitions.notes.appendNil() }
    }

    private mutating func readTransitionField(_ field: TransitionField, row i: Int) throws {
        let record = RecordPlace(.transitions, i + 1, field.field)
        let place = { PlaceStyle.json.place(record) }
        switch field {
        case .customerID:
            guard let id = try string(place(), required: true) else { return }
            tables.transitions.customers[i] = customerReference(id, .transitionCustomer, row: i)
        case .from:
            guard let id = try string(place(), required: false) else { return }
            tables.transitions.from[i] = stageReference(id, .transitionFrom, row: i)
        case .to:
            guard let id = try string(place(), required: true) else { return }
            tables.transitions.to[i] = stageReference(id, .transitionTo, row: i)
        case .at: tables.transitions.at[i] = try timestamp(record, required: true)
        case .by: tables.transitions.by[i] = try word(place(), required: true)
        case .note: try text(place(), required: false, into: \.transitions.notes)
        case .id:
            let id = try positiveInteger(record, required: false)
            tables.transitions.ids[i] = id
            tables.transitions.maxID = max(tables.transitions.maxID, id)
        case .reverts: tables.transitions.reverts[i] = try positiveInteger(record, required: false)
        }
    }
}

enum StageField: Int, JSONObjectFields {
    case id, name, description

    static let keys = JSONKeyTable(["id", "name", "description"])
    static let required: [StageField] = [.id, .name]
}

enum CustomerField: Int, JSONObjectFields {
    case id, name, email, stage, stageEnteredAt, createdAt, segment, tags, attributes

    static let keys = JSONKeyTable(["id", "name", "email", "stage", "stage_entered_at", "created_at", "segment", "tags",
                                    "attributes"])
    static let required: [CustomerField] = [.id, .name, .stage]
}

enum TouchpointField: Int, JSONObjectFields {
    case id, customerID, at, channel, type, campaign, value, note

    static let keys = JSONKeyTable(["id", "customer_id", "at", "channel", "type", "campaign", "value", "note"])
    static let required: [TouchpointField] = [.id, .customerID, .at, .channel, .type]
}

enum TransitionField: Int, JSONObjectFields {
    case customerID, from, to, at, by, note, id, reverts

    static let keys = JSONKeyTable(["customer_id", "from", "to", "at", "by", "note", "id", "reverts"])
    static let required: [TransitionField] = [.customerID, .to, .at, .by]
}
