import Foundation

/// Which customers an export holds and how: one stage or all (in funnel order), a filter, a
/// search (name, email or id, as the list's `/` finds them), a sort within each stage, a
/// predicate (`--where`; the rule expressions plug in here), or an explicit list of ids.
///
/// On a SQLite snapshot the rows come from one streaming SELECT (`ExportStream`); otherwise
/// they are read a page at a time. Either way they are written as they come, so a million
/// rows never sit in memory at once.
public struct CustomerExport: Sendable {
    /// A customer's row passes when this returns true (`--where`). Nil: every row.
    public typealias Predicate = @Sendable (CustomerSummary) throws -> Bool

    /// The stage ids to export, in order; empty: every stage of the snapshot.
    public var stages: [String] = []
    public var filter = CustomerFilter.none
    public var search: String?
    public var sort = CustomerSort(.id)
    public var columns = ExportColumn.defaults
    public var format = ExportFormat.csv
    public var predicate: Predicate?
    /// The predicate reads value figures (CLV, P(alive), RFM): the value table is attached first.
    public var predicateNeedsValues = false
    /// Only these customers (the dashboard's marks), in the list's order; nil: all that pass.
    public var only: Set<String>?
    /// Exactly these customers, in this order (the dashboard's drill-down list), instead of
    /// the stages' lists: each read by id (one missing from the file is left out); stages,
    /// filter, search and sort do not apply then.
    public var ids: [String]?
    /// The store has the value table already (the dashboard): it is not computed again.
    public var valuesAttached = false
    /// Rows read from the store per page.
    public var pageSize = 5_000
    /// Read pages even where the streaming SELECT could be used (tests compare the two).
    var pagesOnly = false

    public init() {}

    /// Whether the value table must be attached first (a value column, sort or filter).
    public var needsValues: Bool {
        columns.contains(where: \.needsValues) || ExportSort.needsValues(sort) || filter.value != nil || predicateNeedsValues
    }

    /// Whether the export of `store` streams from one SELECT (then it needs no list index).
    public func streams(from store: any SnapshotReading) -> Bool {
        !pagesOnly && ExportStream(self, store: store) != nil
    }

    /// Checks the stage ids against `store` (throws naming an unknown one).
    public func checkStages(in store: any SnapshotReading) throws {
        let known = store.stages.map(\.id)
        for id in stages where !known.contains(id) {
            throw OperationError(Message(.exportUnknownStage, .text(id), .text(known.joined(separator: ", "))))
        }
    }

    /// Writes the export to `output` and returns the number of rows; `progress` hears the
    /// rows written so far after every page (a throw stops the export: nothing is written).
    /// Attaches the value table first when needed.
    @discardableResult
    public func write(from store: any SnapshotReading, to output: ExportOutput,
                      progress: ((Int) throws -> Void)? = nil) throws -> Int {
        try checkStages(in: store)
        if needsValues && !valuesAttached { try store.attachValues(try store.valueTable()) }
        if ids == nil, !pagesOnly, let stream = ExportStream(self, store: store), let sqlite = store as? SQLiteSnapshotStore {
            return try stream.write(from: sqlite, to: output, progress: progress)
        }
        var out: [UInt8] = []
        out.reserveCapacity(1 << 20)
        format.header(columns, into: &out)
        let asOf = self.asOf(of: store)
        if let ids {
            let rows = try write(ids, from: store, into: &out, output: output, progress: progress)
            format.footer(into: &out)
            try output.write(out)
            try output.commit()
            return rows
        }
        let matcher = search.flatMap { $0.isEmpty ? nil : CustomerSearch($0) }
        var rows = 0
        for stage in stages.isEmpty ? store.stages.map(\.id) : stages {
            var offset = 0
            while true {
                let page = try store.customers(inStage: stage, filter: filter, sort: sort, offset: offset, limit: pageSize)
                for row in page where try passes(row, matcher) {
                    format.row(columns.map { ExportValue($0, of: row, asOf: asOf) }, columns: columns, first: rows == 0, into: &out)
                    rows += 1
                }
                if out.count >= 1 << 20 { try output.write(out); out.removeAll(keepingCapacity: true) }
                try progress?(rows)
                offset += page.count
                if page.count < pageSize { break }
            }
        }
        format.footer(into: &out)
        try output.write(out)
        try output.commit()
        return rows
    }

    /// The customers `ids` in that order (the value figures are those the store has attached).
    private func write(_ ids: [String], from store: any SnapshotReading, into out: inout [UInt8], output: ExportOutput,
                       progress: ((Int) throws -> Void)?) throws -> Int {
        let asOf = self.asOf(of: store)
        let figures = columns.contains { [.touchpoints, .lastTouch, .revenue].contains($0) }
        var rows = 0
        for (i, id) in ids.enumerated() {
            guard let customer = try store.customer(id: id) else { continue }
            let touchpoints = figures ? try store.touchpoints(ofCustomer: id) : []
            let row = CustomerSummary(customer: customer, touchpointCount: touchpoints.count,
                                      lastTouchAt: touchpoints.map(\.at).max(),
                                      revenue: touchpoints.reduce(0) { $0 + ($1.value ?? 0) })
            format.row(columns.map { ExportValue($0, of: row, asOf: asOf) }, columns: columns, first: rows == 0, into: &out)
            rows += 1
            if out.count >= 1 << 20 { try output.write(out); out.removeAll(keepingCapacity: true) }
            if i % pageSize == pageSize - 1 { try progress?(rows) }
        }
        return rows
    }

    /// `as_of`, read only for `days_in_stage` (a file without one finds it by a full scan).
    func asOf(of store: any SnapshotReading) -> Timestamp {
        columns.contains(.daysInStage) ? store.info.asOf : Timestamp(microseconds: 0)
    }

    private func passes(_ row: CustomerSummary, _ matcher: CustomerSearch?) throws -> Bool {
        if let only, !only.contains(row.customer.id) { return false }
        if let matcher, !matcher.matches(row.customer) { return false }
        return try predicate?(row) ?? true
    }
}
