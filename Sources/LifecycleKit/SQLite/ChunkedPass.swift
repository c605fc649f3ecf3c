import Dispatch
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
    /// `chunk` rows at a time (column 0 is the rowid). Keyset pagination: each chunk starts
    /// after the last rowid seen, so rowids anywhere in the 64-bit range cost nothing.
    /// With `condition`, only the rows that meet it (each chunk then holds `chunk` of those);
    /// with `rowids`, only the rows whose rowid is in it. A chunk also ends once it has read
    /// for `ChunkClock.budget`.
    func rows(_ columns: String, of table: String, where condition: String? = nil, rowids: ClosedRange<Int> = Int.min...Int.max,
              chunk: Int, _ body: (SQLiteStatement) throws -> Void) throws {
        let filter = condition.map { " AND (\($0))" } ?? ""
        // No upper bound unless there is one: it costs a comparison on every row read.
        let upTo = rowids.upperBound == Int.max ? "" : " AND rowid <= \(rowids.upperBound)"
        let select = try SQLiteStatement(db, "SELECT rowid, \(columns) FROM \(table) WHERE rowid >= ?1\(upTo)\(filter) ORDER BY rowid LIMIT ?2")
        var from: Int? = rowids.lowerBound
        while let start = from {
            select.bind(1, start)
            select.bind(2, chunk)
            var seen = 0, last = start, cut = false
            let clock = ChunkClock()
            while try select.step() {
                last = select.int(0)
                seen += 1
                try body(select)
                // Ends on time too (the rest of the chunk is read in the next one).
                if seen & 255 == 0, clock.isOver { cut = true; break }
            }
            select.reset()
            try checkUnchanged()
            from = (seen < chunk && !cut) || last == rowids.upperBound ? nil : last + 1
        }
    }

    /// The rowids of `table` halved (nil when it has fewer than two rows): for a pass in two
    /// parts, one per connection and thread.
    func halves(of table: String) throws -> (ClosedRange<Int>, ClosedRange<Int>)? {
        guard let (low, high) = try Self.rowidEnds(of: table, db), low < high else { return nil }
        let middle = Self.middle(low, high)
        return middle < high ? (Int.min...middle, (middle + 1)...Int.max) : (Int.min...(high - 1), high...Int.max)
    }

    /// The least and greatest rowid of `table` (nil when it is empty). Two subqueries: each of
    /// min and max alone is one seek, both in one SELECT a full scan.
    static func rowidEnds(of table: String, _ db: OpaquePointer) throws -> (Int, Int)? {
        let ends = try SQLiteStatement(db, "SELECT (SELECT min(rowid) FROM \(table)), (SELECT max(rowid) FROM \(table))")
        guard try ends.step(), !ends.isNull(0) else { return nil }
        return (ends.int(0), ends.int(1))
    }

    /// The integer halfway between `low` and `high`, without overflow.
    static func middle(_ low: Int, _ high: Int) -> Int { low / 2 + high / 2 + (low % 2 + high % 2) / 2 }

    /// `SELECT count(*) FROM <table>` in one statement (SQLite counts on the table's smallest
    /// index: a few milliseconds for a million rows).
    static func count(_ table: String, _ db: OpaquePointer) throws -> Int {
        let select = try SQLiteStatement(db, "SELECT count(*) FROM \(table)")
        _ = try select.step()
        return select.int(0)
    }

    /// Calls `body` with the one row of `SELECT <aggregates> FROM <table>` for each run of
    /// at most `chunk` rows in rowid order (keyset pagination, as `rows`; fewer while a chunk
    /// takes longer than `ChunkClock.budget`).
    func aggregates(_ aggregates: String, of table: String, chunk: Int, _ body: (SQLiteStatement) throws -> Void) throws {
        let select = try SQLiteStatement(db, """
            SELECT \(aggregates), count(*), max(clc_rowid) FROM
              (SELECT rowid AS clc_rowid, * FROM \(table) WHERE rowid >= ?1 ORDER BY rowid LIMIT ?2)
            """)
        let columns = sqlite3_column_count(select.handle)
        var from: Int? = Int.min, size = chunk
        while let start = from {
            let clock = ChunkClock()
            select.bind(1, start)
            select.bind(2, size)
            _ = try select.step()
            let seen = select.int(columns - 2), last = select.int(columns - 1)
            if seen > 0 { try body(select) }
            select.reset()
            try checkUnchanged()
            from = seen < size || last == Int.max ? nil : last + 1
            size = clock.nextSize(after: size, limit: chunk)
        }
    }
}

/// How long one chunk of a pass may hold the file's read lock: a small part of the 2 s other
/// programs' writes wait for it (`SQLiteSchema.writeBusyTimeout`). On a loaded machine a
/// chunk of so many rows takes several times longer, so chunks end on time as well.
struct ChunkClock {
    static let budget: UInt64 = 200_000_000

    private let start = DispatchTime.now().uptimeNanoseconds

    /// The chunk has read for its time, or another pass waits for a gap in this process's
    /// reads (see `ReadGate`).
    var isOver: Bool { DispatchTime.now().uptimeNanoseconds - start > Self.budget || ReadGate.shared.gapWanted }

    /// The next chunk's size after one of `size` (at most `limit`): halved when this one took
    /// longer than its time, doubled back when it took less than a quarter of it.
    func nextSize(after size: Int, limit: Int) -> Int {
        let took = DispatchTime.now().uptimeNanoseconds - start
        if took > Self.budget { return max(size / 2, min(size, 500)) }
        return took < Self.budget / 4 ? min(size * 2, limit) : size
    }
}

/// Another program committed while a chunked pass was reading.
struct FileChangedDuringPass: Error {}
