import Foundation

/// The streaming path of `CustomerExport` on a SQLite snapshot: one SELECT instead of a page
/// of lookups per 5,000 customers, the touchpoint figures joined in SQL only when a column,
/// the sort or `--where` needs them. Written byte for byte as the page path writes.
///
/// - Every stage sorted by id (the default), CSV: the customers are read once in id order (the
///   primary key's index, no sort) and each row goes to its stage's bucket; the first stage's
///   rows go straight out, the others' wait in memory, spilled to a temporary file beyond 4 MiB each.
/// - Chosen stages (`--stage`), any other sort, or JSON: SQLite sorts by stage, then the key, then id.
/// - Columns id, name, email, stage, segment and the figures are written from SQLite's bytes
///   (`CSVCellBytes`); a row with anything else in them (controls, invalid UTF-8, a NULL
///   name…), and every row of an export with other columns, a search or `--where`, is decoded
///   whole and written through `ExportValue` as on the page path.
///
/// Not taken (nil plan): another store, a filter, marked customers, a sort by a value figure.
struct ExportStream {
    let request: CustomerExport
    let scan: ExportScan
    /// Rows written from bytes when plain (else decoded).
    let fromBytes: Bool

    init?(_ request: CustomerExport, store: any SnapshotReading) {
        guard store is SQLiteSnapshotStore, request.filter.isEmpty, request.only == nil,
              !ExportSort.needsValues(request.sort) else { return nil }
        let stages = request.stages.isEmpty ? store.stages.map(\.id) : request.stages
        guard !stages.isEmpty else { return nil }
        let byteColumns: Set<ExportColumn> = [.id, .name, .email, .stage, .segment, .touchpoints, .lastTouch, .revenue]
        fromBytes = request.format != .json && request.predicate == nil && (request.search ?? "").isEmpty
            && request.columns.allSatisfy(byteColumns.contains)
        let figureSort: Set<CustomerSort.Field> = [.touchpointCount, .lastTouchAt, .revenue]
        let figures = request.predicate != nil || figureSort.contains(request.sort.field)
            || request.columns.contains { [.touchpoints, .lastTouch, .revenue].contains($0) }
        // Every stage by id: one pass in id order beats sorting. Chosen stages: their index, then a sort.
        let bucketed = request.stages.isEmpty && request.sort.field == .id && request.format != .json
        scan = ExportScan(stages: stages, sort: request.sort, figures: figures, decode: !fromBytes, inIDOrder: bucketed)
        self.request = request
    }

    /// Writes the export (header, rows, footer) to `output`; the number of rows.
    func write(from store: SQLiteSnapshotStore, to output: ExportOutput, progress: ((Int) throws -> Void)?) throws -> Int {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 21)
        request.format.header(request.columns, into: &out)
        var writer = RowWriter(request: request, fromBytes: fromBytes, asOf: request.asOf(of: store))
        var buckets = ExportBuckets(stages: scan.inIDOrder ? scan.stages : [])
        defer { buckets.close() }
        var scanned = 0
        try store.scanForExport(scan) { row in
            scanned += 1
            if scanned % 5_000 == 0 { try progress?(writer.rows) }
            guard let bucket = scan.inIDOrder ? buckets.index(of: row.text(3)) : 0 else { return }
            guard bucket == 0 else { return try buckets.add(bucket) { _ = try writer.append(row, first: false, into: &$0) } }
            if try writer.append(row, first: writer.rows == 0, into: &out), out.count >= 1 << 20 {
                try output.write(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        try output.write(out)
        out.removeAll(keepingCapacity: true)
        try buckets.drain { try output.write($0) }
        request.format.footer(into: &out)
        try output.write(out)
        try output.commit()
        try progress?(writer.rows)
        return writer.rows
    }
}

/// Writes one row of a streaming export: from SQLite's bytes when `fromBytes` and the row is
/// plain, else decoded as the page path does (search and `--where` apply there).
private struct RowWriter {
    let request: CustomerExport
    let fromBytes: Bool
    let asOf: Timestamp
    let matcher: CustomerSearch?
    private(set) var rows = 0

    init(request: CustomerExport, fromBytes: Bool, asOf: Timestamp) {
        self.request = request
        self.fromBytes = fromBytes
        self.asOf = asOf
        matcher = request.search.flatMap { $0.isEmpty ? nil : CustomerSearch($0) }
    }

    /// Appends the row when it passes; true when it did.
    mutating func append(_ row: ExportRow, first: Bool, into out: inout [UInt8]) throws -> Bool {
        if fromBytes {
            let mark = out.count
            if appendBytes(row, into: &out) { rows += 1; return true }
            out.removeSubrange(mark...)
        }
        let summary = try row.summary()
        if let matcher, !matcher.matches(summary.customer) { return false }
        if let predicate = request.predicate, try !predicate(summary) { return false }
        request.format.row(request.columns.map { ExportValue($0, of: summary, asOf: asOf) }, columns: request.columns,
                           first: first, into: &out)
        rows += 1
        return true
    }

    /// The row's cells from bytes; false (part of a row appended) when one is not plain.
    private func appendBytes(_ row: ExportRow, into out: inout [UInt8]) -> Bool {
        let separator = request.format.separator
        for (i, column) in request.columns.enumerated() {
            if i > 0 { out.append(separator) }
            switch column {
            case .id:
                guard let id = row.text(0), !id.isEmpty, id.count <= SnapshotFormat.maxIdentifierLength,
                      CSVCellBytes.appendText(id, separator: separator, to: &out) else { return false }
            case .name, .stage:
                guard let text = row.text(column == .name ? 1 : 3),
                      CSVCellBytes.appendText(text, separator: separator, to: &out) else { return false }
            case .email, .segment:
                let index: Int32 = column == .email ? 2 : 6
                if row.isNull(index) { continue }
                guard let text = row.text(index), CSVCellBytes.appendText(text, separator: separator, to: &out) else { return false }
            case .touchpoints:
                out.append(contentsOf: String(row.touchpointCount).utf8)
            case .lastTouch, .revenue:
                let value: ExportValue = column == .revenue ? ExportValue.decimal(row.revenue)
                    : row.lastTouchAt.map { .text($0.iso8601) } ?? .missing
                out.append(contentsOf: request.format.csvCell(value).utf8)
            default:
                return false
            }
        }
        out.append(13)
        out.append(10)
        return true
    }
}
