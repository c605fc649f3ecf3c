/// `Int64` microseconds standing for a missing timestamp; below every real one.
let noTimestamp = Int64.min

extension Timestamp {
    /// A stored optional timestamp (`noTimestamp` for nil).
    init?(stored micros: Int64) {
        guard micros != noTimestamp else { return nil }
        self.init(microseconds: micros)
    }
}

/// Customers in columns, one row per element of `customers`, in file order.
struct CustomerTable {
    /// Nil where the element had no valid id.
    var ids = StringColumn()
    var idIndex = StringColumnIndex()
    var names = StringColumn()
    var emails = StringColumn()
    /// Stage position in the funnel; -1 until resolved.
    var stages: [Int32] = []
    var stageEnteredAt: [Int64] = []
    var createdAt: [Int64] = []
    /// Into `SnapshotTables.words`; -1 for none.
    var segments: [Int32] = []
    /// Tags of row i: `tags[tagEnds[i - 1] ..< tagEnds[i]]` (from 0 for row 0), words.
    var tagEnds: [Int32] = []
    var tags: [Int32] = []
    /// Attributes of row i, laid out like the tags; keys are words.
    var attributeEnds: [Int32] = []
    var attributeKeys: [Int32] = []
    var attributeValues: [AttributeValue] = []

    var count: Int { names.count }

    /// Where the tags of a row are in `tags`.
    func tagRange(_ row: Int) -> Range<Int> { Int(row == 0 ? 0 : tagEnds[row - 1])..<Int(tagEnds[row]) }

    /// Where the attributes of a row are in `attributeKeys` and `attributeValues`.
    func attributeRange(_ row: Int) -> Range<Int> {
        Int(row == 0 ? 0 : attributeEnds[row - 1])..<Int(attributeEnds[row])
    }

    /// The row of a customer id.
    func row(of id: UnsafeBufferPointer<UInt8>) -> Int? { idIndex.find(id, in: ids) }
}

/// Touchpoints in columns, one row per element of `touchpoints`, in file order.
struct TouchpointTable {
    var ids = StringColumn()
    /// Customer row; -1 until resolved.
    var customers: [Int32] = []
    var at: [Int64] = []
    /// Words.
    var channels: [Int32] = []
    var types: [Int32] = []
    /// Words, -1 for none.
    var campaigns: [Int32] = []
    /// NaN for none (JSON has no NaN).
    var values: [Double] = []
    var notes = StringColumn()

    var count: Int { ids.count }
}

/// Transitions in columns, one row per element of `transitions`, in file order.
struct TransitionTable {
    /// Customer row; -1 until resolved.
    var customers: [Int32] = []
    /// Stage positions; `from` is -1 for none, both -1 until resolved.
    var from: [Int32] = []
    var to: [Int32] = []
    var at: [Int64] = []
    /// Words.
    var by: [Int32] = []
    var notes = StringColumn()
    /// `id` and `reverts`, 0 for none.
    var ids: [Int64] = []
    var reverts: [Int64] = []
    /// The largest id in `ids`.
    var maxID: Int64 = 0

    var count: Int { customers.count }

    /// Numbers the transitions the file gives no id as SQLite numbers rows on conversion:
    /// in file order, one above the largest id so far (skipping ids the file gives later).
    /// A file without ids gets 1, 2, 3… — the ids its SQLite copy has.
    mutating func numberTransitions() {
        let given = maxID > 0 ? Set(ids.filter { $0 > 0 }) : []
        var last: Int64 = 0
        for row in ids.indices {
            if ids[row] > 0 {
                last = max(last, ids[row])
                continue
            }
            last += 1
            while given.contains(last) { last += 1 }
            ids[row] = last
        }
        maxID = max(maxID, last)
    }

    /// An id above every id in the table and above its row count, for a new transition (so
    /// that a SQLite copy, which numbers rows without an id from 1, never meets it twice).
    var nextID: Int64 { max(maxID, Int64(count)) + 1 }
}

/// A whole snapshot as parsed: header, stages and the three tables.
struct SnapshotTables {
    /// The warnings found while reading the text (an unmatched `reverts`); the others come
    /// from `SnapshotIndexes.warnings`.
    var readWarnings = ProblemList()
    var name: String?
    var currency: String?
    var declaredAsOf: Timestamp?
    var stages: [Stage] = []
    var stageIDs = StringColumn()
    var stageIndex = StringColumnIndex()
    var customers = CustomerTable()
    var touchpoints = TouchpointTable()
    var transitions = TransitionTable()
    /// Short repeated texts: channels, types, campaigns, segments, tags, attribute keys, `by`.
    var words = StringInterner()

    /// The funnel position of a stage id.
    func stagePosition(of id: UnsafeBufferPointer<UInt8>) -> Int? { stageIndex.find(id, in: stageIDs) }

    func stagePosition(of id: String) -> Int? {
        var id = id
        return id.withUTF8 { stagePosition(of: $0) }
    }

    func customerRow(of id: String) -> Int? {
        var id = id
        return id.withUTF8 { customers.row(of: $0) }
    }
}
