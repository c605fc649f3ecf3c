/// Pass 2 into a SQLite snapshot without a `Customer` value (and a `String` per cell) for each
/// row: the cells' bytes are bound to SQLite where they lie in the CSV buffer, times are written
/// into one reused buffer, stage ids and the source come from one buffer of constants, and rows
/// go in by batches (one statement for many rows). What is written is what `add(_: Customer)`
/// and `add(_: Transition)` write for the same rows, in the same order
/// (`ImportBothFormatsTests` compares it with the JSON import, which goes through those).
extension CustomerRows {
    mutating func write(to writer: SQLiteSnapshotWriter) throws -> (customers: Int, transitions: Int) {
        let bad = problems.badRows(in: file)
        var constants = ImportConstants()
        let stageConstants = stages.ids.map { constants.number(of: $0) }
        let historyConstants = cols.history.map { constants.number(of: $0.1) }
        let source = constants.number(of: plan.source)
        var batch = SQLiteImportBatch(cols: cols, plan: plan, history: historyConstants, source: source,
                                      attributeKeys: cols.attributes.map { JSONText.string($0.1) })
        var customers = 0, transitions = 0
        try constants.bytes.withUnsafeBufferPointer { constantBytes in
            for r in table.rows.indices {
                let (number, cells) = table.rows[r]
                guard cells.count == table.header.count, !bad.contains(number) else { continue }
                transitions += batch.add(cells, times: { time(record: r, slot: $0) }, stage: stageConstants[Int(rowStages[r])], constants: constants)
                customers += 1
                if batch.isFull { try batch.flush(into: writer, constants: constants, bytes: constantBytes) }
            }
            try batch.flush(into: writer, constants: constants, bytes: constantBytes)
        }
        return (customers, transitions)
    }
}

/// Texts bound for many rows (stage ids, the source), end to end in one buffer.
struct ImportConstants {
    private(set) var bytes: [UInt8] = []
    private(set) var ranges: [Range<Int>] = []
    /// Per constant, a number shared by the constants Swift's `String` calls equal.
    private(set) var equalClass: [Int] = []
    private var numbers: [[UInt8]: Int] = [:]
    private var classes: [String: Int] = [:]

    /// The number of `text` (added when new).
    mutating func number(of text: String) -> Int {
        let key = Array(text.utf8)
        if let n = numbers[key] { return n }
        let n = ranges.count
        ranges.append(bytes.count..<bytes.count + key.count)
        bytes += key
        numbers[key] = n
        let equal = classes[text] ?? n
        classes[text] = equal
        equalClass.append(equal)
        return n
    }
}

/// The texts of a batch of customers and their transitions, and where each comes from.
struct SQLiteImportBatch {
    /// Where a bound value comes from.
    enum Text {
        case null
        /// A cell's bytes (in the CSV buffer, there as long as the rows).
        case bytes(UnsafeBufferPointer<UInt8>)
        case scratch(Range<Int>)
        case constant(Int)
    }

    /// Customers a statement.
    static let rows = 64
    let cols: CustomerRows.Cols
    let plan: ImportPlan
    /// The constant of each history column's stage, and of the source (`by`).
    let history: [Int]
    let source: Int
    /// The attribute columns' names as JSON strings.
    let attributeKeys: [[UInt8]]
    /// Per customer nine values, in the insert's order.
    private var customers: [Text] = []
    /// Per transition five values: customer_id, from_stage, to_stage, at, by.
    private var transitions: [Text] = []
    /// Bytes made for the batch: joined names, times, tags and attributes as JSON.
    private var scratch: [UInt8] = []
    private var entries: [(at: Timestamp, position: Int)] = []
    private var entryTimes: [Range<Int>] = []

    init(cols: CustomerRows.Cols, plan: ImportPlan, history: [Int], source: Int, attributeKeys: [String]) {
        self.cols = cols
        self.plan = plan
        self.history = history
        self.source = source
        self.attributeKeys = attributeKeys.map { Array($0.utf8) }
        scratch.reserveCapacity(64 * 1024)
    }

    var isFull: Bool { customers.count >= Self.rows * 9 }

    /// Adds the customer of one row (checked by `check`) whose stage is constant `stage`, and
    /// its transitions (their number). `times(0)` is its created time, `times(1 + k)` history
    /// column k's.
    mutating func add(_ cells: CSVRecord, times: (Int) -> Timestamp?, stage: Int, constants: ImportConstants) -> Int {
        entries.removeAll(keepingCapacity: true)
        entryTimes.removeAll(keepingCapacity: true)
        for position in cols.history.indices {
            if let at = times(1 + position) { entries.append((at, position)) }
        }
        if entries.count > 1 { entries.sort { ($0.at, $0.position) < ($1.at, $1.position) } }
        for e in entries { entryTimes.append(time(e.at)) }
        let current = constants.equalClass[stage]
        let entered = entries.lastIndex { constants.equalClass[history[$0.position]] == current }
        let id = cells.bytes(cols.id!)
        customers.append(.bytes(id))
        customers.append(name(cells))
        customers.append(cell(cells, cols.email))
        customers.append(.constant(stage))
        customers.append(entered.map { .scratch(entryTimes[$0]) } ?? .null)
        customers.append(times(0).map { .scratch(time($0)) } ?? .null)
        customers.append(cell(cells, cols.segment))
        customers.append(tagsText(cells))
        customers.append(attributesText(cells))
        var from = Text.null
        for (k, e) in entries.enumerated() {
            let to = Text.constant(history[e.position])
            transitions += [.bytes(id), from, to, .scratch(entryTimes[k]), .constant(source)]
            from = to
        }
        return entries.count
    }

    /// Inserts the batch's customers, then its transitions, and empties it.
    mutating func flush(into writer: SQLiteSnapshotWriter, constants: ImportConstants, bytes: UnsafeBufferPointer<UInt8>) throws {
        try scratch.withUnsafeBufferPointer { made in
            let place = Place(made: made, constants: bytes, ranges: constants.ranges)
            try Self.insert(customers, width: 9, parameters: 9, by: writer.addCustomerRows, place: place)
            try Self.insert(transitions, width: 5, parameters: 8, by: writer.addTransitionRows, place: place)
        }
        customers.removeAll(keepingCapacity: true)
        transitions.removeAll(keepingCapacity: true)
        scratch.removeAll(keepingCapacity: true)
    }

    /// The buffers `Text` points into, while a batch is bound.
    private struct Place {
        let made: UnsafeBufferPointer<UInt8>
        let constants: UnsafeBufferPointer<UInt8>
        let ranges: [Range<Int>]

        func bytes(_ t: Text) -> UnsafeBufferPointer<UInt8>? {
            switch t {
            case .null: return nil
            case .bytes(let b): return b
            case .scratch(let r): return UnsafeBufferPointer(rebasing: made[r])
            case .constant(let n): return UnsafeBufferPointer(rebasing: constants[ranges[n]])
            }
        }
    }

    /// Binds rows of `width` values (the parameters after them NULL), up to `rows` a statement.
    private static func insert(_ values: [Text], width: Int, parameters: Int, by add: (Int, (SQLiteStatement) -> Void) throws -> Void,
                               place: Place) throws {
        let count = values.count / width
        var done = 0
        while done < count {
            let n = min(rows, count - done)
            try add(n) { s in
                for j in 0..<n {
                    for p in 0..<parameters {
                        s.bind(Int32(j * parameters + p + 1), bytes: p < width ? place.bytes(values[(done + j) * width + p]) : nil)
                    }
                }
            }
            done += n
        }
    }

    private func cell(_ cells: CSVRecord, _ index: Int?) -> Text {
        guard let index, !cells.isEmpty(index) else { return .null }
        return .bytes(cells.bytes(index))
    }

    /// The name column, else first and last name joined by a space, else either, else the
    /// email, else the id (as `Customer.name` is made).
    private mutating func name(_ cells: CSVRecord) -> Text {
        if case .bytes(let name) = cell(cells, cols.name) { return .bytes(name) }
        switch (cell(cells, cols.first), cell(cells, cols.last)) {
        case (.bytes(let first), .bytes(let last)):
            let start = scratch.count
            scratch.append(contentsOf: first)
            scratch.append(0x20)
            scratch.append(contentsOf: last)
            return .scratch(start..<scratch.count)
        case (.bytes(let one), _), (_, .bytes(let one)):
            return .bytes(one)
        default:
            if case .bytes(let email) = cell(cells, cols.email) { return .bytes(email) }
            return .bytes(cells.bytes(cols.id!))
        }
    }

    /// Where `t` was written in the canonical form.
    private mutating func time(_ t: Timestamp) -> Range<Int> {
        let start = scratch.count
        scratch.append(contentsOf: repeatElement(0, count: Timestamp.iso8601MaxLength))
        let length = scratch.withUnsafeMutableBufferPointer { t.writeISO8601(to: $0.baseAddress! + start) }
        scratch.removeLast(Timestamp.iso8601MaxLength - length)
        return start..<scratch.count
    }

    private mutating func tagsText(_ cells: CSVRecord) -> Text {
        guard let i = cols.tags, !cells.isEmpty(i) else { return .null }
        let tags = CustomerRows.tags(cells[i], separator: plan.tagSeparator)
        guard !tags.isEmpty else { return .null }
        let start = scratch.count
        JSONText.appendTags(tags, to: &scratch)
        return .scratch(start..<scratch.count)
    }

    /// `{"key":value,…}` of the attribute cells that are not empty, as `JSONText.attributes`.
    private mutating func attributesText(_ cells: CSVRecord) -> Text {
        let start = scratch.count
        for (k, (index, _)) in cols.attributes.enumerated() where !cells.isEmpty(index) {
            scratch.append(scratch.count == start ? 123 : 44)
            scratch.append(contentsOf: attributeKeys[k])
            scratch.append(58)
            appendAttributeValue(cells.bytes(index), cells[index])
        }
        guard scratch.count > start else { return .null }
        scratch.append(125)
        return .scratch(start..<scratch.count)
    }

    /// A cell as an attribute value in JSON: plain printable ASCII text that cannot be a number
    /// (its first byte no digit or `-`) copied between quotes, anything else as `JSONText` does.
    private mutating func appendAttributeValue(_ b: UnsafeBufferPointer<UInt8>, _ text: @autoclosure () -> String) {
        let plain = b.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }
        if plain, let first = b.first, first != 0x2D, !(0x30...0x39).contains(first) {
            scratch.append(0x22)
            scratch.append(contentsOf: b)
            scratch.append(0x22)
        } else {
            JSONText.appendAttributeValue(CustomerRows.attributeValue(text()), to: &scratch)
        }
    }
}
