import Foundation
import Testing
@testable import LifecycleKit

/// `clc move`'s way into a file: a JSON file no dashboard has open is rewritten, one a
/// dashboard has open gets the change through its journal; SQLite is unchanged.
@Suite struct OneChangeSessionTests {
    /// C1 purchase → retention through `StageMover`, then `finish()`.
    private func moveC1(_ session: OneChangeSession) throws {
        var mover = StageMover(user: "script", clock: { MoveFixture.at })
        let outcome = try mover.move([("C1", "purchase")], to: "retention", note: "from a script", in: session.store)
        #expect(outcome.applied.count == 1 && outcome.conflicts.isEmpty)
        try session.finish()
    }

    /// The stage of customer `id` as the JSON file itself says, read as any script would.
    private func stageInFile(_ path: String, _ id: String) throws -> String? {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        let customers = object?["customers"] as? [[String: Any]] ?? []
        return customers.first { $0["id"] as? String == id }?["stage"] as? String
    }

    @Test func withoutADashboardTheJSONFileItselfIsRewritten() throws {
        let (dir, path) = try MoveFixture.file()
        defer { try? FileManager.default.removeItem(at: dir) }
        let session = try OneChangeSession.open(path)
        #expect(!session.throughJournal && !session.hadUnsavedChanges)
        #expect(MoveFixture.exists(JSONOpenLock.path(for: path)))   // held while it writes
        try moveC1(session)

        #expect(try stageInFile(path, "C1") == "retention")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["shop.json"])  // no journal, no lock
        let reopened = try JSONSnapshotStore(path: path)
        #expect(!reopened.hasUnsavedChanges)
        #expect(try reopened.transitions(ofCustomer: "C1").last?.note == "from a script")
        // The next outside edit of the file is no conflict: nothing waits in a journal.
        try Data((try String(contentsOfFile: path, encoding: .utf8) + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let edited = try JSONSnapshotStore(path: path)
        #expect(edited.staleJournal == nil && !edited.isReadOnly)
    }

    @Test func changesWaitingInTheJournalAreWrittenWithIt() throws {
        let (dir, path) = try MoveFixture.file()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try JSONSnapshotStore(path: path).apply(MoveFixture.request([("C4", "awareness", "loyalty")]))
        let session = try OneChangeSession.open(path)
        #expect(session.hadUnsavedChanges && !session.throughJournal)
        try moveC1(session)
        #expect(try stageInFile(path, "C1") == "retention")
        #expect(try stageInFile(path, "C4") == "loyalty")
        #expect(!MoveFixture.exists(JSONJournal.path(for: path)))
    }

    @Test func withADashboardOpenTheChangeGoesThroughTheJournal() throws {
        let (dir, path) = try MoveFixture.file()
        defer { try? FileManager.default.removeItem(at: dir) }
        let dashboard = try SnapshotFile.openInDashboard(path)
        let before = MoveFixture.bytes(path)

        let session = try OneChangeSession.open(path)
        #expect(session.throughJournal)
        try moveC1(session)
        #expect(MoveFixture.bytes(path) == before)   // the file is the dashboard's to write
        #expect(MoveFixture.exists(JSONJournal.path(for: path)))
        #expect(try dashboard.refresh())
        #expect(try dashboard.customer(id: "C1")?.stage == "retention")
        #expect(dashboard.hasUnsavedChanges)

        // Once the dashboard is gone (its lock released, as a crash would), scripts write the file.
        dashboard.releaseFile()
        #expect(!MoveFixture.exists(JSONOpenLock.path(for: path)))
        let next = try OneChangeSession.open(path)
        #expect(!next.throughJournal)
        var mover = StageMover(user: "script", clock: { MoveFixture.later })
        _ = try mover.move([("C2", "purchase")], to: "loyalty", note: nil, in: next.store)
        try next.finish()
        #expect(try stageInFile(path, "C1") == "retention")
        #expect(try stageInFile(path, "C2") == "loyalty")
    }

    @Test func theLockTellsSharedHoldersFromAWriterAndIsRemovedByTheLast() throws {
        let (dir, path) = try MoveFixture.file()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = try #require(try JSONOpenLock.tryAcquire(path, .shared))
        let b = try #require(try JSONOpenLock.tryAcquire(path, .shared))
        #expect(try JSONOpenLock.tryAcquire(path, .exclusive) == nil)
        a.release()
        #expect(MoveFixture.exists(JSONOpenLock.path(for: path)))   // b still holds it
        #expect(try JSONOpenLock.tryAcquire(path, .exclusive) == nil)
        b.release()
        #expect(!MoveFixture.exists(JSONOpenLock.path(for: path)))
        let writer = try #require(try JSONOpenLock.tryAcquire(path, .exclusive))
        #expect(try JSONOpenLock.tryAcquire(path, .shared) == nil)
        // Another `clc move` waits for the writer, then gives up with a clear message.
        let error = try #require(throws: OperationError.self) { try OneChangeSession.open(path, timeout: 0.1) }
        #expect(error.message.contains("is being rewritten by another clc"))
        writer.release()
        #expect(try OneChangeSession.open(path).throughJournal == false)
    }

    @Test func aStaleJournalRefusesTheChangeAndIsLeftAlone() throws {
        let (dir, path) = try MoveFixture.file()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try JSONSnapshotStore(path: path).apply(MoveFixture.request([("C4", "awareness", "loyalty")]))
        let theirs = Array((Fixtures.handMade + "\n").utf8)
        try Data(theirs).write(to: URL(fileURLWithPath: path))
        let journal = MoveFixture.bytes(JSONJournal.path(for: path))
        let session = try OneChangeSession.open(path)
        #expect(session.store.staleJournal != nil)
        var mover = StageMover(user: "script")
        #expect(MoveFixture.reason { try mover.move([("C1", "purchase")], to: "retention", note: nil, in: session.store) }
                == .io(session.store.staleJournal!.refusal))
        try session.finish()
        #expect(MoveFixture.bytes(path) == theirs)
        #expect(MoveFixture.bytes(JSONJournal.path(for: path)) == journal)
    }

    @Test func sqliteIsCommittedAsBeforeWithNoLockFile() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (_, sqlite) = try Fixtures.handMadeFiles(in: dir)
        let session = try OneChangeSession.open(sqlite)
        #expect(!session.throughJournal)
        #expect(!MoveFixture.exists(JSONOpenLock.path(for: sqlite)))
        try moveC1(session)
        #expect(try SQLiteSnapshotStore(path: sqlite).customer(id: "C1")?.stage == "retention")
        #expect(!MoveFixture.exists(JSONJournal.path(for: sqlite)))
        // A dashboard open on it changes nothing: SQLite commits every change itself.
        let dashboard = try SnapshotFile.openInDashboard(sqlite)
        #expect(try OneChangeSession.open(sqlite).throughJournal == false)
        #expect(!MoveFixture.exists(JSONOpenLock.path(for: sqlite)))
        dashboard.releaseFile()
    }

    @Test func saveAsTakesTheDashboardsMarkAlongToTheNewFile() throws {
        let (dir, path) = try MoveFixture.file()
        defer { try? FileManager.default.removeItem(at: dir) }
        let dashboard = try SnapshotFile.openInDashboard(path)
        _ = try dashboard.apply(MoveFixture.request([("C4", "awareness", "loyalty")]))
        let other = dir.appendingPathComponent("shop-2.json").path
        try dashboard.save(to: other)
        #expect(!MoveFixture.exists(JSONOpenLock.path(for: path)))
        #expect(try OneChangeSession.open(path).throughJournal == false)
        #expect(try OneChangeSession.open(other).throughJournal == true)
        dashboard.releaseFile()
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["shop-2.json", "shop.json"])
    }
}
