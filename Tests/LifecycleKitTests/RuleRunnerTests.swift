import Foundation
import Testing
@testable import LifecycleKit

/// Rules over the hand-made snapshot (as_of 2026-11-01) on both stores: counts and samples
/// from one pass, and applying them through `StageMover` with `by` and note `rule: NAME`.
@Suite struct RuleRunnerTests {
    static let clock = SQLiteMoveFixtures.clock(from: Timestamp("2026-11-23T09:00:00Z")!)

    /// The hand-made snapshot as JSON and SQLite, in a fresh directory.
    static func stores() throws -> [(String, any SnapshotStore)] { try UndoFiguresTests.stores() }

    static func rule(_ name: String, _ stage: String, _ when: String, _ to: String) throws -> Rule {
        Rule(name: name, stage: stage, when: try RuleExpression.parse(when), moveTo: to)
    }

    // C1 and C2 are in purchase, last purchase 245 and 264 days before as_of; C3 (consideration,
    // B2C) bought twice, last 214 days before; C5 (consideration) never bought.
    static func rules() throws -> [Rule] {
        [try rule("Quiet buyers", "purchase", "days_since_last_purchase > 250", "retention"),
         try rule("All buyers", "purchase", "purchases >= 1 and revenue >= 50", "retention"),
         try rule("Repeat B2C", "consideration", "purchases >= 2 and segment == 'B2C' and not tags contains 'vip'", "retention"),
         try rule("Never bought", "consideration", "not days_since_last_purchase >= 0", "awareness"),
         try rule("Nobody", "loyalty", "purchases > 0", "retention")]
    }

    @Test func countsAndSamplesOnBothStores() throws {
        for (kind, store) in try Self.stores() {
            let results = try RuleRunner.run(try Self.rules(), in: store)
            #expect(results.map(\.ids) == [["C2"], ["C1", "C2"], ["C3"], ["C5"], []], "\(kind)")
            #expect(results[1].sample(1) == ["C1"])
            let json = RulesRenderer.json(Array(results.prefix(1)))
            #expect(json == "{\"rules\": [\n  {\"name\": \"Quiet buyers\", \"stage\": \"purchase\", \"move_to\": \"retention\", \"matches\": 1, \"sample\": [\"C2\"]}\n]}\n")
        }
    }

    @Test func applyingMovesThroughStageMoverWithUserAndNote() throws {
        for (kind, store) in try Self.stores() {
            let results = try RuleRunner.run([try Self.rule("All buyers", "purchase", "purchases >= 1", "retention")], in: store)
            var mover = StageMover(user: "ana", clock: Self.clock)
            let outcome = try mover.move(results[0].ids.map { ($0, "purchase") }, to: "retention", note: "rule: All buyers", in: store)
            #expect(outcome.applied.map(\.customerID) == ["C1", "C2"], "\(kind)")
            let t = try store.transitions(ofCustomer: "C2").last
            #expect(t?.to == "retention" && t?.by == "ana" && t?.note == "rule: All buyers", "\(kind)")
            #expect(try RuleRunner.run([try Self.rule("All buyers", "purchase", "purchases >= 1", "retention")], in: store)[0].count == 0)
        }
    }

    /// The dashboard's way: the value table given (nil: value fields are null, nothing read),
    /// progress heard, a stop asked for ends the pass with `CancellationError`.
    @Test func givenValuesProgressAndStopping() throws {
        for (kind, store) in try Self.stores() {
            let valued = [try Self.rule("Valued", "purchase", "clv >= 0", "loyalty")]
            #expect(try RuleRunner.run(valued, in: store, values: nil)[0].ids == [], "\(kind)")
            let table = try store.valueTable()
            #expect(try RuleRunner.run(valued, in: store, values: table) == RuleRunner.run(valued, in: store), "\(kind)")
            #expect(try Self.rules()[0].readsValues == false && valued[0].readsValues)
            #expect(throws: CancellationError.self) {
                try RuleRunner.run(try Self.rules(), in: store, values: nil, shouldStop: { true })
            }
        }
    }
}
