import GRDBSQLite

/// The sum of touchpoint values as `totals()` adds it: SQLite's `total(value)` over each run of
/// `chunk` rows in rowid order (a plain running sum of every non-NULL value), then those sums
/// in order. Rows added in rowid order give the same double to the last digit.
struct RevenueSum {
    /// The rows of one run (the chunk of `totals()`'s touchpoints aggregate).
    static let chunk = 250_000
    private var done = 0.0
    private var run = 0.0
    private var rows = 0

    /// Adds the value in `column` of the current row of `s` (NULL adds nothing, as `total`).
    mutating func add(_ s: SQLiteStatement, column: Int32) {
        if s.type(column) != SQLITE_NULL { run += s.double(column) }
        rows += 1
        if rows == Self.chunk {
            done += run
            run = 0
            rows = 0
        }
    }

    var sum: Double { rows == 0 ? done : done + run }
}
