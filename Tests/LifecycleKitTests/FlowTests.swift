import Foundation
import Testing
@testable import LifecycleKit

/// `clc flows` on the snapshot worked out by hand (`Tests/Fixtures/touchpoints-hand-made.json`;
/// stages lead, trial, purchase, loyal):
/// - A: entry→lead 01-01, lead→trial 01-10 (9 days after), trial→purchase 02-01 (22), back
///   purchase→trial 03-01 (28), trial→purchase 04-01 (31).
/// - C: entry→purchase 04-01. E: entry→lead 02-15, lead→lead 03-15 (28). F: entry→purchase 05-01.
/// - G: entry→lead 01-01; lead→purchase 01-05 undone at 01-05 01:00 (both left out); lead→purchase
///   06-01, a skip 151 days after its previous counted transition (01-01).
@Suite struct FlowTests {
    static func rows(_ r: FlowReport) -> [String] {
        r.rows.map { "\($0.from.map { r.stages[$0].id } ?? "-")>\(r.stages[$0.to].id) \($0.count) \($0.kind.rawValue) \($0.medianDays.map { String(NumberText.rounded6($0)) } ?? "null")" }
    }

    @Test func everyTransitionByFromAndTo() throws {
        for store in try AttributionTests.stores() {
            #expect(Self.rows(try store.flows()) == [
                "->lead 3 entry null", "->purchase 2 entry null",
                "lead>lead 1 same 28.0", "lead>trial 1 forward 9.0", "lead>purchase 1 skip 151.0",
                "trial>purchase 2 forward 26.5", "purchase>trial 1 backward 28.0",
            ])
        }
    }

    /// since is inclusive, until exclusive (A's and C's changes of 04-01 are out); the days
    /// since the previous transition count transitions before the period too.
    @Test func aPeriod() throws {
        for store in try AttributionTests.stores() {
            let r = try store.flows(since: Timestamp("2026-02-01"), until: Timestamp("2026-04-01"))
            #expect(Self.rows(r) == ["->lead 1 entry null", "lead>lead 1 same 28.0", "trial>purchase 1 forward 22.0", "purchase>trial 1 backward 28.0"])
        }
    }

    @Test func kinds() {
        #expect(FlowKind(from: nil, to: 3) == .entry)
        #expect(FlowKind(from: 1, to: 2) == .forward)
        #expect(FlowKind(from: 1, to: 3) == .skip)
        #expect(FlowKind(from: 2, to: 0) == .backward)
        #expect(FlowKind(from: 2, to: 2) == .same)
    }

    @Test func theDrillDownListsTheCustomersOfACell() throws {
        for store in try AttributionTests.stores() {
            #expect(try store.run(FlowAnalysis.customers(from: 1, to: 2)).ids == ["A"])
            #expect(try store.run(FlowAnalysis.customers(from: nil, to: 0)).ids == ["A", "E", "G"])
            #expect(try store.run(FlowAnalysis.customers(from: 0, to: 2)).ids == ["G"])
            #expect(try store.run(FlowAnalysis.customers(from: nil, to: 0, since: Timestamp("2026-02-01"))).ids == ["E"])
        }
    }

    @Test func jsonAndCSV() throws {
        let store = try AttributionTests.stores()[0]
        let r = try store.flows(since: Timestamp("2026-02-01"), until: Timestamp("2026-04-01"))
        #expect(FlowRenderer.json(r) == """
            {"since": "2026-02-01T00:00:00Z", "until": "2026-04-01T00:00:00Z", "rows": [
              {"from": null, "to": "lead", "count": 1, "kind": "entry", "median_days": null},
              {"from": "lead", "to": "lead", "count": 1, "kind": "same", "median_days": 28},
              {"from": "trial", "to": "purchase", "count": 1, "kind": "forward", "median_days": 22},
              {"from": "purchase", "to": "trial", "count": 1, "kind": "backward", "median_days": 28}
            ]}

            """)
        #expect(FlowRenderer.csv(r) == "from,to,count,kind,median_days\r\n,lead,1,entry,\r\nlead,lead,1,same,28\r\ntrial,purchase,1,forward,22\r\npurchase,trial,1,backward,28\r\n")
        #expect(FlowRenderer.json(try store.flows()).hasPrefix(#"{"since": null, "until": null, "rows": ["#))
        let german = FlowRenderer.table(r, language: .de)
        #expect(german.contains("Phasenflüsse, ab 01.02.2026, 00:00 UTC bis vor 01.04.2026, 00:00 UTC: 4 Phasenwechsel"))
        #expect(german.contains("(Eintritt)") && german.contains("rückwärts"))
    }
}
