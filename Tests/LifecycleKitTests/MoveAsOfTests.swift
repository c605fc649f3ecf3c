import Foundation
import Testing
@testable import LifecycleKit

/// A change made now to a snapshot declared as of an earlier moment moves `as_of` forward:
/// the live file describes the moment of its latest change, so no figure is computed
/// against a moment before it and the file validates without warnings.
@Suite struct MoveAsOfTests {
    static let later = Timestamp("2026-11-23T08:00:00Z")!

    @Test func sqliteAndJSONBothFollowTheChange() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = try Fixtures.handMadeFiles(in: dir)
        for path in [files.json, files.sqlite] {
            let store = try SnapshotFile.open(path)
            #expect(store.info.asOf.iso8601 == "2026-11-01T00:00:00Z")
            var mover = StageMover(user: "tester", clock: { Self.later })
            let outcome = try mover.move([("C4", "awareness")], to: "loyalty", note: nil, in: store)
            #expect(outcome.applied.count == 1)
            #expect(store.info.asOf == Self.later && store.info.declaredAsOf == Self.later, "\(path)")
            // Days in stage of the moved customer: 0, not negative.
            let report = try store.funnelReport()
            #expect(report.stages[4].medianDaysInStage == 0)
            // Reopened (JSON: replayed from the journal) it says the same, and validates clean.
            #expect(try SnapshotFile.open(path).info.asOf == Self.later, "\(path)")
            let problems = SnapshotFile.validate(path)
            #expect(problems.errorCount == 0 && problems.warningCount == 0, "\(path): \(problems.lines())")
            try store.save()
            #expect(try SnapshotFile.open(path).info.declaredAsOf == Self.later, "\(path) after save")
        }
    }
}
