import Foundation
import Testing
@testable import LifecycleKit

/// `clc diff` on two snapshots worked out by hand. OLD: stages lead "Lead", trial, won, lost;
/// NEW: lead renamed "Prospect" (same id), trial, won, churned (lost's successor, a new id).
/// c1 is in lead in both but named differently (unchanged); c2 and c10 moved trial → won; c3
/// stayed in won; c4 went from lost to churned (a move: stages match by id); c5 left; c6 came.
/// Id order is byte order: c1, c10, c2, …
@Suite struct SnapshotDiffTests {
    static func snapshot(_ stages: [(String, String)], _ customers: [(String, String, String)]) -> String {
        let s = stages.map { #"{"id": "\#($0.0)", "name": "\#($0.1)"}"# }.joined(separator: ", ")
        let c = customers.map { #"{"id": "\#($0.0)", "name": "\#($0.1)", "stage": "\#($0.2)"}"# }.joined(separator: ", ")
        return #"{"format": "lifecycle-snapshot", "version": 1, "as_of": "2026-06-01", "stages": [\#(s)], "customers": [\#(c)]}"#
    }

    static let old = snapshot([("lead", "Lead"), ("trial", "Trial"), ("won", "Won"), ("lost", "Lost")],
                              [("c1", "Ann", "lead"), ("c2", "Bob", "trial"), ("c3", "Cy", "won"), ("c4", "Di", "lost"),
                               ("c5", "Ed", "lead"), ("c10", "Flo", "trial")])
    static let new = snapshot([("lead", "Prospect"), ("trial", "Trial"), ("won", "Won"), ("churned", "Churned")],
                              [("c6", "Gus", "trial"), ("c1", "Ann Smith", "lead"), ("c2", "Bob", "won"), ("c3", "Cy", "won"),
                               ("c4", "Di", "churned"), ("c10", "Flo", "won")])

    /// The pair as (JSON, JSON), (SQLite, JSON) and (JSON, SQLite) stores.
    static func pairs() throws -> [(any SnapshotStore, any SnapshotStore)] {
        let dir = try Fixtures.temporaryDirectory()
        let oldJSON = try Fixtures.write(old, named: "old.json", in: dir), newJSON = try Fixtures.write(new, named: "new.json", in: dir)
        let oldSQLite = dir.appendingPathComponent("old.sqlite").path, newSQLite = dir.appendingPathComponent("new.sqlite").path
        try JSONSnapshotStore(path: oldJSON).export(to: try SQLiteSnapshotWriter(path: oldSQLite))
        try JSONSnapshotStore(path: newJSON).export(to: try SQLiteSnapshotWriter(path: newSQLite))
        return [(try JSONSnapshotStore(path: oldJSON), try JSONSnapshotStore(path: newJSON)),
                (try SQLiteSnapshotStore(path: oldSQLite), try JSONSnapshotStore(path: newJSON)),
                (try JSONSnapshotStore(path: oldJSON), try SQLiteSnapshotStore(path: newSQLite))]
    }

    @Test func customersMatchedByIDAndStagesByID() throws {
        for (old, new) in try Self.pairs() {
            let d = try SnapshotDiff.compare(old: old, new: new)
            #expect(d.stages.map { "\($0.id) \($0.name) \($0.old) \($0.new) \($0.delta)" } == [
                "lead Prospect 2 1 -1", "trial Trial 2 1 -1", "won Won 1 3 2", "churned Churned 0 1 1", "lost Lost 1 0 -1",
            ])
            #expect(d.added == [SnapshotDiff.Change(id: "c6", from: nil, to: "trial")])
            #expect(d.removed == [SnapshotDiff.Change(id: "c5", from: "lead", to: nil)])
            #expect(d.moved.map { "\($0.id) \($0.from!)>\($0.to!)" } == ["c10 trial>won", "c2 trial>won", "c4 lost>churned"])
            #expect(d.moves == [SnapshotDiff.Move(from: "trial", to: "won", count: 2), SnapshotDiff.Move(from: "lost", to: "churned", count: 1)])
        }
    }

    @Test func jsonCSVAndTable() throws {
        let (old, new) = try Self.pairs()[0]
        let d = try SnapshotDiff.compare(old: old, new: new)
        #expect(DiffRenderer.json(d) == """
            {"stages": [
              {"id": "lead", "old": 2, "new": 1, "delta": -1},
              {"id": "trial", "old": 2, "new": 1, "delta": -1},
              {"id": "won", "old": 1, "new": 3, "delta": 2},
              {"id": "churned", "old": 0, "new": 1, "delta": 1},
              {"id": "lost", "old": 1, "new": 0, "delta": -1}
            ], "added": 1, "removed": 1, "moved": 3, "moves": [
              {"from": "trial", "to": "won", "count": 2},
              {"from": "lost", "to": "churned", "count": 1}
            ], "customers": [
              {"id": "c10", "from": "trial", "to": "won"},
              {"id": "c2", "from": "trial", "to": "won"},
              {"id": "c4", "from": "lost", "to": "churned"}
            ], "added_ids": [
              "c6"
            ], "removed_ids": [
              "c5"
            ]}

            """)
        #expect(DiffRenderer.csv(d) == "id,change,from,to\r\nc10,moved,trial,won\r\nc2,moved,trial,won\r\nc4,moved,lost,churned\r\nc5,removed,lead,\r\nc6,added,,trial\r\n")
        let table = DiffRenderer.table(d, old: ("old.json", old.info.asOf), new: ("new.json", new.info.asOf), language: .en)
        #expect(table.hasPrefix("old.json (2026-06-01) → new.json (2026-06-01)\n1 customer added · 1 customer removed · 3 customers moved\n"))
        #expect(table.contains("Prospect    2    1      -1") && table.contains("Won         1    3      +2"))
        #expect(table.contains("Trial  Won          2"))
    }

    @Test func identicalSnapshotsDifferInNothing() throws {
        let (old, _) = try Self.pairs()[1]
        let d = try SnapshotDiff.compare(old: old, new: try Self.pairs()[0].0)
        #expect(d.changes.isEmpty && d.moves.isEmpty && d.stages.allSatisfy { $0.delta == 0 })
        #expect(DiffRenderer.table(d, old: ("a", old.info.asOf), new: ("b", old.info.asOf), language: .de).contains("Kein Kunde"))
    }
}
