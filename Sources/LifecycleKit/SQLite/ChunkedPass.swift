import GRDBSQLite

/// A pass over whole tables in chunks, each read by statements that finish before the next
/// chunk: in rollback-journal mode a reader blocks every commit, and one read of seconds
/// would make other programs' stage changes fail ("locked"). A commit between two chunks
/// would mix two states of the file: the pass then stops with `FileChangedDuringPass`.
/// Used on a connection without an enclosing transaction.
struct ChunkedPass {
    let db: OpaquePointer
    private let version: SQLiteStatement
    private let start: Int

    init(_ db: OpaquePointer) throws {
        self.db = db
        version = try SQLiteStatement(db, "PRAGMA data_version")
        start = try Self.read(version)
    }

    private static func read(_ version: SQLiteStatement) throws -> Int {
        defer { version.reset() }
        _ = try version.step()
        return version.int(0)
    }

    /// Throws `FileChangedDuringPass` when another connection committed since the pass began.
    func checkUnchanged() throws {
        guard try Self.read(version) == start else { throw FileChangedDuringPass() }
    }

    /// Calls `body` for every row of `SELECT rowid, <columns> FROM <table>` in rowid order,
    /// `chunk` rows at a time (column 0 is the rowid).
    func rows(_ columns: String, of table: String, chunk: Int, _ body: (SQLiteStatement) throws -> Void) throws {
        let select = try SQLiteStatement(db, "SELECT rowid, \(columns) FROM \(table) WHERE rowid > ?1 ORDER BY rowid LIMIT ?2")
        var last = Int.min
        while true {
            select.bind(1, last)
            select.bind(2, chunk)
            var seen = 0
            while try select.step() {
                last = select.int(0)
                seen += 1
                try body(select)
            }
            select.reset()
            try checkUnchanged()
            if seen < chunk { return }
        }
    }

    /// Calls `body` with the one row of `SELECT <aggregates> FROM <table>` for each range of
    /// `chunk` rowids, in order.
    func aggregates(_ aggregates: String, of table: String, chunk: Int, _ body: (SQLiteStatement) throws -> Void) throws {
        let bounds = try SQLiteStatement(db, "SELECT min(rowid), max(rowid) FROM \(table)")
        _ = try bounds.step()
        guard !bounds.isNull(0) else { return bounds.reset() }
        let (low, high) = (bounds.int(0), bounds.int(1))
        bounds.reset()
        let select = try SQLiteStatement(db, "SELECT \(aggregates) FROM \(table) WHERE rowid >= ?1 AND rowid <= ?2")
        var from = low
        while from <= high {
            let to = from > high - chunk ? high : from + chunk - 1
            select.bind(1, from)
            select.bind(2, to)
            _ = try select.step()
            try body(select)
            select.reset()
            try checkUnchanged()
            if to == high { break }
            from = to + 1
        }
    }
}

/// Another program committed while a chunked pass was reading.
struct FileChangedDuringPass: Error {}
