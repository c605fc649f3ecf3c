import Foundation
import Testing
@testable import LifecycleKit

/// A file written by another program, with `+01:00` offsets and fractions of any length where
/// text order is not time order: both stores answer as times order, never as text.
@Suite struct TimeOrderTests {
    /// (customer, stage_entered_at, touchpoint times, transitions (to, at)) — all in `purchase`.
    static let rows: [(id: String, entered: String, touches: [String], transitions: [(to: String, at: String)])] = [
        // Time-last transition leads to awareness: a real mismatch (text order hides it).
        ("C-1", "2026-03-01T10:30:00+01:00", ["2026-04-30T21:00:00.5Z", "2026-04-30T21:00:00.25Z"],
         [("purchase", "2026-03-01T10:30:00+01:00"), ("awareness", "2026-03-01T09:45:00Z")]),
        // Time-last leads to purchase: no mismatch (text order would warn falsely).
        ("C-2", "2026-03-01T09:45:00Z", ["2026-04-30T23:30:00+02:00", "2026-04-30T21:45:00Z"],
         [("awareness", "2026-03-01T10:30:00+01:00"), ("purchase", "2026-03-01T09:45:00Z")]),
        // Fractions: .113735 is later than .11373, though its text sorts first.
        ("C-3", "2026-03-01T09:40:00.5Z", ["2026-04-30T22:00:00Z"],
         [("purchase", "2026-03-01T00:00:00.11373Z"), ("awareness", "2026-03-01T00:00:00.113735Z")]),
    ]

    static let stages = #"[{"id":"awareness","name":"Awareness"},{"id":"purchase","name":"Purchase"}]"#

    static func files() throws -> (json: String, sqlite: String) {
        let dir = try SQLiteFixtures.directory()
        let sqlite = dir + "/times.sqlite", json = dir + "/times.json"
        try SQLiteFixtures.looseSnapshot(sqlite)
        var sql = "", customers: [String] = [], touchpoints: [String] = [], transitions: [String] = []
        var n = 0
        for r in rows {
            sql += "INSERT INTO customers VALUES ('\(r.id)', 'N\(r.id)', NULL, 'purchase', '\(r.entered)', NULL, NULL, NULL, NULL);\n"
            customers.append(#"{"id":"\#(r.id)","name":"N\#(r.id)","stage":"purchase","stage_entered_at":"\#(r.entered)"}"#)
            for at in r.touches {
                n += 1
                sql += "INSERT INTO touchpoints VALUES ('T-\(n)', '\(r.id)', '\(at)', 'web', 'visit', NULL, 1, NULL);\n"
                touchpoints.append(#"{"id":"T-\#(n)","customer_id":"\#(r.id)","at":"\#(at)","channel":"web","type":"visit","value":1}"#)
            }
            for t in r.transitions {
                n += 1
                sql += "INSERT INTO transitions VALUES (\(n), '\(r.id)', NULL, '\(t.to)', '\(t.at)', 'crm', NULL);\n"
                transitions.append(#"{"id":\#(n),"customer_id":"\#(r.id)","from":null,"to":"\#(t.to)","at":"\#(t.at)","by":"crm"}"#)
            }
        }
        try SQLiteFixtures.execute(sqlite, sql)
        let document = JSONFixture.document(stages: Self.stages, customers: "[" + customers.joined(separator: ",") + "]",
                                            touchpoints: "[" + touchpoints.joined(separator: ",") + "]",
                                            transitions: "[" + transitions.joined(separator: ",") + "]")
        try document.write(toFile: json, atomically: true, encoding: .utf8)
        return (json, sqlite)
    }

    @Test func stageMismatchWarningsFollowTimeOrderInBothFormats() throws {
        let (json, sqlite) = try Self.files()
        let j = SnapshotFile.validate(json), s = SnapshotFile.validate(sqlite)
        #expect(j.errorCount == 0 && s.errorCount == 0, "\(j.errors) \(s.errors)")
        let jsonWarned = j.warnings.filter { $0.kind == .stageMismatch }.map(\.place)
        let sqliteWarned = s.warnings.filter { $0.kind == .stageMismatch }.map(\.place)
        #expect(jsonWarned == ["customers[0]", "customers[2]"])
        #expect(sqliteWarned.count == 2 && sqliteWarned[0].contains("(id C-1)") && sqliteWarned[1].contains("(id C-3)"), "\(sqliteWarned)")
    }

    @Test func historyLastTouchAndSortsFollowTimeOrderInBothFormats() throws {
        let (json, sqlite) = try Self.files()
        let stores: [(String, any SnapshotStore)] = [("json", try JSONSnapshotStore(path: json)),
                                                     ("sqlite", try SQLiteSnapshotStore(path: sqlite)),
                                                     ("indexed", try Fixtures.indexedSQLiteStore(sqlite))]
        for (label, store) in stores {
            #expect(try store.transitions(ofCustomer: "C-1").map(\.to) == ["purchase", "awareness"], "\(label)")
            #expect(try store.transitions(ofCustomer: "C-3").map(\.to) == ["purchase", "awareness"], "\(label)")
            let all = try store.customers(inStage: "purchase", filter: .none, sort: CustomerSort(.id), offset: 0, limit: 10)
            #expect(all.map { $0.lastTouchAt?.iso8601 } == ["2026-04-30T21:00:00.500000Z", "2026-04-30T21:45:00Z", "2026-04-30T22:00:00Z"],
                    "\(label)")
            let byEntered = try store.customers(inStage: "purchase", filter: .none, sort: CustomerSort(.stageEnteredAt), offset: 0, limit: 10)
            #expect(byEntered.map(\.customer.id) == ["C-1", "C-3", "C-2"], "\(label): sort by days in stage")
            let byTouch = try store.customers(inStage: "purchase", filter: .none, sort: CustomerSort(.lastTouchAt), offset: 0, limit: 10)
            #expect(byTouch.map(\.customer.id) == ["C-1", "C-2", "C-3"], "\(label): sort by last touch")
        }
    }

    /// A time whose UTC form leaves the years 0001–9999 is malformed, with its place, in both formats.
    @Test func timesOutsideTheValidYearsAreRefusedWithTheirPlace() throws {
        let dir = try SQLiteFixtures.directory()
        let sqlite = dir + "/far.sqlite", json = dir + "/far.json"
        try SQLiteFixtures.looseSnapshot(sqlite)
        try SQLiteFixtures.execute(sqlite, """
            INSERT INTO customers VALUES ('C-1', 'A', NULL, 'purchase', '9999-12-31T23:00:00-05:00', NULL, NULL, NULL, NULL);
            """)
        try JSONFixture.document(stages: Self.stages, customers: #"[{"id":"C-1","name":"A","stage":"purchase","stage_entered_at":"9999-12-31T23:00:00-05:00"}]"#)
            .write(toFile: json, atomically: true, encoding: .utf8)
        #expect(SnapshotFile.validate(json).errors.map(\.description)
                == [#"customers[0].stage_entered_at: malformed timestamp "9999-12-31T23:00:00-05:00""#])
        #expect(SnapshotFile.validate(sqlite).errors.map(\.description)
                == [#"customers row 1 (id C-1), column stage_entered_at: malformed timestamp "9999-12-31T23:00:00-05:00""#])
    }
}
