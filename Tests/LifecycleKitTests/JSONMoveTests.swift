import Foundation
import Testing
@testable import LifecycleKit

/// Helpers for stage-change tests on the hand-made snapshot (stages awareness,
/// consideration, purchase, retention, loyalty; C1, C2 in purchase, C3, C5 in consideration,
/// C4, C6 in awareness; 11 transitions; as_of 2026-11-01).
enum MoveFixture {
    static let at = Timestamp("2026-10-15T12:00:00Z")!
    static let later = Timestamp("2026-10-16T08:30:00.250000Z")!

    /// The hand-made snapshot in a fresh directory: (directory, file path).
    static func file() throws -> (dir: URL, path: String) {
        let dir = try Fixtures.temporaryDirectory()
        return (dir, try Fixtures.write(Fixtures.handMade, named: "shop.json", in: dir))
    }

    static func request(_ changes: [(String, String, String)], note: String? = nil, user: String = "ben",
                        at: Timestamp = at) -> MoveRequest {
        MoveRequest(changes: changes.map { StageChange(customerID: $0.0, expectedStage: $0.1, targetStage: $0.2) },
                    note: note, user: user, at: at)
    }

    static func bytes(_ path: String) -> [UInt8]? { FileManager.default.contents(atPath: path).map { [UInt8]($0) } }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    static func ids(_ store: JSONSnapshotStore, _ stage: String, _ sort: CustomerSort = CustomerSort(.name),
                    filter: CustomerFilter = .none) throws -> [String] {
        try store.customers(inStage: stage, filter: filter, sort: sort, offset: 0, limit: 100).map(\.customer.id)
    }

    static func reason(_ body: () throws -> Any) -> MoveError.Reason? {
        do {
            _ = try body()
            return nil
        } catch let e as MoveError {
            return e.reason
        } catch {
            return .io("unexpected \(error)")
        }
    }
}

@Suite struct JSONMoveTests {
    @Test func singleMoveShowsInEveryQuery() throws {
        let (dir, path) = try MoveFixture.file()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try JSONSnapshotStore(path: path)
        #expect(!store.isReadOnly && !store.hasUnsavedChanges)
        // Fill the sort caches first: they must not survive the move.
        #expect(try MoveFixture.ids(store, "purchase") == ["C1", "C2"])
        #expect(try MoveFixture.ids(store, "purchase", CustomerSort(.revenue, descending: true)) == ["C1", "C2"])
        #expect(try MoveFixture.ids(store, "purchase", filter: CustomerFilter(segment: "B2C")) == ["C1"])
        #expect(try store.customerCount(inStage: "retention", filter: .none) == 0)

        let outcome = try store.apply(MoveFixture.request([("C1", "purchase", "retention")], note: "renewed"))
        // The next id after the file's 11 transitions (numbered 1…11); what an undo restores.
        let moved = Transition(customerID: "C1", from: "purchase", to: "retention", at: MoveFixture.at, by: "ben", note: "renewed", id: 12)
        #expect(outcome == MoveOutcome(applied: [moved], conflicts: [], previousStageEnteredAt: [Timestamp("2026-03-01")]))
        #expect(store.hasUnsavedChanges)

        #expect(try store.stageCounts() == [2, 2, 1, 1, 0])
        #expect(try store.customerCount(inStage: "retention", filter: .none) == 1)
        #expect(try store.customerCount(inStage: "purchase", filter: .none) == 1)
        #expect(try store.customerCount(inStage: "purchase", filter: CustomerFilter(segment: "B2C")) == 0)
        #expect(try MoveFixture.ids(store, "purchase") == ["C2"])
        #expect(try MoveFixture.ids(store, "purchase", CustomerSort(.revenue, descending: true)) == ["C2"])
        #expect(try MoveFixture.ids(store, "purchase", filter: CustomerFilter(segment: "B2C")) == [])
        #expect(try MoveFixture.ids(store, "retention", CustomerSort(.stageEnteredAt)) == ["C1"])
        let page = try store.customers(inStage: "retention", filter: .none, sort: CustomerSort(), offset: 0, limit: 10)
        #expect(page.map(\.revenue) == [100])

        let c1 = try #require(try store.customer(id: "C1"))
        #expect(c1.stage == "retention" && c1.stageEnteredAt == MoveFixture.at)
        #expect(c1.createdAt == Timestamp("2026-01-01T00:00:00Z"))
        let history = try store.transitions(ofCustomer: "C1")
        #expect(history.count == 4 && history.last == moved)
        #expect(history.map(\.to) == ["awareness", "consideration", "purchase", "retention"])

        #expect(try store.totals() == SnapshotTotals(customers: 6, touchpoints: 7, transitions: 12, revenue: 215.75))
        let report = try store.funnelReport()
        #expect(report.stages.map(\.customers) == [2, 2, 1, 1, 0])
        #expect(report.stages[3].revenue == 100 && report.stages[2].revenue == 50)
        #expect(report.stages[3].reached == 2)
        #expect(store.info.asOf == Timestamp("2026-11-01T00:00:00Z"))

        // export sees the move too.
        let copy = dir.appendingPathComponent("copy.json").path
        try store.export(to: JSONSnapshotWriter(path: copy))
        let exported = try JSONSnapshotStore(path: copy)
        #expect(try exported.customer(id: "C1") == c1)
        #expect(try exported.transitions(ofCustomer: "C1") == history)
        #expect(try exported.stageCounts() == [2, 2, 1, 1, 0])

        // One header line and one action line, nothing in the snapshot itself.
        let journal = try #require(MoveFixture.bytes(store.journalPath))
        #expect(journal.filter { $0 == 10 }.count == 2)
        #expect(MoveFixture.bytes(path) == Array(Fixtures.handMade.utf8))
    }

    @Test func bulkUndoRedoThroughStageMover() throws {
        let (dir, path) = try MoveFixture.file()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try JSONSnapshotStore(path: path)
        let times = Protected([MoveFixture.at, MoveFixture.later, Timestamp("2026-10-17T00:00:00Z")!].makeIterator())
        var mover = StageMover(user: "anna", clock: { times.withLock { $0.next()! } })

        let moved = try mover.move([(id: "C4", seenIn: "awareness"), (id: "C6", seenIn: "awareness")],
                                   to: "consideration", note: "campaign", in: store)
        #expect(moved.applied.map(\.customerID) == ["C4", "C6"] && moved.conflicts.isEmpty)
        #expect(try store.stageCounts() == [0, 4, 2, 0, 0])
        #expect(try MoveFixture.ids(store, "consideration", CustomerSort(.id)) == ["C3", "C4", "C5", "C6"])

        let undone = try #require(try mover.undo(in: store))
        #expect(moved.applied.map(\.id) == [12, 13])
        #expect(undone.applied == [
            Transition(customerID: "C4", from: "consideration", to: "awareness", at: MoveFixture.later, by: "anna", note: "undo: campaign",
                       id: 14, reverts: 12),
            Transition(customerID: "C6", from: "consideration", to: "awareness", at: MoveFixture.later, by: "anna", note: "undo: campaign",
                       id: 15, reverts: 13),
        ])
        #expect(try store.stageCounts() == [2, 2, 2, 0, 0])
        // Undo puts back when they entered (C6 had no time: none again).
        #expect(try store.customer(id: "C4")?.stageEnteredAt == Timestamp("2026-10-01"))
        #expect(try store.customer(id: "C6")?.stageEnteredAt == nil)
        // Undo is history too: C4 had no transitions, now it has two.
        #expect(try store.transitions(ofCustomer: "C4").map(\.note) == ["campaign", "undo: campaign"])
        #expect(try store.transitions(ofCustomer: "C6").map(\.to) == ["awareness", "consideration", "awareness"])

        let redone = try #require(try mover.redo(in: store))
        #expect(redone.applied.map(\.note) == ["redo: campaign", "redo: campaign"])
        #expect(try store.stageCounts() == [0, 4, 2, 0, 0])
        #expect(try store.totals().transitions == 11 + 6)

        // All three actions are in the journal and come back on reopening.
        let reopened = try JSONSnapshotStore(path: path)
        #expect(try reopened.stageCounts() == [0, 4, 2, 0, 0])
        #expect(try reopened.transitions(ofCustomer: "C6") == store.transitions(ofCustomer: "C6"))
    }

    @Test func staleExpectedStageIsAConflict() throws {
        let (dir, path) = try MoveFixture.file()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try JSONSnapshotStore(path: path)
        let outcome = try store.apply(MoveFixture.request([("C3", "purchase", "loyalty")]))
        #expect(outcome.applied.isEmpty)
        #expect(outcome.conflicts == [MoveConflict(
            customerID: "C3", expectedStage: "purchase", actualStage: "consideration",
            lastTransition: Transition(customerID: "C3", from: "retention", to: "consideration",
                                       at: Timestamp("2026-08-01T00:00:00Z")!, by: "ben", note: "lapsed", id: 10))])
        #expect(outcome.conflicts[0].description == "C3 was moved to consideration by ben at 2026-08-01T00:00:00Z")
        #expect(!MoveFixture.exists(store.journalPath) && !store.hasUnsavedChanges)
        #expect(try store.stageCounts() == [2, 2, 2, 0, 0])

        // Bulk: the good change is made, the stale and the unknown ones come back.
        let bulk = try store.apply(MoveFixture.request([("C4", "awareness", "loyalty"), ("C-404", "awareness", "loyalty"),
                                                        ("C5", "awareness", "loyalty")]))
        #expect(bulk.applied.map(\.customerID) == ["C4"])
        #expect(bulk.conflicts.map(\.customerID) == ["C-404", "C5"])
        #expect(bulk.conflicts[0].actualStage == nil && bulk.conflicts[0].description == "C-404 no longer exists")
        #expect(bulk.conflicts[1].actualStage == "consideration" && bulk.conflicts[1].lastTransition == nil)
        #expect(try store.stageCounts() == [1, 2, 2, 0, 1])

        // The same customer twice in one action: the second sees the first.
        let twice = try store.apply(MoveFixture.request([("C6", "awareness", "purchase"), ("C6", "awareness", "loyalty")]))
        #expect(twice.applied.map(\.to) == ["purchase"])
        #expect(twice.conflicts.map(\.actualStage) == ["purchase"])
        #expect(twice.conflicts[0].lastTransition?.by == "ben")

        // A customer moved to the target by an earlier change of the same action is already there.
        let again = try store.apply(MoveFixture.request([("C4", "loyalty", "awareness"), ("C4", "loyalty", "awareness")]))
        #expect(again.applied.map { $0.customerID } == ["C4"] && again.conflicts.isEmpty)
        #expect(again.alreadyThere.map { $0.customerID } == ["C4"] && again.alreadyThere[0].lastTransition?.to == "awareness")
    }

    @Test func refusalsWriteNothing() throws {
        let (dir, path) = try MoveFixture.file()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try JSONSnapshotStore(path: path)
        #expect(MoveFixture.reason { try store.apply(MoveFixture.request([("C1", "purchase", "gone")])) } == .unknownStage("gone"))
        #expect(MoveFixture.reason { try store.apply(MoveFixture.request([("C1", "purchase", "loyalty"), ("C2", "purchase", "nope")])) }
            == .unknownStage("nope"))
        #expect(MoveFixture.reason { try store.apply(MoveFixture.request([("C-9", "purchase", "loyalty")])) } == .unknownCustomer("C-9"))
        // Target == current stage: nothing written, reported as already there (with who put them there).
        let same = try store.apply(MoveFixture.request([("C1", "purchase", "purchase")]))
        #expect(same.applied.isEmpty && same.conflicts.isEmpty)
        #expect(same.alreadyThere.map(\.customerID) == ["C1"] && same.alreadyThere.first?.stage == "purchase")
        #expect(same.alreadyThere.first?.lastTransition?.to == "purchase")
        #expect(!MoveFixture.exists(store.journalPath))
        #expect(try store.stageCounts() == [2, 2, 2, 0, 0] && store.totals().transitions == 11)
        #expect(MoveFixture.bytes(path) == Array(Fixtures.handMade.utf8))
    }

    @Test func readOnlyStoreRefusesAndLeavesFilesIdentical() throws {
        let (dir, path) = try MoveFixture.file()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A journal from an earlier session: replayed, but never touched.
        _ = try JSONSnapshotStore(path: path).apply(MoveFixture.request([("C1", "purchase", "retention")]))
        let file = MoveFixture.bytes(path)
        let journal = try #require(MoveFixture.bytes(JSONJournal.path(for: path)))

        let store = try JSONSnapshotStore(path: path, readOnly: true)
        #expect(store.isReadOnly)
        #expect(try store.customer(id: "C1")?.stage == "retention")
        #expect(MoveFixture.reason { try store.apply(MoveFixture.request([("C2", "purchase", "loyalty")])) } == .readOnly)
        #expect(MoveFixture.reason { try store.save() } == .readOnly)
        #expect(try store.stageCounts() == [2, 2, 1, 1, 0])
        #expect(MoveFixture.bytes(path) == file)
        #expect(MoveFixture.bytes(JSONJournal.path(for: path)) == journal)

        // A snapshot read from memory has no file to journal beside.
        let memory = try JSONSnapshotStore(bytes: Array(Fixtures.handMade.utf8))
        #expect(memory.isReadOnly)
        #expect(MoveFixture.reason { try memory.apply(MoveFixture.request([("C2", "purchase", "loyalty")])) } == .readOnly)
    }

    @Test func undeclaredAsOfFollowsTheLatestMove() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try Fixtures.write(JSONQueryTests.text, named: "q.json", in: dir)
        let store = try JSONSnapshotStore(path: path)
        #expect(store.info.asOf == Timestamp("2026-05-01")!)
        let at = Timestamp("2026-06-01T09:00:00Z")!
        _ = try store.apply(MoveFixture.request([("C-1", "lead", "churned")], note: nil, user: "ops", at: at))
        #expect(store.info.asOf == at && store.info.declaredAsOf == nil)
        // C-1's history: import, crm, crm "oops", then ours (ties in file order).
        #expect(try store.transitions(ofCustomer: "C-1").map(\.by) == ["import", "crm", "crm", "ops"])
        #expect(try store.transitions(ofCustomer: "C-1").last?.note == nil)
        #expect(try store.stageCounts() == [4, 1, 1])
        let reopened = try JSONSnapshotStore(path: path)
        #expect(reopened.info == store.info)
        #expect(try reopened.transitions(ofCustomer: "C-1") == store.transitions(ofCustomer: "C-1"))
    }

    @Test func rowGroupsAddKeepsOrderAndStarts() {
        var groups = RowGroups(owners: [1, 0, 1, 2, 0], ownerCount: 4)
        groups.add([(owner: 1, row: 5), (owner: 3, row: 6), (owner: 1, row: 7)], by: <)
        #expect(Array(groups[0]) == [1, 4] && Array(groups[1]) == [0, 2, 5, 7])
        #expect(Array(groups[2]) == [3] && Array(groups[3]) == [6])
        groups.add([(owner: 0, row: 0)], by: >)
        #expect(Array(groups[0]) == [4, 1, 0] && groups.count(1) == 4 && groups.count(3) == 1)
    }
}
