import Foundation
import GRDB
import GRDBSQLite

/// The SQLite form of a snapshot: the schema the writer creates, opening a file read-only,
/// and the structural checks every reader makes before trusting a file.
enum SQLiteSchema {
    /// The tables of the format, exactly as the format document gives them.
    static let createTables = """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE stages (
          id          TEXT PRIMARY KEY,
          position    INTEGER NOT NULL UNIQUE,
          name        TEXT NOT NULL,
          description TEXT
        );
        CREATE TABLE customers (
          id               TEXT PRIMARY KEY,
          name             TEXT NOT NULL,
          email            TEXT,
          stage            TEXT NOT NULL REFERENCES stages(id),
          stage_entered_at TEXT,
          created_at       TEXT,
          segment          TEXT,
          tags             TEXT,
          attributes       TEXT
        );
        CREATE TABLE touchpoints (
          id          TEXT PRIMARY KEY,
          customer_id TEXT NOT NULL REFERENCES customers(id),
          at          TEXT NOT NULL,
          channel     TEXT NOT NULL,
          type        TEXT NOT NULL,
          campaign    TEXT,
          value       REAL,
          note        TEXT
        );
        CREATE TABLE transitions (
          id          INTEGER PRIMARY KEY,
          customer_id TEXT NOT NULL REFERENCES customers(id),
          from_stage  TEXT REFERENCES stages(id),
          to_stage    TEXT NOT NULL REFERENCES stages(id),
          at          TEXT NOT NULL,
          by          TEXT NOT NULL,
          note        TEXT,
          reverts     INTEGER REFERENCES transitions(id)
        );
        """

    /// The secondary indexes of the format (created after a bulk load).
    static let createIndexes = """
        CREATE INDEX customers_by_stage ON customers(stage);
        CREATE INDEX touchpoints_by_customer ON touchpoints(customer_id, at);
        CREATE INDEX transitions_by_customer ON transitions(customer_id, at);
        """

    /// Every table a snapshot must have, with the columns it must have (more are allowed).
    static let requiredTables: [(name: String, columns: [String])] = [
        ("meta", ["key", "value"]),
        (SQLiteRows.stages.name, SQLiteRows.stages.columns),
        (SQLiteRows.customers.name, SQLiteRows.customers.columns),
        (SQLiteRows.touchpoints.name, SQLiteRows.touchpoints.columns),
        (SQLiteRows.transitions.name, SQLiteRows.transitions.columns),
    ]

    // MARK: Opening

    /// Opens a snapshot file read-only, never altering it (no journal mode change, no
    /// write). The one place where readers configure their connection. `cacheMiB` bounds
    /// SQLite's page cache (a connection setting: the validator's index look-ups over
    /// millions of rows run several times faster with the indexes in memory).
    static func openReadOnly(_ path: String, cacheMiB: Int = 64) throws -> DatabaseQueue {
        guard try SnapshotFile.kind(ofFileAt: path) == .sqlite else {
            throw SnapshotError(path: path, message: "not a SQLite database (the file does not start with the SQLite header)")
        }
        recoverFromCrash(path)
        var configuration = Configuration()
        configuration.readonly = true
        configuration.foreignKeysEnabled = false
        // Other programs may be writing the file: wait for their locks a while.
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = -\(cacheMiB * 1024)")
            try NaturalCollation.register(connection(db))
            if let connection = db.sqliteConnection {
                SQLiteTimeFunction.register(on: connection)
                ReadLog.watch(connection)
            }
        }
        do {
            return try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw readError(error, path: path)
        }
    }

    /// How long a stage change waits for another program's lock before giving up.
    static let writeBusyTimeout: TimeInterval = 2

    /// The connection stage changes are written through, or nil when the file cannot be
    /// written (the file or its directory is not writable, or SQLite refuses). Opening
    /// writes nothing; the journal mode stays what the file has (no WAL switch), commits
    /// are durable (`synchronous = FULL`), and a lock held by another program is waited
    /// for `writeBusyTimeout` seconds.
    static func openWritable(_ path: String) -> DatabaseQueue? {
        guard SnapshotFile.isWritable(path) else { return nil }
        var configuration = Configuration()
        configuration.readonly = false
        configuration.foreignKeysEnabled = false
        configuration.busyMode = .timeout(writeBusyTimeout)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA cache_size = -16384")
            if let connection = db.sqliteConnection {
                SQLiteTimeFunction.register(on: connection)
                ReadLog.watch(connection)
            }
        }
        return try? DatabaseQueue(path: path, configuration: configuration)
    }

    /// The primary SQLite result code and message of a database failure (GRDB's or our own
    /// statements'), nil for any other error.
    static func failure(_ error: Error) -> (code: Int32, message: String)? {
        if let e = error as? DatabaseError {
            return (e.resultCode.primaryResultCode.rawValue, e.message ?? "\(e.resultCode)")
        }
        if let e = error as? SQLiteFailure { return (e.code & 0xFF, e.message) }
        return nil
    }

    /// A database failure as the one clean error a user sees; other errors (a sink's, say)
    /// pass unchanged.
    static func readError(_ error: Error, path: String) -> Error {
        guard let (code, message) = failure(error) else { return error }
        switch code {
        case SQLITE_NOTADB: return SnapshotError(path: path, message: "not a SQLite database (\(message))")
        case SQLITE_CORRUPT: return SnapshotError(path: path, kind: .corrupted, message: "the SQLite database is corrupted (\(message))")
        case SQLITE_BUSY, SQLITE_LOCKED: return SnapshotError(path: path, message: SnapshotError.lockedMessage)
        default: return SnapshotError(path: path, message: "cannot read the SQLite database: \(message)")
        }
    }

    /// The raw connection of a GRDB database, for the raw statements of the hot paths.
    static func connection(_ db: Database) throws -> OpaquePointer {
        guard let connection = db.sqliteConnection else { throw SQLiteFailure(code: SQLITE_MISUSE, message: "the database is closed") }
        return connection
    }

    // MARK: Structure

    /// What a reader learns from the small parts of a file: meta, tables, stages.
    struct Header {
        var name: String?
        var currency = "EUR"
        var declaredAsOf: Timestamp?
        /// In funnel order; only the stages that follow the format.
        var stages: [Stage] = []
        /// The transitions table has the optional `reverts` column.
        var transitionsHaveReverts = false
        /// Errors refuse the file.
        var problems = ProblemList()
    }

    /// Checks what open must check, and only that (fast on any size): `format` and
    /// `version` in meta, every required table and column, and the stages.
    static func inspect(_ db: Database) throws -> Header {
        let connection = try connection(db)
        var header = Header()
        var missingTables: [String] = []
        var missingColumns: [(table: String, column: String)] = []
        let tableInfo = try SQLiteStatement(connection, "SELECT name FROM pragma_table_info(?1)")
        for table in requiredTables {
            tableInfo.bind(1, table.name)
            var present = Set<String>()
            while try tableInfo.step() { present.insert(tableInfo.string(0)?.lowercased() ?? "") }
            tableInfo.reset()
            if table.name == SQLiteRows.transitions.name { header.transitionsHaveReverts = present.contains("reverts") }
            if present.isEmpty {
                missingTables.append(table.name)
            } else {
                for column in table.columns where !present.contains(column) { missingColumns.append((table.name, column)) }
            }
        }
        let metaMissing = missingTables.contains("meta") || missingColumns.contains { $0.table == "meta" }
        if missingTables.contains("meta") && missingTables.count > 1 {
            // Another application's database: say so once, and what it holds instead.
            header.problems.add(.notASnapshot, at: "", try otherDatabase(connection, missing: missingTables))
            return header
        }
        if !metaMissing {
            try readMeta(connection, into: &header)
            // Not a snapshot, or a version this reader does not know: nothing else is meaningful.
            if header.problems.hasErrors { return header }
        }
        for table in missingTables {
            header.problems.add(.notASnapshot, at: "table \(table)", "missing table")
        }
        for (table, column) in missingColumns {
            header.problems.add(.notASnapshot, at: "table \(table)", "missing column \"\(column)\"")
        }
        if !missingTables.contains("stages"), !missingColumns.contains(where: { $0.table == "stages" }) {
            try readStages(connection, into: &header)
        }
        return header
    }

    /// `a SQLite database but not a lifecycle snapshot: it has tables users, orders and none
    /// of meta, stages, customers, touchpoints, transitions`.
    private static func otherDatabase(_ connection: OpaquePointer, missing: [String]) throws -> String {
        let tables = try SQLiteStatement(connection, """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid
            """)
        var names: [String] = []
        while try tables.step() { names.append(tables.string(0) ?? "") }
        let shown = names.prefix(8).map { name in
            name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") } ? name : JSONText.string(name)
        }
        let more = names.count > shown.count ? " (and \(names.count - shown.count) more)" : ""
        let holds = names.isEmpty ? "it has no tables" : "it has tables \(shown.joined(separator: ", "))\(more)"
        return "a SQLite database but not a lifecycle snapshot: \(holds) and none of \(missing.joined(separator: ", "))"
            + " (see the snapshot format in clc's README)"
    }

    private static func readMeta(_ connection: OpaquePointer, into header: inout Header) throws {
        var values: [String: String] = [:]
        let meta = try SQLiteStatement(connection, "SELECT key, value FROM meta")
        while try meta.step() {
            if let key = meta.string(0), values[key] == nil { values[key] = meta.string(1) }
        }
        func place(_ key: String) -> String { "meta key \"\(key)\"" }
        guard let format = values["format"] else {
            header.problems.add(.notASnapshot, at: "table meta", "missing key \"format\" (not a lifecycle snapshot)")
            return
        }
        guard format == SnapshotFormat.formatName else {
            header.problems.add(.notASnapshot, at: place("format"),
                                "not a lifecycle snapshot (format is \(JSONText.string(format)), expected \"\(SnapshotFormat.formatName)\")")
            return
        }
        if let text = values["version"] {
            if let version = Int(text.trimmingCharacters(in: .whitespaces)) {
                if version != SnapshotFormat.version {
                    header.problems.add(.unsupportedVersion, at: place("version"),
                                        "unsupported version \(version) (this clc reads version \(SnapshotFormat.version))")
                    return
                }
            } else {
                header.problems.add(.invalidField, at: place("version"), "malformed version \(JSONText.string(text))")
            }
        } else {
            header.problems.add(.invalidField, at: "table meta", "missing key \"version\"")
        }
        header.name = values["name"]
        header.currency = values["currency"] ?? "EUR"
        if let asOf = values["as_of"] {
            header.declaredAsOf = Timestamp(asOf)
            if header.declaredAsOf == nil {
                header.problems.add(.invalidField, at: place("as_of"), "malformed timestamp \(JSONText.string(asOf))")
            }
        }
    }

    private static func readStages(_ connection: OpaquePointer, into header: inout Header) throws {
        let table = SQLiteRows.stages
        let rows = try SQLiteStatement(connection, table.select("ORDER BY rowid"))
        var firstRowOfID: [String: Int] = [:]
        var firstRowOfPosition: [Int: Int] = [:]
        var stages: [(stage: Stage, position: Int)] = []
        var rowCount = 0
        while try rows.step() {
            rowCount += 1
            var reader = SQLiteRows.Reader(rows, table)
            guard let (stage, position) = SQLiteRows.stage(&reader) else {
                for p in reader.problems { header.problems.add(p) }
                continue
            }
            let row = rows.int(table.rowidColumn)
            if let first = firstRowOfID[stage.id] {
                let finding = SnapshotRules.duplicateID(stage.id, at: reader.record(0),
                                                        first: RecordPlace(.stages, first))
                header.problems.add(finding.problem(.sqlite))
            } else if let first = firstRowOfPosition[position] {
                header.problems.add(.duplicateID, at: table.place(rows, column: "position"),
                                    "duplicate position \(position) (also row \(first))")
            } else {
                firstRowOfID[stage.id] = row
                firstRowOfPosition[position] = row
                stages.append((stage, position))
            }
        }
        if rowCount == 0 {
            header.problems.add(.invalidField, at: "table stages", "no stages (a snapshot needs at least one)")
        }
        header.stages = stages.sorted { $0.position < $1.position }.map(\.stage)
    }
}

