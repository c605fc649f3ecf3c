import Foundation
import GRDBSQLite
import Testing
@testable import LifecycleKit

/// An undone move changes no figure (issue 9.2), on both stores: undo restores
/// `stage_entered_at`, and the undoing transition names the one it reverts, so the pair is
/// left out of reached and conversion while the history keeps both.
@Suite struct UndoFiguresTests {
    static let clock = SQLiteMoveFixtures.clock(from: Timestamp("2026-11-23T09:00:00Z")!)

    /// The hand-made snapshot as JSON and SQLite, in a fresh directory.
    static func stores() throws -> [(String, any SnapshotStore)] {
        let dir = try Fixtures.temporaryDirectory()
        let files = try Fixtures.handMadeFiles(in: dir)
        return [("json", try JSONSnapshotStore(path: files.json)), ("sqlite", try SQLiteSnapshotStore(path: files.sqlite))]
    }

    @Test func moveThenUndoRestoresEveryFigure() throws {
        for (kind, store) in try Self.stores() {
            let before = try store.funnelReport()
            var mover = StageMover(user: "ana", clock: Self.clock)
            // A bulk move (one action) and a single one, then both undone.
            _ = try mover.move([(id: "C4", seenIn: "awareness"), (id: "C6", seenIn: "awareness")], to: "loyalty",
                               note: "vip", in: store)
            _ = try mover.move([(id: "C1", seenIn: "purchase")], to: "retention", note: nil, in: store)
            let moved = try store.funnelReport()
            #expect(moved.stages[4].customers == 2 && moved.stages[4].reached == 2, "\(kind)")
            #expect(moved.stages[3].reached == 2 && moved.stages[2].medianDaysInStage != before.stages[2].medianDaysInStage, "\(kind)")
            _ = try mover.undo(in: store)
            _ = try mover.undo(in: store)
            let after = try store.funnelReport()
            #expect(after.stages == before.stages, "\(kind)")
            #expect(after.totals.customers == before.totals.customers && after.totals.revenue == before.totals.revenue)
            #expect(after.changesSinceAsOf == 6, "\(kind): three moves and three undos, all after as_of")
            // C4 entered awareness on 2026-10-01 and is back there since then; C6 had no date.
            #expect(try store.customer(id: "C4")?.stageEnteredAt == Timestamp("2026-10-01"), "\(kind)")
            #expect(try store.customer(id: "C6")?.stageEnteredAt == nil, "\(kind)")
            // The history keeps both, with who and when, and the undo names what it reverts.
            let c4 = try store.transitions(ofCustomer: "C4")
            #expect(c4.map(\.to) == ["loyalty", "awareness"] && c4.map(\.by) == ["ana", "ana"], "\(kind)")
            #expect(c4[1].reverts == c4[0].id && c4[0].id != nil && c4[1].note == "undo: vip", "\(kind)")
        }
    }

    @Test func redoThenUndoRestoresEveryFigureToo() throws {
        for (kind, store) in try Self.stores() {
            let before = try store.funnelReport()
            var mover = StageMover(user: "ana", clock: Self.clock)
            _ = try mover.move([(id: "C3", seenIn: "consideration")], to: "retention", note: nil, in: store)
            _ = try mover.undo(in: store)
            _ = try mover.redo(in: store)
            #expect(try store.customer(id: "C3")?.stage == "retention")
            _ = try mover.undo(in: store)
            #expect(try store.funnelReport().stages == before.stages, "\(kind)")
            #expect(try store.customer(id: "C3")?.stageEnteredAt == Timestamp("2026-08-01"), "\(kind)")
            let history = try store.transitions(ofCustomer: "C3").suffix(4)
            #expect(history.map(\.note) == [nil, "undo", "redo", "undo"], "\(kind)")
            let ids = history.map(\.id)
            #expect(history.map(\.reverts) == [nil, ids[ids.startIndex], nil, ids[ids.startIndex + 2]], "\(kind)")
        }
    }

    @Test func reopenedAndConvertedTheUndoStillCountsForNothing() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = try Fixtures.handMadeFiles(in: dir)
        let json = try JSONSnapshotStore(path: files.json)
        let before = try json.funnelReport()
        var mover = StageMover(user: "ana", clock: Self.clock)
        _ = try mover.move([(id: "C2", seenIn: "purchase")], to: "loyalty", note: nil, in: json)
        _ = try mover.undo(in: json)
        // Replayed from the journal.
        #expect(try JSONSnapshotStore(path: files.json).funnelReport().stages == before.stages)
        try json.save()
        let saved = try JSONSnapshotStore(path: files.json)
        #expect(try saved.funnelReport().stages == before.stages)
        // JSON → SQLite → JSON keeps every id and reverts.
        let sqlite = dir.appendingPathComponent("copy.sqlite").path
        try saved.export(to: try SQLiteSnapshotWriter(path: sqlite))
        let copy = try SQLiteSnapshotStore(path: sqlite)
        #expect(try copy.funnelReport().stages == before.stages)
        let back = dir.appendingPathComponent("back.json").path
        try copy.export(to: try JSONSnapshotWriter(path: back))
        let a = CollectingSink(), b = CollectingSink()
        try saved.export(to: a)
        try JSONSnapshotStore(path: back).export(to: b)
        #expect(a.transitions == b.transitions && a.transitions.count == 13)
        #expect(a.transitions.last?.reverts == 12 && a.transitions.last?.id == 13)
        #expect(try String(contentsOfFile: back, encoding: .utf8).contains(#""by":"ana","note":"undo","reverts":12}"#))
    }

    @Test func anOlderSQLiteFileGetsTheRevertsColumnWithItsFirstUndo() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try Fixtures.handMadeFiles(in: dir).sqlite
        try SQLiteFixtures.execute(path, "ALTER TABLE transitions DROP COLUMN reverts")
        let store = try SQLiteSnapshotStore(path: path)
        let before = try store.funnelReport()
        var mover = StageMover(user: "ana", clock: Self.clock)
        _ = try mover.move([(id: "C5", seenIn: "consideration")], to: "purchase", note: nil, in: store)
        #expect(try SQLiteMoveFixtures.rows(path, "SELECT count(*) FROM pragma_table_info('transitions') WHERE name = 'reverts'") == [["0"]])
        _ = try mover.undo(in: store)
        #expect(try SQLiteMoveFixtures.rows(path, "SELECT reverts FROM transitions ORDER BY id DESC LIMIT 1") == [["12"]])
        #expect(try store.funnelReport().stages == before.stages)
        #expect(try SQLiteSnapshotStore(path: path).funnelReport().stages == before.stages)
        #expect(SQLiteValidator.validate(path: path).errorCount == 0)
    }
}

/// Reverted pairs and where customers came from, on journeys worked out by hand.
@Suite struct FunnelAccumulatorTests {
    static let stages = ["a", "b", "c"].map { Stage(id: $0, name: $0.uppercased()) }
    static let asOf = Timestamp("2026-06-01")!
    func t(_ s: String) -> Timestamp { Timestamp(s)! }

    @Test func aRevertedPairCountsForNothingAndAnUnmatchedRevertsIsOrdinary() {
        var acc = FunnelAccumulator(stages: Self.stages, asOf: Self.asOf)
        // X: a → b, b → c (id 3), undone by c → b (reverts 3): reached a, b only.
        acc.addCustomer(stage: 1, enteredAt: t("2026-02-01"), entries: [
            StageEntry(stage: 0, from: nil, at: t("2026-01-01"), id: 1),
            StageEntry(stage: 1, from: 0, at: t("2026-02-01"), id: 2),
            StageEntry(stage: 2, from: 1, at: t("2026-03-01"), id: 3),
            StageEntry(stage: 1, from: 2, at: t("2026-03-02"), id: 4, reverts: 3),
        ], revenue: 0)
        // Y: a → c with a `reverts` naming nothing of theirs: an ordinary move, c reached.
        acc.addCustomer(stage: 2, enteredAt: t("2026-04-01"), entries: [
            StageEntry(stage: 0, from: nil, at: t("2026-03-01"), id: 5),
            StageEntry(stage: 2, from: 0, at: t("2026-04-01"), id: 6, reverts: 99),
        ], revenue: 0)
        let f = acc.figures()
        #expect(f.map(\.reached) == [2, 1, 1])
        #expect(f.map(\.conversion) == [nil, 0.5, 0])
        #expect(f[2].cameFrom == [StageInflow(origin: .stage("a"), customers: 1)])
        // Days: X in b since 2026-02-01 (120 days), Y in c since 2026-04-01 (61 days).
        #expect(f.map(\.medianDaysInStage) == [nil, 120, 61])
    }

    @Test func stagesLeftAreReachedAndChangesAfterAsOfCountAsZeroDays() {
        var acc = FunnelAccumulator(stages: Self.stages, asOf: Self.asOf)
        // Left b for c after as_of, no transition into b recorded.
        acc.addCustomer(stage: 2, enteredAt: t("2026-06-03"), entries: [
            StageEntry(stage: 2, from: 1, at: t("2026-06-03"), id: 1),
        ], revenue: 0)
        acc.addCustomer(stage: 2, enteredAt: t("2026-05-22"), entries: [], revenue: 0)
        let f = acc.figures()
        #expect(f.map(\.reached) == [0, 1, 2])
        #expect(f[2].medianDaysInStage == 5 && f[2].enteredAfterAsOf == 1)
        #expect(f[2].cameFrom == [StageInflow(origin: .stage("b"), customers: 1), StageInflow(origin: .unrecorded, customers: 1)])
        #expect(acc.transitionsAfterAsOf == 1)
    }

    @Test func whereTheHandMadeCustomersCameFrom() throws {
        for (kind, r) in try ReportFiguresTests.reports() {
            // awareness: C1 C2 C3 C6 start there, C4 has no history; consideration: C1 C3 from
            // awareness, C5 none; purchase: C1 C3 from consideration, C2 from awareness;
            // retention: C3 from purchase.
            #expect(r.stages.map(\.cameFrom) == [
                [StageInflow(origin: .start, customers: 4), StageInflow(origin: .unrecorded, customers: 1)],
                [StageInflow(origin: .stage("awareness"), customers: 2), StageInflow(origin: .unrecorded, customers: 1)],
                [StageInflow(origin: .stage("consideration"), customers: 2), StageInflow(origin: .stage("awareness"), customers: 1)],
                [StageInflow(origin: .stage("purchase"), customers: 1)],
                [],
            ], "\(kind)")
        }
    }
}
