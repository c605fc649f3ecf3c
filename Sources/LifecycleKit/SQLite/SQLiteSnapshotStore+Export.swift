import GRDBSQLite

/// What a streaming export reads (see `ExportStream`): one SELECT over the customers, with
/// the touchpoint figures joined only when asked for.
struct ExportScan {
    /// The stage ids in output order.
    var stages: [String]
    /// Never a value field (those are sorted in memory: the page path).
    var sort: CustomerSort
    /// Join each customer's touchpoint count, last touch and revenue.
    var figures: Bool
    /// Select every customer column, so that rows decode whole from the statement.
    var decode: Bool
    /// Rows come in id order (for the caller to bucket by stage), not in output order.
    var inIDOrder: Bool
}

/// One row of a streaming export, valid until the next: columns 0–8 as `SQLiteRows.customers`
/// (NULL where not selected), 9 the rowid, 10–12 the figures (count, last touch, revenue).
struct ExportRow {
    let statement: SQLiteStatement
    let scan: ExportScan
    let values: CustomerValueTable?
    fileprivate let store: SQLiteSnapshotStore
    fileprivate let db: OpaquePointer

    /// The column's bytes when it is text; nil for NULL or another type.
    func text(_ column: Int32) -> UnsafeBufferPointer<UInt8>? {
        statement.type(column) == SQLITE_TEXT ? statement.bytes(column) : nil
    }

    func isNull(_ column: Int32) -> Bool { statement.isNull(column) }

    var touchpointCount: Int { scan.figures ? statement.int(10) : 0 }
    var lastTouchAt: Timestamp? { scan.figures && !statement.isNull(11) ? Timestamp(microseconds: Int64(statement.int(11))) : nil }
    var revenue: Double { scan.figures ? statement.double(12) : 0 }

    /// The row as the page path reads it: decoded whole (a row against the format throws its
    /// `SnapshotError`), with its figures and value figures.
    func summary() throws -> CustomerSummary {
        guard scan.decode else {
            let figures = (count: touchpointCount, lastTouch: lastTouchAt, revenue: revenue)
            guard let row = try store.summaries([statement.int(9)], db, table: values, figures: { _ in figures }).first else {
                throw OperationError("a customer row disappeared during the export")
            }
            return row
        }
        let customer = try store.decode(statement, SQLiteRows.customers, SQLiteRows.customer)
        return CustomerSummary(customer: customer, touchpointCount: touchpointCount, lastTouchAt: lastTouchAt,
                               revenue: revenue, value: values?.figures(of: customer.id))
    }
}

extension SQLiteSnapshotStore {
    /// Streams the customers of `scan.stages` to `body` from one SELECT on a connection of its
    /// own (so that `body` may ask the store for more, e.g. a `--where` reading touchpoints).
    func scanForExport(_ scan: ExportScan, _ body: (ExportRow) throws -> Void) throws {
        let values = valueSlot.current.table
        try readOnOwnConnection { db in
            let s = try SQLiteStatement(db, Self.exportSQL(scan))
            if !scan.inIDOrder { for (i, stage) in scan.stages.enumerated() { s.bind(Int32(i + 1), stage) } }
            let row = ExportRow(statement: s, scan: scan, values: values, store: self, db: db)
            while try s.step() { try body(row) }
        }
    }

    /// The SELECT of a streaming export: by id alone (`inIDOrder`, every stage), else joined
    /// to the wanted stages in output order and sorted as the page path's SQL sorts a list.
    static func exportSQL(_ scan: ExportScan) -> String {
        let all = ["c.id", "c.name", "c.email", "c.stage", "c.stage_entered_at", "c.created_at", "c.segment", "c.tags", "c.attributes"]
        var columns = scan.decode ? all : all.enumerated().map { [0, 1, 2, 3, 6].contains($0.offset) ? $0.element : "NULL" }
        columns.append("c.rowid")
        columns += scan.figures ? ["coalesce(f.n, 0)", "f.last", "coalesce(f.revenue, 0.0)"] : ["0", "NULL", "0.0"]
        let figures = scan.figures ? """
             LEFT JOIN (SELECT customer_id, count(*) AS n, max(\(SQLiteTimeFunction.sql("at"))) AS last, total(value) AS revenue
            FROM touchpoints GROUP BY customer_id) f ON f.customer_id = c.id
            """ : ""
        let direction = scan.sort.descending ? "DESC" : "ASC"
        if scan.inIDOrder {
            return "SELECT \(columns.joined(separator: ", ")) FROM customers c\(figures) ORDER BY c.id COLLATE BINARY \(direction)"
        }
        let wanted = scan.stages.indices.map { "(?\($0 + 1), \($0))" }.joined(separator: ", ")
        var key = sortKey(scan.sort.field)
        switch scan.sort.field {
        case .touchpointCount: key = "coalesce(f.n, 0)"
        case .lastTouchAt: key = "f.last"
        case .revenue: key = "coalesce(f.revenue, 0.0)"
        default: break
        }
        var order = "w.k, "
        if scan.sort.field != .id { order += "\(key) \(direction), " }
        order += "c.id COLLATE BINARY \(direction)"
        return "WITH w(stage, k) AS (VALUES \(wanted)) SELECT \(columns.joined(separator: ", ")) "
            + "FROM w JOIN customers c ON c.stage = w.stage\(figures) ORDER BY \(order)"
    }
}
