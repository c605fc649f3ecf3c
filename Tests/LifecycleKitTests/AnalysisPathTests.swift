import Foundation
import Testing
@testable import LifecycleKit

/// The SQL paths of the SQLite store (attribution and cohorts in scans of their own, the
/// customers' stages for `diff`) give the very results of the streaming pass and of the JSON
/// store, to the last bit, also when the rows lie in no useful order; and a result is kept for
/// an unchanged file and computed again after a change.
@Suite(.serialized) struct AnalysisPathTests {
    /// 600 generated customers as JSON and SQLite, and a SQLite copy whose customers lie in
    /// reverse id order and whose touchpoints and transitions are shuffled (rowids permuted).
    static let files: (json: String, sqlite: String, shuffled: String) = {
        let dir = try! Fixtures.temporaryDirectory()
        let json = dir.appendingPathComponent("gen.json").path
        let sqlite = dir.appendingPathComponent("gen.sqlite").path
        let shuffled = dir.appendingPathComponent("shuffled.sqlite").path
        try! SnapshotGenerator(customers: 600, touchpointsPerCustomer: 6, seed: 23).generate(into: try! JSONSnapshotWriter(path: json))
        try! JSONSnapshotStore(path: json).export(to: try! SQLiteSnapshotWriter(path: sqlite))
        try! FileManager.default.copyItem(atPath: sqlite, toPath: shuffled)
        try! SQLiteListIndexTests.sql(shuffled, "UPDATE customers SET rowid = -rowid")
        for table in ["touchpoints", "transitions"] {
            try! SQLiteListIndexTests.sql(shuffled, "UPDATE \(table) SET rowid = rowid + 1000000000000")
            try! SQLiteListIndexTests.sql(shuffled, "UPDATE \(table) SET rowid = ((rowid - 1000000000000) * 7919) % 100003 + 1")
        }
        return (json, sqlite, shuffled)
    }()

    /// Every row of every model and dimension, and the conversions.
    static func figures(_ a: AttributionAnalysis) -> [String] {
        var out = ["conversions \(a.conversions)"]
        for model in AttributionModel.allCases {
            for by in AttributionDimension.allCases {
                out += a.rows(model: model, by: by).map { "\(model) \(by) \($0)" }
            }
        }
        return out
    }

    @Test(arguments: [false, true])
    func attributionScanGivesTheStreamingPassesFigures(shuffled: Bool) throws {
        let json = try JSONSnapshotStore(path: Self.files.json)
        let store = try SQLiteSnapshotStore(path: shuffled ? Self.files.shuffled : Self.files.sqlite)
        for stage in store.stages.indices {
            for days in [0, 7, 90, 100_000] {
                let analysis = AttributionAnalysis(stage: stage, lookbackDays: days)
                let scanned = Self.figures(try store.scannedAttribution(analysis))
                #expect(scanned == Self.figures(try store.run(analysis)), "stage \(stage), \(days) days")
                #expect(scanned == Self.figures(try json.run(analysis)), "stage \(stage), \(days) days")
            }
        }
        let some = try store.scannedAttribution(AttributionAnalysis(stage: 2, lookbackDays: 90))
        #expect(some.conversions > 50 && some.rows(model: .linear, by: .channel).count > 3)
        // Some dimensions only (the command's question), counted on one thread or two.
        for dimensions: [AttributionDimension] in [[.campaign], [.type, .channel]] {
            let analysis = AttributionAnalysis(stage: 2, lookbackDays: 90, dimensions: dimensions)
            let scanned = try store.scannedAttribution(analysis), streamed = try json.run(analysis)
            #expect(scanned.dimensions == dimensions && Self.figures(scanned) == Self.figures(streamed))
        }
    }

    /// A channel named `(none)` and touchpoints without a campaign share the key of the empty
    /// windows: one row, its sums taken in the streaming pass's order.
    @Test func aKeyNamedNoneIsTheKeyOfEmptyWindows() throws {
        let path = try Self.copy()
        try SQLiteListIndexTests.sql(path, "UPDATE touchpoints SET channel = '(none)', campaign = NULL WHERE rowid % 3 = 0")
        let store = try SQLiteSnapshotStore(path: path)
        for stage in store.stages.indices {
            let analysis = AttributionAnalysis(stage: stage, lookbackDays: 30)
            let scanned = try store.scannedAttribution(analysis)
            #expect(Self.figures(scanned) == Self.figures(try store.run(analysis)), "stage \(stage)")
        }
        let rows = try store.scannedAttribution(AttributionAnalysis(stage: 2, lookbackDays: 30)).rows(model: .linear, by: .channel)
        #expect(rows.filter { $0.key == "(none)" }.count == 1 && rows.first { $0.key == "(none)" }!.touchpoints > 0)
    }

    /// `clc attribution` counts the asked dimension only and keeps it under its own key; once
    /// the screen's result (every dimension) is kept, it answers the command's every question.
    @Test func theCommandCountsItsDimensionAndTheScreensResultAnswersIt() throws {
        let path = try Self.copy()
        let first = try SQLiteSnapshotStore(path: path)
        let report = try first.attribution(stage: "conversion", model: .linear, by: .campaign)
        #expect(first.analysisPasses.current == 1)
        let stage = try #require(first.stages.firstIndex { $0.id == "conversion" })
        let asked = AttributionAnalysis(stage: stage, lookbackDays: 90, dimensions: [.campaign])
        let kept = try first.answer(asked)
        #expect(first.analysisPasses.current == 1 && kept.dimensions == [.campaign])
        #expect(kept.rows(model: .linear, by: .campaign) == report.rows)
        _ = try first.attribution(stage: "conversion", model: .first, by: .type)
        #expect(first.analysisPasses.current == 2)
        let screen = try first.answer(AttributionAnalysis(stage: stage, lookbackDays: 90))
        #expect(first.analysisPasses.current == 3)
        let second = try SQLiteSnapshotStore(path: path)
        #expect(try second.attribution(stage: "conversion", model: .last, by: .channel).rows == screen.rows(model: .last, by: .channel))
        #expect(try second.attribution(stage: "conversion", model: .linear, by: .campaign).rows == report.rows)
        #expect(second.analysisPasses.current == 0)
    }

    @Test(arguments: [false, true])
    func cohortScanGivesTheStreamingPassesTriangle(shuffled: Bool) throws {
        let json = try JSONSnapshotStore(path: Self.files.json)
        let store = try SQLiteSnapshotStore(path: shuffled ? Self.files.shuffled : Self.files.sqlite)
        for metric in CohortMetric.allCases {
            let analysis = CohortAnalysis(metric: metric, asOf: store.info.asOf)
            let scanned = try store.scannedCohorts(analysis).rows
            #expect(scanned == (try store.run(analysis)).rows)
            #expect(scanned == (try json.run(analysis)).rows)
            #expect(scanned.reduce(0) { $0 + $1.customers } == 600)
        }
    }

    /// Customers without `created_at` take the month of their first transition, else of their
    /// first touchpoint; without either they are not counted.
    @Test func cohortScanFallsBackToTheFirstTransitionAndTouchpoint() throws {
        let dir = try Fixtures.temporaryDirectory()
        let path = dir.appendingPathComponent("fallback.sqlite").path
        try FileManager.default.copyItem(atPath: Self.files.shuffled, toPath: path)
        try SQLiteListIndexTests.sql(path, "UPDATE customers SET created_at = NULL WHERE rowid % 3 <> 0")
        try SQLiteListIndexTests.sql(path, """
            DELETE FROM transitions WHERE customer_id IN (SELECT id FROM customers WHERE rowid % 5 = 0 AND created_at IS NULL)
            """)
        try SQLiteListIndexTests.sql(path, "DELETE FROM transitions WHERE customer_id IN (SELECT id FROM customers WHERE rowid % 7 = 0)")
        try SQLiteListIndexTests.sql(path, "DELETE FROM touchpoints WHERE customer_id IN (SELECT id FROM customers WHERE rowid % 7 = 0)")
        let store = try SQLiteSnapshotStore(path: path)
        for metric in CohortMetric.allCases {
            let analysis = CohortAnalysis(metric: metric, asOf: store.info.asOf)
            let scanned = try store.scannedCohorts(analysis).rows
            #expect(scanned == (try store.run(analysis)).rows)
            let counted = scanned.reduce(0) { $0 + $1.customers }
            #expect(counted < 600 && counted > 400)
        }
    }

    @Test func customerStagesScanGivesTheStreamingPasses() throws {
        for path in [Self.files.sqlite, Self.files.shuffled] {
            let store = try SQLiteSnapshotStore(path: path)
            let scanned = try store.customerStages(shouldStop: { false })
            let streamed = try store.run(CustomerStagesAnalysis())
            #expect(scanned.ids == streamed.ids && scanned.stages == streamed.stages)
            #expect(scanned.ids.count == 600)
        }
    }

    /// Rowids anywhere in the 64-bit range (`ExtremeRowidTests`): the halves of the touchpoints
    /// and the rowids of the stage index cover every row.
    @Test func extremeRowidsAreAllRead() throws {
        let (sqlite, json) = try ExtremeRowidTests.files()
        let store = try SQLiteSnapshotStore(path: sqlite), reference = try JSONSnapshotStore(path: json)
        for stage in store.stages.indices {
            let analysis = AttributionAnalysis(stage: stage, lookbackDays: 90)
            #expect(Self.figures(try store.scannedAttribution(analysis)) == Self.figures(try reference.run(analysis)))
        }
        let analysis = CohortAnalysis(metric: .active, asOf: store.info.asOf)
        #expect(try store.scannedCohorts(analysis).rows == reference.run(analysis).rows)
        let scanned = try store.customerStages(shouldStop: { false }), streamed = try reference.run(CustomerStagesAnalysis())
        #expect(scanned.ids == streamed.ids && scanned.stages == streamed.stages && !scanned.ids.isEmpty)
    }

    @Test func aStoppedComparisonThrows() throws {
        let store = try SQLiteSnapshotStore(path: Self.files.sqlite)
        #expect(throws: CancellationError.self) {
            try SnapshotDiff.compare(old: store, new: try JSONSnapshotStore(path: Self.files.json), shouldStop: { true })
        }
    }

    /// A copy of the generated SQLite snapshot in a directory of its own.
    static func copy() throws -> String {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("kept.sqlite").path
        try FileManager.default.copyItem(atPath: Self.files.sqlite, toPath: path)
        return path
    }

    @Test func aResultIsKeptForTheUnchangedFileAndComputedAgainAfterAMove() throws {
        let path = try Self.copy()
        let first = try SQLiteSnapshotStore(path: path)
        let report = try first.attribution(stage: "conversion", model: .linear, by: .campaign)
        _ = try first.cohorts(metric: .purchase)
        _ = try first.flows()
        #expect(first.analysisPasses.current == 3)
        // A second run (another command, or the dashboard) answers from the side cache.
        let second = try SQLiteSnapshotStore(path: path)
        #expect(try second.attribution(stage: "conversion", model: .linear, by: .campaign).rows == report.rows)
        #expect(try second.attribution(stage: "conversion", model: .first, by: .campaign).conversions == report.conversions)
        _ = try second.cohorts(metric: .purchase)
        _ = try second.flows()
        #expect(second.analysisPasses.current == 0)
        // Another question is computed.
        _ = try second.cohorts(metric: .active)
        #expect(second.analysisPasses.current == 1)
        // `clc move`: the file changed, every result is computed again, and shows the move.
        let id = try #require(try second.customers(inStage: "awareness", filter: .none, sort: CustomerSort(), offset: 0, limit: 100)
            .map(\.customer.id).first { id in try second.transitions(ofCustomer: id).allSatisfy { $0.to != "conversion" } })
        var mover = StageMover(user: "ana", clock: SQLiteMoveFixtures.clock())
        #expect(try mover.move([(id: id, seenIn: "awareness")], to: "conversion", note: "x", in: second).applied.count == 1)
        let third = try SQLiteSnapshotStore(path: path)
        let after = try third.attribution(stage: "conversion", model: .linear, by: .campaign)
        #expect(third.analysisPasses.current == 1)
        #expect(after.conversions == report.conversions + 1)
        _ = try third.flows()
        #expect(third.analysisPasses.current == 2)
    }

    @Test func aComparisonIsKeptForBothUnchangedFiles() throws {
        let old = try Self.copy(), new = try Self.copy()
        let id = try #require(try SQLiteSnapshotStore(path: new).customers(inStage: "awareness", filter: .none, sort: CustomerSort(),
                                                                             offset: 0, limit: 1).first).customer.id
        try SQLiteListIndexTests.sql(new, "UPDATE customers SET stage = 'loyalty' WHERE id = '\(id)'")
        let newStore = try SQLiteSnapshotStore(path: new)
        let diff = try SnapshotDiff.compare(old: try SQLiteSnapshotStore(path: old), new: newStore)
        #expect(diff.moved == [SnapshotDiff.Change(id: id, from: "awareness", to: "loyalty")])
        #expect(newStore.analysisPasses.current == 1)
        let again = try SQLiteSnapshotStore(path: new)
        #expect(try SnapshotDiff.compare(old: try SQLiteSnapshotStore(path: old), new: again).moved == diff.moved)
        #expect(again.analysisPasses.current == 0)
        // OLD changed: compared again.
        try SQLiteListIndexTests.sql(old, "UPDATE customers SET stage = 'loyalty' WHERE id = '\(id)'")
        let third = try SQLiteSnapshotStore(path: new)
        #expect(try SnapshotDiff.compare(old: try SQLiteSnapshotStore(path: old), new: third).moved.isEmpty)
        #expect(third.analysisPasses.current == 1)
    }
}
