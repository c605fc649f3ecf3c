import Foundation
import Testing
@testable import LifecycleKit

@Suite struct SQLiteValidatorTests {
    /// A loose (untyped, unconstrained) snapshot with `sql` run on it, and its problems as
    /// `place: message` lines, errors then warnings.
    func problems(_ sql: String, meta: [(String, String)]? = nil) throws -> [String] {
        let path = try SQLiteFixtures.directory() + "/broken.sqlite"
        if let meta { try SQLiteFixtures.looseSnapshot(path, meta: meta) } else { try SQLiteFixtures.looseSnapshot(path) }
        try SQLiteFixtures.execute(path, sql)
        let list = SQLiteValidator.validate(path: path)
        return (list.errors + list.warnings).map(\.description)
    }

    @Test func aValidLooseSnapshotHasNoProblems() throws {
        #expect(try problems("""
            INSERT INTO customers VALUES ('C-1', 'Anna', NULL, 'purchase', '2026-02-01T00:00:00Z', '2026-01-01', 'B2C', '["a"]', '{"k":1}');
            INSERT INTO touchpoints VALUES ('T-1', 'C-1', '2026-01-02T10:30:00+01:00', 'web', 'visit', NULL, 12, NULL);
            INSERT INTO transitions VALUES (NULL, 'C-1', NULL, 'purchase', '2026-02-01T00:00:00Z', 'import', NULL);
            """) == [])
    }

    @Test func fieldsOfTheWrongShape() throws {
        #expect(try problems("""
            INSERT INTO customers VALUES ('C-1', 'Anna', NULL, 'purchase', NULL, '2026-13-01', NULL, NULL, NULL);
            INSERT INTO customers VALUES ('C-2', NULL, 7, 'purchase', NULL, NULL, NULL, '["a", 1]', '{"a": null}');
            INSERT INTO customers VALUES (NULL, 'X', NULL, 'purchase', NULL, NULL, NULL, 'vip', '[]');
            INSERT INTO customers VALUES (41, 'Y', NULL, NULL, 20260101, NULL, NULL, NULL, NULL);
            INSERT INTO customers VALUES ('', 'Z', NULL, 'purchase', NULL, NULL, NULL, NULL, NULL);
            INSERT INTO touchpoints VALUES ('T-1', 'C-1', '2026-03-01T09:30:00', 7, 'visit', NULL, 'ten', NULL);
            INSERT INTO transitions VALUES (5, 'C-1', NULL, 'purchase', NULL, 'me', NULL);
            """) == [
                #"customers row 1 (id C-1), column created_at: malformed timestamp "2026-13-01""#,
                #"customers row 2 (id C-2): missing required field "name""#,
                "customers row 2 (id C-2), column email: expected text, found integer",
                "customers row 2 (id C-2), column tags: tags is not a JSON array of strings",
                "customers row 2 (id C-2), column attributes: attributes is not a JSON object of strings, numbers and booleans",
                #"customers row 3: missing required field "id""#,
                "customers row 3, column tags: tags is not a JSON array of strings",
                "customers row 3, column attributes: attributes is not a JSON object of strings, numbers and booleans",
                "customers row 4, column id: expected text, found integer",
                #"customers row 4: missing required field "stage""#,
                "customers row 4, column stage_entered_at: expected text, found integer",
                #"customers row 5, column id: invalid id "" (must be 1 to 128 printable characters)"#,
                #"touchpoints row 1 (id T-1), column at: malformed timestamp "2026-03-01T09:30:00""#,
                "touchpoints row 1 (id T-1), column channel: expected text, found integer",
                "touchpoints row 1 (id T-1), column value: expected number, found text",
                #"transitions row 5: missing required field "at""#,
            ])
    }

    @Test func stagesMustBeValid() throws {
        #expect(try problems("""
            INSERT INTO stages VALUES ('Awareness', 3, 'A', NULL);
            INSERT INTO stages VALUES ('purchase', 4, 'P again', NULL);
            INSERT INTO stages VALUES ('loyalty', 2, 'L', NULL);
            INSERT INTO stages VALUES ('winback', 2.5, NULL, 9);
            """) == [
                #"stages row 3 (id Awareness), column id: invalid stage id "Awareness" (must match [a-z0-9][a-z0-9_-]*)"#,
                #"stages row 4 (id purchase), column id: duplicate stage id "purchase" (first at stages row 2)"#,
                "stages row 5 (id loyalty), column position: duplicate position 2 (also row 2)",
                "stages row 6 (id winback), column position: expected integer, found real",
                #"stages row 6 (id winback): missing required field "name""#,
                "stages row 6 (id winback), column description: expected text, found integer",
            ])
        #expect(try problems("DELETE FROM stages") == ["table stages: no stages (a snapshot needs at least one)"])
    }

    @Test func duplicateIDs() throws {
        #expect(try problems("""
            INSERT INTO customers VALUES ('C-1', 'A', NULL, 'purchase', NULL, NULL, NULL, NULL, NULL);
            INSERT INTO customers VALUES ('C-2', 'B', NULL, 'purchase', NULL, NULL, NULL, NULL, NULL);
            INSERT INTO customers VALUES ('C-1', 'C', NULL, 'purchase', NULL, NULL, NULL, NULL, NULL);
            INSERT INTO customers VALUES ('C-1', 'D', NULL, 'purchase', NULL, NULL, NULL, NULL, NULL);
            INSERT INTO touchpoints VALUES ('T-1', 'C-1', '2026-01-01', 'web', 'visit', NULL, NULL, NULL);
            INSERT INTO touchpoints VALUES ('T-1', 'C-2', '2026-01-01', 'web', 'visit', NULL, NULL, NULL);
            """) == [
                #"customers row 3 (id C-1), column id: duplicate customer id "C-1" (first at customers row 1)"#,
                #"customers row 4 (id C-1), column id: duplicate customer id "C-1" (first at customers row 1)"#,
                #"touchpoints row 2 (id T-1), column id: duplicate touchpoint id "T-1" (first at touchpoints row 1)"#,
            ])
    }

    @Test func unknownReferences() throws {
        #expect(try problems("""
            INSERT INTO customers VALUES ('C-1', 'A', NULL, 'nirvana', NULL, NULL, NULL, NULL, NULL);
            INSERT INTO touchpoints VALUES ('T-1', 'C-9', '2026-01-01', 'web', 'visit', NULL, NULL, NULL);
            INSERT INTO transitions VALUES (1, 'C-8', 'limbo', 'nirvana', '2026-01-01', 'me', NULL);
            """) == [
                #"customers row 1 (id C-1), column stage: unknown stage "nirvana""#,
                #"touchpoints row 1 (id T-1), column customer_id: unknown customer "C-9""#,
                #"transitions row 1, column customer_id: unknown customer "C-8""#,
                #"transitions row 1, column from_stage: unknown stage "limbo""#,
                #"transitions row 1, column to_stage: unknown stage "nirvana""#,
            ])
    }

    @Test func warnings() throws {
        let list = try problems("""
            INSERT INTO customers VALUES ('C-1', 'A', NULL, 'purchase', '2026-01-01', '2026-02-01T00:00:00Z', NULL, NULL, NULL);
            INSERT INTO customers VALUES ('C-2', 'B', NULL, 'purchase', NULL, NULL, NULL, NULL, NULL);
            INSERT INTO touchpoints VALUES ('T-1', 'C-1', '2026-11-01T00:00:01Z', 'web', 'visit', NULL, NULL, NULL);
            INSERT INTO touchpoints VALUES ('T-2', 'C-1', '2026-11-01T01:00:00+01:00', 'web', 'visit', NULL, NULL, NULL);
            INSERT INTO transitions VALUES (1, 'C-1', NULL, 'purchase', '2026-01-01', 'me', NULL);
            INSERT INTO transitions VALUES (2, 'C-2', NULL, 'purchase', '2026-01-01', 'me', NULL);
            INSERT INTO transitions VALUES (3, 'C-2', 'purchase', 'awareness', '2026-12-24', 'me', NULL);
            INSERT INTO transitions VALUES (4, 'C-1', NULL, 'awareness', '2025-12-31', 'me', NULL);
            """, meta: [("format", "lifecycle-snapshot"), ("version", "1"), ("as_of", "2026-11-01T00:00:00Z")])
        #expect(list == [
            "customers row 1 (id C-1), column stage_entered_at: stage_entered_at 2026-01-01T00:00:00Z is before created_at 2026-02-01T00:00:00Z",
            "touchpoints row 1 (id T-1), column at: 2026-11-01T00:00:01Z is after as_of 2026-11-01T00:00:00Z",
            "transitions row 3, column at: 2026-12-24T00:00:00Z is after as_of 2026-11-01T00:00:00Z",
            #"customers row 2 (id C-2): stage is "purchase" but the last transition goes to "awareness""#,
        ])
    }

    @Test func warningKindsAndErrorKinds() throws {
        let path = try SQLiteFixtures.directory() + "/kinds.sqlite"
        try SQLiteFixtures.looseSnapshot(path)
        try SQLiteFixtures.execute(path, """
            INSERT INTO customers VALUES ('C-1', 'A', NULL, 'nirvana', '2026-01-01', '2026-02-01', NULL, NULL, NULL);
            INSERT INTO customers VALUES ('C-1', 'A', NULL, 'purchase', NULL, NULL, NULL, NULL, NULL);
            """)
        let list = SQLiteValidator.validate(path: path)
        #expect(list.errors.map(\.kind) == [.duplicateID, .unknownReference])
        #expect(list.warnings.map(\.kind) == [.enteredBeforeCreated])
    }

    @Test func missingTablesAndColumns() throws {
        #expect(try problems("DROP TABLE touchpoints; DROP TABLE transitions; ALTER TABLE customers DROP COLUMN stage;") == [
            "table touchpoints: missing table",
            "table transitions: missing table",
            #"table customers: missing column "stage""#,
        ])
    }

    @Test func metaProblems() throws {
        #expect(try problems("", meta: [("format", "lifecycle-snapshot"), ("version", "2")])
                == [#"meta key "version": unsupported version 2 (this clc reads version 1)"#])
        #expect(try problems("", meta: [("format", "spreadsheet"), ("version", "1")])
                == [#"meta key "format": not a lifecycle snapshot (format is "spreadsheet", expected "lifecycle-snapshot")"#])
        #expect(try problems("", meta: [("version", "1")]) == [#"table meta: missing key "format" (not a lifecycle snapshot)"#])
        #expect(try problems("", meta: [("format", "lifecycle-snapshot")]) == [#"table meta: missing key "version""#])
        #expect(try problems("", meta: [("format", "lifecycle-snapshot"), ("version", "one"), ("as_of", "later")]) == [
            #"meta key "version": malformed version "one""#,
            #"meta key "as_of": malformed timestamp "later""#,
        ])
    }

    @Test func filesThatAreNotSnapshotsGiveOneCleanError() throws {
        let dir = try SQLiteFixtures.directory()
        func only(_ path: String) -> String {
            let list = SQLiteValidator.validate(path: path)
            return list.errorCount == 1 ? list.errors[0].description : "\(list.lines())"
        }
        try Data("{\"format\": \"lifecycle-snapshot\"}".utf8).write(to: URL(fileURLWithPath: dir + "/text.sqlite"))
        #expect(only(dir + "/text.sqlite") == "not a SQLite database (the file does not start with the SQLite header)")
        try Data().write(to: URL(fileURLWithPath: dir + "/empty.sqlite"))
        #expect(only(dir + "/empty.sqlite") == "not a SQLite database (the file does not start with the SQLite header)")
        #expect(only(dir + "/missing.sqlite") == "no such file")

        // A real snapshot with its pages overwritten: SQLite's own error, no crash.
        let path = dir + "/corrupt.sqlite"
        try SQLiteFixtures.write(to: path)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seek(toOffset: 100)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 8000))
        try handle.close()
        #expect(only(path).hasPrefix("the SQLite database is corrupted") || only(path).hasPrefix("not a SQLite database ("))
        #expect(throws: SnapshotError.self) { try SQLiteSnapshotStore(path: path) }

        // A SQLite database of something else.
        try SQLiteFixtures.execute(dir + "/other.db", "CREATE TABLE notes (body TEXT)")
        #expect(SQLiteValidator.validate(path: dir + "/other.db").errors.map(\.description) == [
            "a SQLite database but not a lifecycle snapshot: it has tables notes and none of meta, stages, customers, "
                + "touchpoints, transitions (see the snapshot format in clc's README)",
        ])
    }

    @Test func anotherApplicationsDatabaseIsNamedAsSuchFirst() throws {
        let dir = try SQLiteFixtures.directory()
        let path = dir + "/shop.db"
        try SQLiteFixtures.execute(path, """
            CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);
            CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER);
            CREATE TABLE customers (id TEXT, name TEXT);
            CREATE TABLE "odd name\u{1B}[31m" (x);
            CREATE INDEX orders_by_user ON orders(user_id);
            """)
        let message = "a SQLite database but not a lifecycle snapshot: it has tables users, orders, customers, "
            + #""odd name\u001b[31m" and none of meta, stages, touchpoints, transitions (see the snapshot format in clc's README)"#
        #expect(SQLiteValidator.validate(path: path).errors.map(\.description) == [message])
        let error = try #require(throws: SnapshotError.self) { try SQLiteSnapshotStore(path: path) }
        #expect(error.description == "\(path): \(message)")

        // Many tables: the first eight, then how many more; an empty database has none.
        let many = dir + "/many.db"
        try SQLiteFixtures.execute(many, (1...11).map { "CREATE TABLE t\($0) (x);" }.joined())
        #expect(SQLiteValidator.validate(path: many).errors.first?.message.contains("it has tables t1, t2, t3, t4, t5, t6, t7, t8 (and 3 more) and none of meta") == true)
        let empty = dir + "/empty.db"
        try SQLiteFixtures.execute(empty, "CREATE TABLE x (y); DROP TABLE x;")
        #expect(SQLiteValidator.validate(path: empty).errors.first?.message.contains("it has no tables and none of meta, stages") == true)
    }
}

@Suite struct SQLiteOpenTests {
    /// The error lines of opening a loose snapshot after `sql`.
    func openErrors(_ sql: String, meta: [(String, String)]? = nil) throws -> [String] {
        let path = try SQLiteFixtures.directory() + "/open.sqlite"
        if let meta { try SQLiteFixtures.looseSnapshot(path, meta: meta) } else { try SQLiteFixtures.looseSnapshot(path) }
        try SQLiteFixtures.execute(path, sql)
        do {
            _ = try SQLiteSnapshotStore(path: path)
            return []
        } catch let error as SnapshotError {
            return error.problems.errors.map(\.description)
        }
    }

    @Test func opensALooseButValidFile() throws {
        #expect(try openErrors("INSERT INTO customers VALUES ('C-1', 'A', NULL, 'nirvana', NULL, NULL, NULL, NULL, NULL)") == [])
    }

    @Test func refusesBrokenStructure() throws {
        #expect(try openErrors("", meta: [("format", "lifecycle-snapshot"), ("version", "2")])
                == [#"meta key "version": unsupported version 2 (this clc reads version 1)"#])
        #expect(try openErrors("DROP TABLE meta") == ["table meta: missing table"])
        #expect(try openErrors("DELETE FROM meta") == [#"table meta: missing key "format" (not a lifecycle snapshot)"#])
        #expect(try openErrors("ALTER TABLE customers DROP COLUMN stage") == [#"table customers: missing column "stage""#])
        #expect(try openErrors("UPDATE stages SET id = 'Awareness' WHERE rowid = 1")
                == [#"stages row 1 (id Awareness), column id: invalid stage id "Awareness" (must match [a-z0-9][a-z0-9_-]*)"#])
    }

    @Test func refusesFilesThatAreNotSQLite() throws {
        let dir = try SQLiteFixtures.directory()
        try Data("SQLite format 3\u{0}".utf8 + Data(repeating: 7, count: 200)).write(to: URL(fileURLWithPath: dir + "/junk.sqlite"))
        let error = try #require(throws: SnapshotError.self) { try SQLiteSnapshotStore(path: dir + "/junk.sqlite") }
        #expect(error.problems.errors.map(\.description) == ["not a SQLite database (file is not a database)"])
        let missing = try #require(throws: SnapshotError.self) { try SQLiteSnapshotStore(path: dir + "/nothing.sqlite") }
        #expect(missing.problems.errors.map(\.description) == ["no such file"])
    }

    @Test func openingNeverChangesTheFile() throws {
        let path = try SQLiteFixtures.directory() + "/same.sqlite"
        try SQLiteFixtures.write(to: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let store = try SQLiteSnapshotStore(path: path)
        _ = try store.funnelReport()
        _ = try store.customers(inStage: "purchase", filter: .none, sort: CustomerSort(), offset: 0, limit: 10)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent) == ["same.sqlite"])
    }
}
