import Foundation
import GRDBSQLite

/// Writes a new SQLite snapshot. Rows go into a temporary file beside the target
/// (`.<name>.tmp-<pid>`) in one transaction with journaling off; `finish` builds the
/// secondary indexes, restores the DELETE journal mode, syncs the file and renames it over
/// the target. Nothing appears at the target before that; on failure the temporary file is
/// removed.
public final class SQLiteSnapshotWriter: SnapshotSink {
    public let path: String
    private let temporaryPath: String
    private var connection: OpaquePointer?
    private var customerInsert: SQLiteStatement?
    private var touchpointInsert: SQLiteStatement?
    private var transitionInsert: SQLiteStatement?
    /// Statements inserting several rows at once (`addCustomerRows`, `addTransitionRows`).
    private var batchStatements: [String: SQLiteStatement] = [:]
    private var finished = false

    /// Creates the temporary file with the format's tables; `pageSize` (a power of two from
    /// 512 to 65536) instead of SQLite's default; `cacheKiB`, SQLite's page cache while writing.
    public init(path: String, pageSize: Int? = nil, cacheKiB: Int = 262_144) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        temporaryPath = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())").path
        TemporaryFiles.sweepStale(beside: path)
        TemporaryFiles.register(temporaryPath)
        do {
            try? FileManager.default.removeItem(atPath: temporaryPath)
            var db: OpaquePointer?
            // No mutex: one thread at a time uses a writer.
            let code = sqlite3_open_v2(temporaryPath, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil)
            connection = db
            guard code == SQLITE_OK, let db else { throw SQLiteFailure(code: code, connection: db) }
            if let pageSize { try execute("PRAGMA page_size = \(pageSize);") }
            try execute("""
                PRAGMA journal_mode = OFF;
                PRAGMA synchronous = OFF;
                PRAGMA locking_mode = EXCLUSIVE;
                PRAGMA cache_size = -\(cacheKiB);
                BEGIN;
                """)
            try execute(SQLiteSchema.createTables)
            customerInsert = try SQLiteStatement(db, """
                INSERT INTO customers (id, name, email, stage, stage_entered_at, created_at, segment, tags, attributes)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                """)
            touchpointInsert = try SQLiteStatement(db, """
                INSERT INTO touchpoints (id, customer_id, at, channel, type, campaign, value, note)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                """)
            transitionInsert = try SQLiteStatement(db, """
                INSERT INTO transitions (customer_id, from_stage, to_stage, at, by, note, id, reverts)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                """)
        } catch {
            abandon()
            throw OperationError("cannot create \(path): \(error)")
        }
    }

    deinit { if !finished { abandon() } }

    public func begin(info: SnapshotInfo, stages: [Stage]) throws {
        try guarded {
            let db = try openConnection()
            let meta = try SQLiteStatement(db, "INSERT INTO meta (key, value) VALUES (?1, ?2)")
            var rows = [("format", SnapshotFormat.formatName), ("version", String(SnapshotFormat.version)),
                        ("currency", info.currency)]
            if let name = info.name { rows.append(("name", name)) }
            if let asOf = info.declaredAsOf { rows.append(("as_of", asOf.iso8601)) }
            for (key, value) in rows {
                meta.bind(1, key)
                meta.bind(2, value)
                try meta.run()
            }
            let stage = try SQLiteStatement(db, "INSERT INTO stages (id, position, name, description) VALUES (?1, ?2, ?3, ?4)")
            for (i, s) in stages.enumerated() {
                stage.bind(1, s.id)
                stage.bind(2, i + 1)
                stage.bind(3, s.name)
                stage.bind(4, s.description)
                try stage.run()
            }
        }
    }

    public func add(_ c: Customer) throws {
        try guarded {
            let s = try statement(customerInsert)
            s.bind(1, c.id)
            s.bind(2, c.name)
            s.bind(3, c.email)
            s.bind(4, c.stage)
            s.bind(5, c.stageEnteredAt?.iso8601)
            s.bind(6, c.createdAt?.iso8601)
            s.bind(7, c.segment)
            s.bind(8, c.tags.isEmpty ? nil : JSONText.tags(c.tags))
            s.bind(9, c.attributes.isEmpty ? nil : JSONText.attributes(c.attributes))
            try s.run()
        }
    }

    public func add(_ t: Touchpoint) throws {
        try guarded {
            let s = try statement(touchpointInsert)
            s.bind(1, t.id)
            s.bind(2, t.customerID)
            s.bind(3, t.at.iso8601)
            s.bind(4, t.channel)
            s.bind(5, t.type)
            s.bind(6, t.campaign)
            s.bind(7, t.value)
            s.bind(8, t.note)
            try s.run()
        }
    }

    public func add(_ t: Transition) throws {
        try guarded {
            let s = try statement(transitionInsert)
            s.bind(1, t.customerID)
            s.bind(2, t.from)
            s.bind(3, t.to)
            s.bind(4, t.at.iso8601)
            s.bind(5, t.by)
            s.bind(6, t.note)
            s.bind(7, t.id)
            s.bind(8, t.reverts)
            do {
                try s.run()
            } catch let failure as SQLiteFailure where t.id != nil && failure.code & 0xFF == SQLITE_CONSTRAINT {
                // A row without an id (numbered by SQLite) took this id: renumber that one.
                // Ids given in a snapshot are unique (validated), so the taker had none.
                let db = try openConnection()
                let renumber = try SQLiteStatement(db, "UPDATE transitions SET id = (SELECT max(id) FROM transitions) + 1 WHERE id = ?1")
                renumber.bind(1, t.id)
                try renumber.run()
                try s.run()
            }
        }
    }

    /// Inserts `rows` customers by one statement whose parameters `bind` sets, row j's as
    /// `add(_: Customer)` binds them from ?(9j + 1): id, name, email, stage, stage_entered_at,
    /// created_at, segment, tags, attributes. For an import binding text straight from its
    /// buffers (`bind(_:bytes:)`); several rows a statement save SQLite's work per statement.
    func addCustomerRows(_ rows: Int, _ bind: (SQLiteStatement) -> Void) throws {
        try guarded {
            let s = try rows == 1 ? statement(customerInsert) : batchStatement(Self.customerColumns, rows: rows)
            bind(s)
            try s.run()
        }
    }

    /// Inserts `rows` transitions without ids (numbered by SQLite, in order) by one statement,
    /// row j's parameters from ?(8j + 1) as `add(_: Transition)` binds them: customer_id,
    /// from_stage, to_stage, at, by, note, id, reverts.
    func addTransitionRows(_ rows: Int, _ bind: (SQLiteStatement) -> Void) throws {
        try guarded {
            let s = try rows == 1 ? statement(transitionInsert) : batchStatement(Self.transitionColumns, rows: rows)
            bind(s)
            try s.run()
        }
    }

    private static let customerColumns = "customers (id, name, email, stage, stage_entered_at, created_at, segment, tags, attributes)"
    private static let transitionColumns = "transitions (customer_id, from_stage, to_stage, at, by, note, id, reverts)"

    /// `INSERT INTO table (columns) VALUES (?1, …), (…)…` for `rows` rows (prepared once).
    private func batchStatement(_ target: String, rows: Int) throws -> SQLiteStatement {
        let key = "\(target) \(rows)"
        if let s = batchStatements[key] { return s }
        let width = target.split(separator: ",").count
        let groups = (0..<rows).map { j in "(" + (1...width).map { "?\(j * width + $0)" }.joined(separator: ", ") + ")" }
        let s = try SQLiteStatement(try openConnection(), "INSERT INTO \(target) VALUES " + groups.joined(separator: ", "))
        batchStatements[key] = s
        return s
    }

    /// Builds the indexes, commits, syncs and moves the file into place.
    public func finish() throws {
        try guarded {
            try execute(SQLiteSchema.createIndexes)
            try execute("COMMIT; PRAGMA journal_mode = DELETE;")
            try closeConnection()
            try syncFile(temporaryPath)
            guard rename(temporaryPath, path) == 0 else {
                throw OperationError("cannot move the new file into place: \(String(cString: strerror(errno)))")
            }
            finished = true
            TemporaryFiles.unregister(temporaryPath)
            try? syncFile(URL(fileURLWithPath: path).deletingLastPathComponent().path)
        }
    }

    // MARK: Helpers

    /// Runs `body`; on any failure removes the temporary file and reports the target path.
    private func guarded(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch {
            abandon()
            if let error = error as? OperationError { throw OperationError("cannot write \(path): \(error.message)") }
            throw OperationError("cannot write \(path): \(error)")
        }
    }

    private func openConnection() throws -> OpaquePointer {
        guard let connection else { throw OperationError("the writer is closed (an earlier step failed or it finished)") }
        return connection
    }

    private func statement(_ s: SQLiteStatement?) throws -> SQLiteStatement {
        guard let s, connection != nil else { throw OperationError("the writer is closed (an earlier step failed or it finished)") }
        return s
    }

    private func execute(_ sql: String) throws {
        let db = try openConnection()
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(db, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(message)
            throw SQLiteFailure(code: code, message: text)
        }
    }

    private func closeConnection() throws {
        customerInsert = nil
        touchpointInsert = nil
        transitionInsert = nil
        batchStatements = [:]
        guard let db = connection else { return }
        connection = nil
        let code = sqlite3_close(db)
        guard code == SQLITE_OK else { throw SQLiteFailure(code: code, message: String(cString: sqlite3_errstr(code))) }
    }

    private func syncFile(_ path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw OperationError("cannot open \(path) to sync it") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw OperationError("cannot sync \(path): \(String(cString: strerror(errno)))") }
    }

    /// Closes the connection and removes the temporary file.
    private func abandon() {
        customerInsert = nil
        touchpointInsert = nil
        transitionInsert = nil
        batchStatements = [:]
        if let db = connection { sqlite3_close_v2(db) }
        connection = nil
        try? FileManager.default.removeItem(atPath: temporaryPath)
        TemporaryFiles.unregister(temporaryPath)
    }
}
