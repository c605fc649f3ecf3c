import Foundation
import Testing
@testable import LifecycleKit

/// The journal beside a JSON snapshot: replay, torn lines, a journal of another file, save.
@Suite struct JSONJournalTests {
    /// Two actions: C1 purchase → retention ("renewed"), then C4 and C6 awareness → consideration.
    private func twoActions(_ store: JSONSnapshotStore) throws {
        _ = try store.apply(MoveFixture.request([("C1", "purchase", "retention")], note: "renewed"))
        _ = try store.apply(MoveFixture.request([("C4", "awareness", "consideration"), ("C6", "awareness", "consideration")],
                                                note: "quote \" and\nnewline", user: "Zoë", at: MoveFixture.later))
    }

    private func openError(_ path: String) -> String? {
        do {
            _ = try JSONSnapshotStore(path: path)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func reopeningReplaysTheJournal() throws {
        let (dir, path) = try MoveFixture.file()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try JSONSnapshotStore(path: path)
        try twoActions(store)

        let reopened = try JSONSnapshotStore(path: path)
        #expect(reopened.hasUnsavedChanges)
        #expect(try reopened.stageCounts() == [0, 4, 1, 1, 0])
        #expect(try reopened.stageCounts() == store.stageCounts())
        #expect(try reopened.totals() == store.totals())
        #expect(try reopened.totals().transitions == 14)
        for id in ["C1", "C4", "C6"] {
            #expect(try reopened.customer(id: id) == store.customer(id: id))
            #expect(try reopened.transitions(ofCustomer: id) == store.transitions(ofCustomer: id))
        }
        #expect(try reopened.transitions(ofCustomer: "C6").last == Transition(
            customerID: "C6", from: "awareness", to: "consideration", at: MoveFixture.later, by: "Zoë",
            note: "quote \" and\nnewline", id: 14))
        #expect(try MoveFixture.ids(reopened, "consideration", CustomerSort(.stageEnteredAt, descending: true))
            == MoveFixture.ids(store, "consideration", CustomerSort(.stageEnteredAt, descending: true)))
        #expect(try reopened.funnelReport() == store.funnelReport())
        #expect(reopened.problems.errorCount == 0 && reopened.problems.warningCount == 0)
    }

    @Test func tornLastLineIsIgnoredAndCutOffBeforeTheNextAppend() throws {
        let (dir, path) = try MoveFixture.file()
        defer { try? FileManager.default.removeItem(at: dir) }
        try twoActions(try JSONSnapshotStore(path: path))
        let journalPath = JSONJournal.path(for: path)
        var journal = try #require(MoveFixture.bytes(journalPath))
        #expect(journal.filter { $0 == 10 }.count == 3)
        journal.removeLast(20)  // a crash in the middle of the second action's line
        try Data(journal).write(to: URL(fileURLWithPath: journalPath))

        let store = try JSONSnapshotStore(path: path)
        #expect(try store.stageCounts() == [2, 2, 1, 1, 0])  // only the first action
        #expect(try store.customer(id: "C4")?.stage == "awareness")
        #expect(try store.totals().transitions == 12)

        // The next action goes after the intact lines, so that both come back.
        _ = try store.apply(MoveFixture.request([("C2", "purchase", "loyalty")], at: MoveFixture.later))
        let again = try JSONSnapshotStore(path: path)
        #expect(try again.stageCounts() == [2, 2, 0, 1, 1])
        #expect(try again.transitions(ofCustomer: "C2").last?.to == "loyalty")
        #expect(try #require(MoveFixture.bytes(journalPath)).filter { $0 == 10 }.count == 3)
    }

    @Test func garbledLastLineIsIgnoredButAGarbledMiddleLineRefuses() throws {
        let (dir, path) = try MoveFixture.file()
        defer { try? FileManager.default.removeItem(at: dir) }
        try twoActions(try JSONSnapshotStore(path: path))
        let journalPath = JSONJournal.path(for: path)
        let intact = try #require(MoveFixture.bytes(journalPath))
        try Data(intact + Array("{\"at\":\"2026-10-1\u{0}garbage\n".utf8)).write(to: URL(fileURLWithPath: journalPath))
        #expect(try JSONSnapshotStore(path: path).stageCounts() == [0, 4, 1, 1, 0])

        let lines = intact.split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
        let broken = lines[0] + [10] + Array("not json".utf8) + [10] + lines[2] + [10]
        try Data(broken).write(to: URL(fileURLWithPath: journalPath))
        // Read as it is on disk, with the journal named; nothing replayed, nothing changed.
        let store = try JSONSnapshotStore(path: path)
        #expect(store.staleJournal?.problem.description == "is damaged at line 2")
        #expect(try store.stageCounts() == [2, 2, 2, 0, 0])
        #expect(MoveFixture.bytes(journalPath) == broken)
    }

    @Test func journalOfAnotherFileIsNotReplayedButNamedAndLeftAlone() throws {
        let (dir, path) = try MoveFixture.file()
        defer { try? FileManager.default.removeItem(at: dir) }
        try twoActions(try JSONSnapshotStore(path: path))
        let journalPath = JSONJournal.path(for: path)
        let journal = MoveFixture.bytes(journalPath)
        // Another version of the file: same stages, C1 already elsewhere.
        let other = Fixtures.handMade.replacingOccurrences(of: "\"name\": \"Hand made\"", with: "\"name\": \"Hand made 2\"")
        try Data(other.utf8).write(to: URL(fileURLWithPath: path))

        // The file opens as it is on disk; the journal is named, never replayed or changed.
        let store = try JSONSnapshotStore(path: path)
        let stale = try #require(store.staleJournal)
        #expect(stale.path == journalPath && stale.actionCount == 2)
        #expect(stale.problem.description.hasPrefix("belongs to another version of the file (written for "))
        #expect(try store.stageCounts() == [2, 2, 2, 0, 0])
        #expect(try store.totals().transitions == 11)
        #expect(!store.hasUnsavedChanges && store.isReadOnly)
        #expect(store.problems.warnings.map(\.kind) == [.staleJournal])
        #expect(store.problems.warnings.first?.message.contains(journalPath) == true)
        #expect(MoveFixture.reason { try store.apply(MoveFixture.request([("C2", "purchase", "loyalty")])) }
                == .io(stale.refusal))
        // validate and report read it too: a warning, no error.
        let problems = SnapshotFile.validate(path)
        #expect(problems.errorCount == 0 && problems.warnings.map(\.kind) == [.staleJournal])
        #expect(try SnapshotFile.open(path).funnelReport().stages.map(\.customers) == [2, 2, 2, 0, 0])
        #expect(MoveFixture.bytes(path) == Array(other.utf8))
        #expect(MoveFixture.bytes(journalPath) == journal)
        #expect(openError(path) == nil)
    }

    @Test func aStaleJournalSetAsideIsRenamedNeverDeletedAndChangesWorkAgain() throws {
        let (dir, path) = try MoveFixture.file()
        defer { try? FileManager.default.removeItem(at: dir) }
        try twoActions(try JSONSnapshotStore(path: path))
        let journalPath = JSONJournal.path(for: path)
        let journal = try #require(MoveFixture.bytes(journalPath))
        try Data((Fixtures.handMade + "\n").utf8).write(to: URL(fileURLWithPath: path))

        let store = try JSONSnapshotStore(path: path)
        let aside = try store.setAsideStaleJournal()
        #expect(aside.hasPrefix(journalPath + ".set-aside-"))
        #expect(aside.dropFirst((journalPath + ".set-aside-").count).count == "20261130T100057Z".count)
        #expect(MoveFixture.bytes(aside) == journal)
        #expect(!MoveFixture.exists(journalPath))
        #expect(store.staleJournal == nil && !store.isReadOnly)
        _ = try store.apply(MoveFixture.request([("C2", "purchase", "loyalty")]))
        let reopened = try JSONSnapshotStore(path: path)
        #expect(reopened.staleJournal == nil)
        #expect(try reopened.stageCounts() == [2, 2, 1, 0, 1])
        // A second set-aside in the same second gets a name of its own.
        #expect(StaleJournal.setAsidePath(for: journalPath, at: StageMover.now()) != aside)
        #expect(throws: OperationError.self) { try reopened.setAsideStaleJournal() }
    }

    @Test func aJournalNamingAnUnknownCustomerIsNotReplayedAtAll() throws {
        let (dir, path) = try MoveFixture.file()
        defer { try? FileManager.default.removeItem(at: dir) }
        try twoActions(try JSONSnapshotStore(path: path))
        let journalPath = JSONJournal.path(for: path)
        let text = try String(contentsOfFile: journalPath, encoding: .utf8).replacingOccurrences(of: "\"C6\"", with: "\"C99\"")
        try text.write(toFile: journalPath, atomically: false, encoding: .utf8)
        let store = try JSONSnapshotStore(path: path)
        #expect(store.staleJournal?.problem.description == "names an unknown customer or stage in action 2")
        #expect(try store.stageCounts() == [2, 2, 2, 0, 0])   // not even the first action
    }

    @Test func saveAsAfterAConflictContinuesOnTheNewFileAndTheOriginalOpensAsOnDisk() throws {
        let (dir, path) = try MoveFixture.file()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try JSONSnapshotStore(path: path)
        try twoActions(store)
        let theirs = Array((Fixtures.handMade + "\n").utf8)
        try Data(theirs).write(to: URL(fileURLWithPath: path))
        #expect(MoveFixture.reason { try store.save() } == .changedOnDisk)

        let other = dir.appendingPathComponent("shop-2.json").path
        try store.save(to: other)
        #expect(store.path == other)
        #expect(!store.hasUnsavedChanges)
        #expect(!MoveFixture.exists(JSONJournal.path(for: path)))
        // The original opens, reports and validates as it is on disk.
        #expect(MoveFixture.bytes(path) == theirs)
        let original = try JSONSnapshotStore(path: path)
        #expect(original.staleJournal == nil && !original.hasUnsavedChanges)
        #expect(try original.stageCounts() == [2, 2, 2, 0, 0])
        #expect(SnapshotFile.validate(path).errorCount == 0 && SnapshotFile.validate(path).warningCount == 0)
        // The changes live in the new file, and later ones are journalled against it.
        #expect(try JSONSnapshotStore(path: other).stageCounts() == [0, 4, 1, 1, 0])
        _ = try store.apply(MoveFixture.request([("C2", "purchase", "loyalty")], at: MoveFixture.later))
        #expect(MoveFixture.exists(JSONJournal.path(for: other)))
        #expect(try JSONSnapshotStore(path: other).stageCounts() == [0, 4, 0, 1, 1])
        try store.save()
        #expect(!MoveFixture.exists(JSONJournal.path(for: other)))
        #expect(try JSONSnapshotStore(path: other).stageCounts() == [0, 4, 0, 1, 1])
        #expect(MoveFixture.bytes(path) == theirs)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["shop-2.json", "shop.json"])
    }

    @Test func saveAsRefusesANameWithAJournalOfItsOwn() throws {
        let (dir, path) = try MoveFixture.file()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try JSONSnapshotStore(path: path)
        try twoActions(store)
        let other = dir.appendingPathComponent("old.json").path
        try Data("{}\n".utf8).write(to: URL(fileURLWithPath: JSONJournal.path(for: other)))
        guard case .io(let message)? = MoveFixture.reason({ try store.save(to: other) }) else {
            Issue.record("expected a refusal")
            return
        }
        #expect(message.contains("old.json.clc-journal is there already"))
        #expect(!MoveFixture.exists(other) && store.path == path && store.hasUnsavedChanges)
    }

    @Test func saveWritesTheMovesIntoTheFileAndRemovesTheJournal() throws {
        let (dir, path) = try MoveFixture.file()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try JSONSnapshotStore(path: path)
        try twoActions(store)
        try store.save()
        #expect(!store.hasUnsavedChanges)
        #expect(!MoveFixture.exists(store.journalPath))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["shop.json"])
        #expect(SnapshotFile.validate(path).errorCount == 0)
        #expect(SnapshotFile.validate(path).warningCount == 0)

        let fresh = try JSONSnapshotStore(path: path)
        #expect(!fresh.hasUnsavedChanges)
        #expect(try fresh.stageCounts() == [0, 4, 1, 1, 0])
        #expect(try fresh.totals() == SnapshotTotals(customers: 6, touchpoints: 7, transitions: 14, revenue: 215.75))
        #expect(try fresh.customer(id: "C1") == store.customer(id: "C1"))
        #expect(try fresh.transitions(ofCustomer: "C6") == store.transitions(ofCustomer: "C6"))
        #expect(fresh.info == store.info)

        // Moves after the save journal against the new file.
        _ = try store.apply(MoveFixture.request([("C2", "purchase", "loyalty")], at: MoveFixture.later))
        #expect(store.hasUnsavedChanges)
        #expect(try JSONSnapshotStore(path: path).stageCounts() == [0, 4, 0, 1, 1])
    }

    @Test func saveAfterTheFileChangedOnDiskRefuses() throws {
        let (dir, path) = try MoveFixture.file()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try JSONSnapshotStore(path: path)
        try twoActions(store)
        let changed = Array((Fixtures.handMade + "\n").utf8)
        try Data(changed).write(to: URL(fileURLWithPath: path))

        #expect(MoveFixture.reason { try store.save() } == .changedOnDisk)
        #expect(MoveFixture.bytes(path) == changed)
        #expect(MoveFixture.exists(store.journalPath) && store.hasUnsavedChanges)
        #expect(MoveFixture.reason { try store.apply(MoveFixture.request([("C2", "purchase", "loyalty")])) } == .changedOnDisk)

        // Another name still works.
        let other = dir.appendingPathComponent("shop-2.json").path
        try store.save(to: other)
        #expect(try JSONSnapshotStore(path: other).stageCounts() == [0, 4, 1, 1, 0])
        #expect(MoveFixture.bytes(path) == changed)
    }

    @Test func journalAlreadySavedBeforeACrashIsNotReplayed() throws {
        let (dir, path) = try MoveFixture.file()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try JSONSnapshotStore(path: path)
        try twoActions(store)
        let journalPath = store.journalPath
        let journal = try #require(MoveFixture.bytes(journalPath))
        try store.save()
        // A crash between the rename and removing the journal: the journal ends with the marker.
        let saved = try JSONBaseIdentity(path: path)
        let marker = Array("{\"saved\":{\"size\":\(saved.size),\"hash\":\"\(saved.hashText)\"}}\n".utf8)
        try Data(journal + marker).write(to: URL(fileURLWithPath: journalPath))

        let reopened = try JSONSnapshotStore(path: path)
        #expect(!reopened.hasUnsavedChanges)
        #expect(try reopened.totals().transitions == 14)
        _ = try reopened.apply(MoveFixture.request([("C2", "purchase", "loyalty")], at: MoveFixture.later))
        #expect(try JSONSnapshotStore(path: path).stageCounts() == [0, 4, 0, 1, 1])
    }
}

/// Two copies of clc on the same file share its journal.
@Suite struct JSONJournalSharingTests {
    @Test func refreshAndApplyPickUpWhatAnotherCopyAppended() throws {
        let (dir, path) = try MoveFixture.file()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = try JSONSnapshotStore(path: path)
        let b = try JSONSnapshotStore(path: path)
        #expect(try b.refresh() == false)
        _ = try a.apply(MoveFixture.request([("C1", "purchase", "retention")], user: "anna"))

        #expect(try b.refresh() == true)
        #expect(try b.refresh() == false)
        #expect(b.hasUnsavedChanges)
        #expect(try b.customer(id: "C1")?.stage == "retention")
        #expect(try b.stageCounts() == [2, 2, 1, 1, 0])

        // B saw C1 in purchase before refreshing: a conflict naming A's move.
        let stale = try b.apply(MoveFixture.request([("C1", "purchase", "loyalty")]))
        #expect(stale.applied.isEmpty && stale.conflicts.map(\.lastTransition?.by) == ["anna"])
        _ = try b.apply(MoveFixture.request([("C2", "purchase", "loyalty")], at: MoveFixture.later))

        // A applies without refreshing first: B's line is read, never overwritten.
        let outcome = try a.apply(MoveFixture.request([("C2", "purchase", "awareness")]))
        #expect(outcome.applied.isEmpty && outcome.conflicts.map(\.actualStage) == ["loyalty"])
        _ = try a.apply(MoveFixture.request([("C4", "awareness", "loyalty")], user: "anna"))
        #expect(try a.stageCounts() == [1, 2, 0, 1, 2])
        #expect(try #require(MoveFixture.bytes(a.journalPath)).filter { $0 == 10 }.count == 4)
        let reopened = try JSONSnapshotStore(path: path)
        #expect(try reopened.stageCounts() == [1, 2, 0, 1, 2])

        // B saves: A's last move is in the file as well.
        try b.save()
        let fresh = try JSONSnapshotStore(path: path)
        #expect(try !fresh.hasUnsavedChanges && fresh.totals().transitions == 14)
        #expect(try fresh.customer(id: "C4")?.stage == "loyalty")
    }
}
