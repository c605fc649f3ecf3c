/// One customer read from a row, with the stage history its date columns give.
struct ImportedCustomer {
    var row: Int
    var customer: Customer
    var transitions: [Transition]
}

/// Reads the customers of a contacts export by a plan. Every problem is collected with its
/// row and column; a row with a problem gives no customer.
struct CustomerRows {
    let table: CSVTable
    let file: String
    let plan: ImportPlan
    var problems = ImportProblems()
    var stages: StageResolver
    /// Per record, the number of its stage in `stages.ids` (-1 when it had none), from `check`.
    private(set) var rowStages: [Int32] = []
    /// Per record, its times in microseconds (`Int64.min` for none), from `check`: created, then
    /// one per history column (`timeSlots` a record).
    private(set) var rowTimes: [Int64] = []
    var timeSlots: Int { 1 + cols.history.count }
    private(set) var cols = Cols()

    struct Cols {
        var id, name, first, last, email, stage, segment, tags: Int?
        var created: DateColumn?
        var history: [(DateColumn, String)] = []
        var attributes: [(Int, String)] = []
    }

    init(table: CSVTable, file: String, plan: ImportPlan) {
        self.table = table
        self.file = file
        self.plan = plan
        stages = StageResolver(plan: plan)
        resolveColumns()
    }

    private mutating func resolveColumns() {
        let c = ImportColumns(table: table, file: file, optional: plan.columnsOptional)
        cols.id = c.index(plan.id, required: true, problems: &problems)
        cols.name = c.index(plan.name, problems: &problems)
        cols.first = c.index(plan.firstName, problems: &problems)
        cols.last = c.index(plan.lastName, problems: &problems)
        cols.email = c.index(plan.email, problems: &problems)
        cols.stage = c.index(plan.stage, required: plan.emptyStage == nil, problems: &problems)
        cols.segment = c.index(plan.segment, problems: &problems)
        cols.tags = c.index(plan.tags, problems: &problems)
        if let i = c.index(plan.createdAt, problems: &problems) {
            cols.created = dateColumn(i, plan.createdAt!)
        }
        for h in plan.history {
            if let i = table.column(h.column) { cols.history.append((dateColumn(i, table.header[i]), h.stage)) }
        }
        let used = Set(plan.usedColumns.compactMap { table.column($0) })
        let wanted = plan.restAsAttributes ? table.header : plan.attributes
        for name in wanted {
            guard let i = c.index(name, problems: &problems), !used.contains(i) else { continue }
            cols.attributes.append((i, table.header[i]))
        }
    }

    private mutating func dateColumn(_ index: Int, _ name: String) -> DateColumn {
        DateColumn(index: index, name: name, table: table, file: file, setting: plan.dateFormat, problems: &problems)
    }

    /// Pass 1: checks every row, reporting duplicates; the first row of each id without problems
    /// (the customers to write), and the latest moment among them (for `as_of`). Works on the
    /// cells' bytes: no `String` is made for a row without a problem.
    mutating func check() -> (ids: ImportIDs, latest: Timestamp?) {
        guard problems.file.isEmpty else { return (ImportIDs(), nil) }
        var ids = ImportIDs(capacity: table.rows.count)
        var latest: Timestamp?
        rowStages = [Int32](repeating: -1, count: table.rows.count)
        rowTimes = [Int64](repeating: .min, count: table.rows.count * timeSlots)
        for r in table.rows.indices {
            let (number, cells) = table.rows[r]
            guard problems.hasHeaderWidth(cells, row: number, table: table, file: file) else { continue }
            let before = problems.rows.count
            let rowLatest = checkRow(cells, record: r, row: number)
            problems.checkUnique(cells.bytes(cols.id!), row: number, rowProblemsBefore: before, ids: &ids, file: file, column: plan.id)
            guard problems.rows.count == before else { continue }
            if let t = rowLatest, latest.map({ t > $0 }) ?? true { latest = t }
        }
        return (ids, latest)
    }

    /// Checks the id, stage and dates of one row (its problems added to `problems`), keeping its
    /// stage's number; the latest of its dates.
    private mutating func checkRow(_ cells: CSVRecord, record: Int, row: Int) -> Timestamp? {
        let id = cells.bytes(cols.id!)
        if id.isEmpty {
            problems.add(file: file, row: row, column: plan.id, Message(.importEmptyValue))
        } else if !Self.isValidID(id) {
            let text = String(decoding: id, as: UTF8.self)
            problems.add(file: file, row: row, column: plan.id, Message(.invalidID, .text(text), .count(SnapshotFormat.maxIdentifierLength)))
        }
        switch stages.resolve(bytes: cols.stage.map { cells.bytes($0) } ?? UnsafeBufferPointer(start: nil, count: 0)) {
        case .success(let n): rowStages[record] = Int32(n)
        case .failure(let m): problems.add(file: file, row: row, column: plan.stage, m)
        }
        let slot = record * timeSlots
        var latest = cols.created?.value(cells, row: row, file: file, problems: &problems)
        rowTimes[slot] = latest?.microseconds ?? .min
        for (k, (column, _)) in cols.history.enumerated() {
            guard let at = column.value(cells, row: row, file: file, problems: &problems) else { continue }
            rowTimes[slot + 1 + k] = at.microseconds
            if latest.map({ at > $0 }) ?? true { latest = at }
        }
        return latest
    }

    /// `SnapshotFormat.isValidIdentifier` on bytes: printable ASCII decided here, others as text.
    static func isValidID(_ id: UnsafeBufferPointer<UInt8>) -> Bool {
        guard id.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return SnapshotFormat.isValidIdentifier(String(decoding: id, as: UTF8.self)) }
        return id.count <= SnapshotFormat.maxIdentifierLength
    }

    /// Pass 2: hands the customer of every row without a problem (after `check`) and its stage
    /// history to `sink` (to a SQLite file straight from the cells' bytes); the number of
    /// transitions.
    mutating func write(to sink: SnapshotSink) throws -> (customers: Int, transitions: Int) {
        if let sqlite = sink as? SQLiteSnapshotWriter { return try write(to: sqlite) }
        let bad = problems.badRows(in: file)
        var customers = 0, transitions = 0
        for r in table.rows.indices {
            let (number, cells) = table.rows[r]
            guard cells.count == table.header.count, !bad.contains(number) else { continue }
            let imported = customer(cells, record: r, row: number)
            try sink.add(imported.customer)
            for t in imported.transitions { try sink.add(t) }
            customers += 1
            transitions += imported.transitions.count
        }
        return (customers, transitions)
    }

    private func cell(_ cells: CSVRecord, _ index: Int?) -> String? {
        guard let index, !cells.isEmpty(index) else { return nil }
        return cells[index]
    }
}

extension CustomerRows {
    /// The customer of one row checked by `check` (pass 2).
    private func customer(_ cells: CSVRecord, record: Int, row: Int) -> ImportedCustomer {
        let id = cell(cells, cols.id) ?? ""
        var customer = Customer(id: id, name: "", email: nil, stage: stages.ids[Int(rowStages[record])])
        customer.createdAt = time(record: record, slot: 0)
        let transitions = history(record: record, customer: &customer)
        customer.email = cell(cells, cols.email)
        customer.name = name(cells) ?? customer.email ?? id
        customer.segment = cell(cells, cols.segment)
        if let tags = cell(cells, cols.tags) { customer.tags = Self.tags(tags, separator: plan.tagSeparator) }
        customer.attributes = cols.attributes.compactMap { index, key in cell(cells, index).map { Attribute(key, Self.attributeValue($0)) } }
        return ImportedCustomer(row: row, customer: customer, transitions: transitions)
    }

    /// Time `slot` of `record` (kept by `check`): 0 created, 1… the history columns'.
    func time(record: Int, slot: Int) -> Timestamp? {
        let t = rowTimes[record * timeSlots + slot]
        return t == .min ? nil : Timestamp(microseconds: t)
    }

    /// The tags of a tags cell: split by the plan's separator, trimmed, empty ones left out.
    static func tags(_ cell: String, separator: String) -> [String] {
        cell.components(separatedBy: separator).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// An attribute cell's value: a number when it is written as one, else the text.
    static func attributeValue(_ cell: String) -> AttributeValue {
        ExactNumber(text: cell).map(AttributeValue.number) ?? .string(cell)
    }

    /// The name column, else first and last name joined by a space; nil when all are empty.
    private func name(_ cells: CSVRecord) -> String? {
        if let name = cell(cells, cols.name) { return name }
        switch (cell(cells, cols.first), cell(cells, cols.last)) {
        case let (first?, last?): return first + " " + last
        case let (first, last): return first ?? last
        }
    }

    /// The stage history from the "became … date" columns, in date order (funnel order for one
    /// date); sets `stageEnteredAt` from the entry into the current stage.
    private func history(record: Int, customer: inout Customer) -> [Transition] {
        var entries: [(Timestamp, Int, String)] = []
        for (position, (_, stage)) in cols.history.enumerated() {
            if let at = time(record: record, slot: 1 + position) { entries.append((at, position, stage)) }
        }
        entries.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        var transitions: [Transition] = []
        var from: String?
        for (at, _, stage) in entries {
            transitions.append(Transition(customerID: customer.id, from: from, to: stage, at: at, by: plan.source))
            from = stage
        }
        customer.stageEnteredAt = entries.last { $0.2 == customer.stage }?.0
        return transitions
    }
}
