/// Pass 2 into a SQLite snapshot without a `Customer` value (and a `String` per cell) for each
/// row: the cells' bytes are bound to SQLite where they lie in the CSV buffer, times are written
/// into one reused buffer, stage ids and the source come from one buffer of constants. What is
/// written is what `add(_: Customer)` and `add(_: Transition)` write for the same row
/// (`ImportBothFormatsTests` compares it with the JSON import, which goes through those).
extension CustomerRows {
    mutating func write(to writer: SQLiteSnapshotWriter) throws -> (customers: Int, transitions: Int) {
        let bad = problems.badRows(in: file)
        var constants = ImportConstants()
        let stageConstants = stages.ids.map { constants.number(of: $0) }
        let historyConstants = cols.history.map { constants.number(of: $0.1) }
        let source = constants.number(of: plan.source)
        var row = SQLiteRowTexts(cols: cols, plan: plan, attributeKeys: cols.attributes.map { JSONText.string($0.1) })
        var customers = 0, transitions = 0
        try constants.bytes.withUnsafeBufferPointer { constantBytes in
            for r in table.rows.indices {
                let (number, cells) = table.rows[r]
                guard cells.count == table.header.count, !bad.contains(number) else { continue }
                let stage = stageConstants[Int(rowStages[r])]
                row.make(cells, times: { time(record: r, slot: $0) }, stage: stage, history: historyConstants, constants: constants)
                try row.insert(into: writer, cells: cells, constants: constants, bytes: constantBytes, history: historyConstants, source: source)
                customers += 1
                transitions += row.entries.count
            }
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

/// The texts of one row's customer and transitions, and where each comes from.
struct SQLiteRowTexts {
    /// Where a bound value comes from.
    enum Text {
        case null
        case cell(Int)
        case scratch(Range<Int>)
        case constant(Int)
    }

    let cols: CustomerRows.Cols
    let plan: ImportPlan
    /// The attribute columns' names as JSON strings.
    let attributeKeys: [[UInt8]]
    /// The customer's nine values, in the insert's order.
    private(set) var values: [Text] = []
    /// The dated stages of the row in time order (funnel order for one time): the transitions.
    private(set) var entries: [(at: Timestamp, position: Int)] = []
    private var entryTimes: [Range<Int>] = []
    /// Bytes made for the row: a joined name, times, tags and attributes as JSON.
    private var scratch: [UInt8] = []

    init(cols: CustomerRows.Cols, plan: ImportPlan, attributeKeys: [String]) {
        self.cols = cols
        self.plan = plan
        self.attributeKeys = attributeKeys.map { Array($0.utf8) }
        scratch.reserveCapacity(4096)
    }

    /// Makes the texts of one row (checked by `check`) whose stage is constant `stage`;
    /// `times(0)` is the created time, `times(1 + k)` history column k's.
    mutating func make(_ cells: CSVRecord, times: (Int) -> Timestamp?, stage: Int, history: [Int], constants: ImportConstants) {
        scratch.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
        entryTimes.removeAll(keepingCapacity: true)
        for position in cols.history.indices {
            if let at = times(1 + position) { entries.append((at, position)) }
        }
        if entries.count > 1 { entries.sort { ($0.at, $0.position) < ($1.at, $1.position) } }
        for e in entries { entryTimes.append(time(e.at)) }
        let current = constants.equalClass[stage]
        let entered = entries.lastIndex { constants.equalClass[history[$0.position]] == current }
        let created = times(0)
        values.append(.cell(cols.id!))
        values.append(name(cells))
        values.append(cell(cells, cols.email))
        values.append(.constant(stage))
        values.append(entered.map { .scratch(entryTimes[$0]) } ?? .null)
        values.append(created.map { .scratch(time($0)) } ?? .null)
        values.append(cell(cells, cols.segment))
        values.append(tagsText(cells))
        values.append(attributesText(cells))
    }

    /// Inserts the customer and its transitions (made by `make`).
    func insert(into writer: SQLiteSnapshotWriter, cells: CSVRecord, constants: ImportConstants, bytes: UnsafeBufferPointer<UInt8>,
                history: [Int], source: Int) throws {
        try scratch.withUnsafeBufferPointer { made in
            func text(_ t: Text) -> UnsafeBufferPointer<UInt8>? {
                switch t {
                case .null: return nil
                case .cell(let i): return cells.bytes(i)
                case .scratch(let r): return UnsafeBufferPointer(rebasing: made[r])
                case .constant(let n): return UnsafeBufferPointer(rebasing: bytes[constants.ranges[n]])
                }
            }
            try writer.addCustomerRow { s in
                for (k, v) in values.enumerated() { s.bind(Int32(k + 1), bytes: text(v)) }
            }
            let id = cells.bytes(cols.id!)
            var from: Text = .null
            for (k, e) in entries.enumerated() {
                let to = Text.constant(history[e.position])
                try writer.addTransitionRow { s in
                    s.bind(1, bytes: id)
                    s.bind(2, bytes: text(from))
                    s.bind(3, bytes: text(to))
                    s.bind(4, bytes: UnsafeBufferPointer(rebasing: made[entryTimes[k]]))
                    s.bind(5, bytes: text(.constant(source)))
                    for p: Int32 in 6...8 { s.bind(p, bytes: nil) }
                }
                from = to
            }
        }
    }

    private func cell(_ cells: CSVRecord, _ index: Int?) -> Text {
        guard let index, !cells.isEmpty(index) else { return .null }
        return .cell(index)
    }

    /// The name column, else first and last name joined by a space, else either, else the
    /// email, else the id (as `Customer.name` is made).
    private mutating func name(_ cells: CSVRecord) -> Text {
        if case .cell(let n) = cell(cells, cols.name) { return .cell(n) }
        switch (cell(cells, cols.first), cell(cells, cols.last)) {
        case (.cell(let first), .cell(let last)):
            let start = scratch.count
            scratch.append(contentsOf: cells.bytes(first))
            scratch.append(0x20)
            scratch.append(contentsOf: cells.bytes(last))
            return .scratch(start..<scratch.count)
        case (.cell(let one), _), (_, .cell(let one)):
            return .cell(one)
        default:
            if case .cell(let email) = cell(cells, cols.email) { return .cell(email) }
            return .cell(cols.id!)
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
        guard case .cell(let i) = cell(cells, cols.tags) else { return .null }
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
