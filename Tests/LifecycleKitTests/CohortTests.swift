import Foundation
import Testing
@testable import LifecycleKit

/// `clc cohorts` on the snapshot worked out by hand (`Tests/Fixtures/touchpoints-hand-made.json`,
/// as_of 2026-06-30, so every row runs to 2026-06):
/// - 2025-12: A and G by created_at. A buys in 2026-02 and 2026-05 and is active in 01, 02 and 05
///   (its touchpoint of 2025-10 is before its cohort, that of 2026-07 after as_of); G is active in 01.
/// - 2026-02: E by created_at, D by its first touchpoint (no created_at, no transition); D active
///   in 02, E in 03; neither buys.
/// - 2026-03: B by its first touchpoint; buys in 03. 2026-04: C by its first transition (not by its
///   touchpoint of 2025-12); buys in 04. 2026-05: F by its first transition; its only touchpoint
///   (04-20) is before. H has no date at all: in no cohort.
@Suite struct CohortTests {
    static func rows(_ r: CohortReport) -> [String] {
        r.rows.map { "\($0.month.label) \($0.customers) \($0.values.map { String(NumberText.rounded6($0)) }.joined(separator: " "))" }
    }

    @Test func purchases() throws {
        for store in try AttributionTests.stores() {
            #expect(Self.rows(try store.cohorts(metric: .purchase)) == [
                "2025-12 2 0.0 0.0 0.5 0.0 0.0 0.5 0.0", "2026-02 2 0.0 0.0 0.0 0.0 0.0", "2026-03 1 1.0 0.0 0.0 0.0",
                "2026-04 1 1.0 0.0 0.0", "2026-05 1 0.0 0.0",
            ])
        }
    }

    @Test func active() throws {
        for store in try AttributionTests.stores() {
            #expect(Self.rows(try store.cohorts(metric: .active)) == [
                "2025-12 2 0.0 1.0 0.5 0.0 0.0 0.5 0.0", "2026-02 2 0.5 0.5 0.0 0.0 0.0", "2026-03 1 1.0 0.0 0.0 0.0",
                "2026-04 1 1.0 0.0 0.0", "2026-05 1 0.0 0.0",
            ])
        }
    }

    @Test func months() {
        #expect(CalendarMonth(Timestamp("2026-01-31T23:59:59Z")!).label == "2026-01")
        #expect(CalendarMonth(Timestamp("2026-02-01T00:30:00+01:00")!).label == "2026-01")
        #expect(CalendarMonth(Timestamp("1969-12-31T12:00:00Z")!).label == "1969-12")
        #expect(CalendarMonth(Timestamp("0001-01-01")!).label == "0001-01")
    }

    @Test func theDrillDownListsTheCustomersOfACell() throws {
        for store in try AttributionTests.stores() {
            let asOf = store.info.asOf
            let december = CalendarMonth(Timestamp("2025-12-01")!)
            #expect(try store.run(CohortAnalysis.customers(metric: .active, asOf: asOf, cohort: december, k: 1)).ids == ["A", "G"])
            #expect(try store.run(CohortAnalysis.customers(metric: .purchase, asOf: asOf, cohort: december, k: 5)).ids == ["A"])
        }
    }

    @Test func jsonAndCSV() throws {
        let r = try AttributionTests.stores()[0].cohorts(metric: .purchase)
        #expect(CohortRenderer.json(r) == """
            {"metric": "purchase", "cohorts": [
              {"cohort": "2025-12", "customers": 2, "values": [0, 0, 0.5, 0, 0, 0.5, 0]},
              {"cohort": "2026-02", "customers": 2, "values": [0, 0, 0, 0, 0]},
              {"cohort": "2026-03", "customers": 1, "values": [1, 0, 0, 0]},
              {"cohort": "2026-04", "customers": 1, "values": [1, 0, 0]},
              {"cohort": "2026-05", "customers": 1, "values": [0, 0]}
            ]}

            """)
        #expect(CohortRenderer.csv(r).hasPrefix("cohort,customers,m0,m1,m2,m3,m4,m5,m6\r\n2025-12,2,0,0,0.5,0,0,0.5,0\r\n2026-02,2,0,0,0,0,0,,\r\n"))
        #expect(CohortRenderer.table(r, language: .de).contains("2025-12       2    0,0 %  0,0 %  50,0 %  0,0 %  0,0 %  50,0 %  0,0 %"))
    }
}
