import Foundation
import Testing
@testable import LifecycleKit

/// `as_of` is the moment every "days" figure is computed against: a stage change never moves
/// a declared one (issue 9.1). A change dated after it shows as such (0 days, counted), and
/// a file without `as_of` describes its latest timestamp, which a change may advance.
@Suite struct MoveAsOfTests {
    static let later = Timestamp("2026-11-23T08:00:00Z")!

    @Test func aMoveNeverChangesADeclaredAsOfInEitherStore() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = try Fixtures.handMadeFiles(in: dir)
        for path in [files.json, files.sqlite] {
            let store = try SnapshotFile.open(path)
            let declared = Timestamp("2026-11-01T00:00:00Z")!
            #expect(store.info.asOf == declared)
            let before = try store.funnelReport()
            var mover = StageMover(user: "tester", clock: { Self.later })
            let outcome = try mover.move([("C4", "awareness")], to: "loyalty", note: nil, in: store)
            #expect(outcome.applied.count == 1)
            #expect(store.info.asOf == declared && store.info.declaredAsOf == declared, "\(path)")
            let after = try store.funnelReport()
            #expect(after.info.asOf == declared)
            #expect(after.changesSinceAsOf == 1, "\(path)")
            #expect(ReportRenderer.table(after).hasPrefix("Hand made — as of 2026-11-01T00:00:00Z · 1 change since\n"))
            let json = try #require(try JSONSerialization.jsonObject(with: Data(ReportRenderer.json(after).utf8)) as? [String: Any])
            #expect((json["snapshot"] as? [String: Any])?["changes_since_as_of"] as? Int == 1)
            let loyalty = try #require((json["stages"] as? [[String: Any]])?.last)
            #expect(loyalty["entered_after_as_of"] as? Int == 1)
            let cameFrom = (loyalty["came_from"] as? [[String: Any]])?.map { "\($0["from"] as? String ?? "?") \($0["customers"] as? Int ?? -1)" }
            #expect(cameFrom == ["awareness 1"])
            // Stages nobody touched keep every figure (consideration, purchase, retention).
            for i in [1, 2, 3] { #expect(after.stages[i] == before.stages[i], "\(path) stage \(i)") }
            // The moved customer entered loyalty after as_of: 0 days, marked, counted in the median.
            #expect(after.stages[4].medianDaysInStage == 0 && after.stages[4].enteredAfterAsOf == 1, "\(path)")
            #expect(try store.customer(id: "C4")?.stageEnteredAt == Self.later)
            // Reopened (JSON: replayed from the journal) and saved, it keeps its as_of.
            #expect(try SnapshotFile.open(path).info.asOf == declared, "\(path)")
            try store.save()
            #expect(try SnapshotFile.open(path).info.declaredAsOf == declared, "\(path) after save")
        }
    }

    @Test func withoutADeclaredAsOfTheLatestChangeIsTheSnapshotsMoment() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = Fixtures.handMade.replacingOccurrences(of: "\"as_of\": \"2026-11-01T00:00:00Z\",", with: "")
        #expect(text != Fixtures.handMade)
        let json = try Fixtures.write(text, named: "live.json", in: dir)
        let sqlite = dir.appendingPathComponent("live.sqlite").path
        try JSONSnapshotStore(path: json).export(to: try SQLiteSnapshotWriter(path: sqlite))
        for path in [json, sqlite] {
            let store = try SnapshotFile.open(path)
            #expect(store.info.declaredAsOf == nil)
            #expect(store.info.asOf == Timestamp("2026-10-01T00:00:00Z"), "\(path): the latest timestamp")
            var mover = StageMover(user: "tester", clock: { Self.later })
            _ = try mover.move([("C4", "awareness")], to: "loyalty", note: nil, in: store)
            #expect(store.info.asOf == Self.later, "\(path)")
            let report = try store.funnelReport()
            #expect(report.changesSinceAsOf == 0 && report.stages[4].enteredAfterAsOf == 0, "\(path)")
            #expect(try SnapshotFile.open(path).info.asOf == Self.later, "\(path) reopened")
        }
    }
}
