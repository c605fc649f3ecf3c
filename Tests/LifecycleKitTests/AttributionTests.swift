import Foundation
import Testing
@testable import LifecycleKit

/// `clc attribution` on a snapshot worked out by hand (`Tests/Fixtures/touchpoints-hand-made.json`),
/// conversions into `purchase` with the default 90-day lookback:
/// - A enters on 02-01 (its second entry on 04-01 does not count); window A2 (email, age 14 d),
///   A3 (web) and A4 (search) tied on 01-25 (age 7 d, ordered by id), A5 (web purchase 100, at the
///   entry itself); A1 is 123 days before. Revenue 100 + 50 = 150.
/// - B has no transition: entered at its stage_entered_at 03-01; B-1 (social) and B-2 (email)
///   both at the entry (ordered by id). Revenue 40 (B-3, after the entry).
/// - C's only touchpoint is 121 days before: an empty window, key (none); revenue 30.
/// - D is in purchase without transition or stage_entered_at: no conversion. E, H never entered.
/// - F: one touchpoint (ads, spring). G's move on 01-05 was undone: it converts on 06-01 and
///   its touchpoint of 01-04 is outside that window: (none).
@Suite struct AttributionTests {
    static func stores() throws -> [any SnapshotStore] {
        let dir = try Fixtures.temporaryDirectory()
        let files = try Fixtures.touchpointFiles(in: dir)
        return [try JSONSnapshotStore(path: files.json), try SQLiteSnapshotStore(path: files.sqlite)]
    }

    /// key, credit, share, touchpoints, customers, revenue (numbers rounded to 6 decimals).
    typealias Row = (String, Double, Double, Int, Int, Double)

    static func rows(_ store: any SnapshotStore, _ model: AttributionModel, _ by: AttributionDimension,
                     lookback: Int = 90) throws -> [String] {
        let report = try store.attribution(stage: "purchase", model: model, by: by, lookbackDays: lookback)
        #expect(report.conversions == 5)
        return report.rows.map { r in "\(r.key) \(NumberText.rounded6(r.credit)) \(NumberText.rounded6(r.share)) \(r.touchpoints) \(r.customers) \(NumberText.rounded6(r.revenue))" }
    }

    static func expected(_ rows: [Row]) -> [String] {
        rows.map { "\($0.0) \(NumberText.rounded6($0.1)) \(NumberText.rounded6($0.2)) \($0.3) \($0.4) \(NumberText.rounded6($0.5))" }
    }

    @Test func lastTouchByChannel() throws {
        for store in try Self.stores() {
            #expect(try Self.rows(store, .last, .channel) == Self.expected([
                ("(none)", 2, 0.4, 0, 0, 30), ("ads", 1, 0.2, 1, 1, 0), ("email", 1, 0.2, 2, 2, 40), ("web", 1, 0.2, 2, 1, 150),
                ("search", 0, 0, 1, 1, 0), ("social", 0, 0, 1, 1, 0),
            ]))
        }
    }

    @Test func firstTouchByChannelTakesTheTieWithTheSmallerID() throws {
        for store in try Self.stores() {
            #expect(try Self.rows(store, .first, .channel) == Self.expected([
                ("(none)", 2, 0.4, 0, 0, 30), ("ads", 1, 0.2, 1, 1, 0), ("email", 1, 0.2, 2, 2, 150), ("social", 1, 0.2, 1, 1, 40),
                ("search", 0, 0, 1, 1, 0), ("web", 0, 0, 2, 1, 0),
            ]))
        }
    }

    @Test func linearByChannel() throws {
        for store in try Self.stores() {
            #expect(try Self.rows(store, .linear, .channel) == Self.expected([
                ("(none)", 2, 0.4, 0, 0, 30), ("ads", 1, 0.2, 1, 1, 0), ("email", 0.75, 0.15, 2, 2, 57.5),
                ("social", 0.5, 0.1, 1, 1, 20), ("web", 0.5, 0.1, 2, 1, 75), ("search", 0.25, 0.05, 1, 1, 37.5),
            ]))
        }
    }

    /// A: four touchpoints (40/10/10/40); B: two (50/50); F: one (100 %).
    @Test func positionByChannel() throws {
        for store in try Self.stores() {
            #expect(try Self.rows(store, .position, .channel) == Self.expected([
                ("(none)", 2, 0.4, 0, 0, 30), ("ads", 1, 0.2, 1, 1, 0), ("email", 0.9, 0.18, 2, 2, 80),
                ("social", 0.5, 0.1, 1, 1, 20), ("web", 0.5, 0.1, 2, 1, 75), ("search", 0.1, 0.02, 1, 1, 15),
            ]))
        }
    }

    /// A's weights 2^(−14/7), 2^(−7/7), 2^(−7/7), 2^0 = 1/4, 1/2, 1/2, 1 of 9/4: 1/9, 2/9, 2/9, 4/9.
    @Test func timeDecayByChannel() throws {
        for store in try Self.stores() {
            #expect(try Self.rows(store, .timeDecay, .channel) == Self.expected([
                ("(none)", 2, 0.4, 0, 0, 30), ("ads", 1, 0.2, 1, 1, 0), ("web", 2.0 / 3, 2.0 / 15, 2, 1, 100),
                ("email", 1.0 / 9 + 0.5, (1.0 / 9 + 0.5) / 5, 2, 2, 150.0 / 9 + 20), ("social", 0.5, 0.1, 1, 1, 20),
                ("search", 2.0 / 9, 2.0 / 45, 1, 1, 300.0 / 9),
            ]))
        }
    }

    /// A touchpoint without a campaign counts under (none), as a conversion without touchpoints does.
    @Test func lastTouchByCampaign() throws {
        for store in try Self.stores() {
            #expect(try Self.rows(store, .last, .campaign) == Self.expected([
                ("(none)", 3, 0.6, 3, 2, 180), ("spring", 1, 0.2, 1, 1, 0), ("winter", 1, 0.2, 3, 2, 40),
            ]))
        }
    }

    /// Equal credits are ordered by key: "(none)" before "ad_click".
    @Test func firstTouchByType() throws {
        for store in try Self.stores() {
            #expect(try Self.rows(store, .first, .type) == Self.expected([
                ("(none)", 2, 0.4, 0, 0, 30), ("ad_click", 2, 0.4, 3, 3, 40), ("email_open", 1, 0.2, 1, 1, 150),
                ("email_click", 0, 0, 1, 1, 0), ("purchase", 0, 0, 1, 1, 0), ("visit", 0, 0, 1, 1, 0),
            ]))
        }
    }

    /// A zero-day window holds only what happened at the entry itself: A5 (web) and B's two.
    @Test func zeroDayLookback() throws {
        for store in try Self.stores() {
            #expect(try Self.rows(store, .linear, .channel, lookback: 0) == Self.expected([
                ("(none)", 3, 0.6, 0, 0, 30), ("web", 1, 0.2, 1, 1, 150), ("email", 0.5, 0.1, 1, 1, 20), ("social", 0.5, 0.1, 1, 1, 20),
            ]))
        }
    }

    @Test func theCreditOfEachModel() {
        #expect(AttributionModel.position.credits(ages: [3]) == [1])
        #expect(AttributionModel.position.credits(ages: [3, 1]) == [0.5, 0.5])
        #expect(AttributionModel.position.credits(ages: [9, 5, 3, 1]) == [0.4, 0.1, 0.1, 0.4])
        #expect(AttributionModel.linear.credits(ages: []) == [])
        #expect(AttributionModel.timeDecay.credits(ages: [7, 0]) == [1.0 / 3, 2.0 / 3])
        // A window years long does not underflow: the weights are relative to the youngest.
        #expect(AttributionModel.timeDecay.credits(ages: [40_007, 40_000]) == [1.0 / 3, 2.0 / 3])
    }

    @Test func theDrillDownListsTheCreditedConverters() throws {
        for store in try Self.stores() {
            let none = try store.run(AttributionAnalysis.credited(stage: 2, lookbackDays: 90, model: .last, by: .channel, key: "(none)"))
            #expect(none.ids == ["C", "G"])
            let email = try store.run(AttributionAnalysis.credited(stage: 2, lookbackDays: 90, model: .linear, by: .channel, key: "email"))
            #expect(email.ids == ["A", "B"] && email.names == ["Anna", "Ben"])
            let web = try store.run(AttributionAnalysis.credited(stage: 2, lookbackDays: 90, model: .first, by: .channel, key: "web"))
            #expect(web.ids.isEmpty)
            let touchedWeb = try store.run(AttributionAnalysis.touched(stage: 2, lookbackDays: 90, by: .channel, key: "web"))
            #expect(touchedWeb.ids == ["A"])
            let noCampaign = try store.run(AttributionAnalysis.touched(stage: 2, lookbackDays: 90, by: .campaign, key: "(none)"))
            #expect(noCampaign.ids == ["A", "B"])
        }
    }

    /// The screens run the analyses together: one pass gives what separate passes give.
    @Test func theAnalysesShareOnePass() throws {
        for store in try Self.stores() {
            let done = try store.stream([AttributionAnalysis(stage: 2), FlowAnalysis(stageCount: 4),
                                         CohortAnalysis(metric: .active, asOf: store.info.asOf)])
            let attribution = (done[0] as! AttributionAnalysis).finish()
            #expect(attribution.conversions == 5)
            for model in AttributionModel.allCases {
                for by in AttributionDimension.allCases {
                    #expect(attribution.rows(model: model, by: by) == (try store.attribution(stage: "purchase", model: model, by: by)).rows)
                }
            }
            #expect((done[1] as! FlowAnalysis).finish().rows == (try store.flows()).rows)
            #expect((done[2] as! CohortAnalysis).finish().rows == (try store.cohorts(metric: .active)).rows)
        }
    }

    @Test func unknownStageAndNegativeLookbackAreRefused() throws {
        let store = try Self.stores()[0]
        #expect(throws: OperationError.self) { try store.attribution(stage: "nope", model: .last, by: .channel) }
        #expect(throws: OperationError.self) { try store.attribution(stage: "purchase", model: .last, by: .channel, lookbackDays: -1) }
    }

    @Test func jsonAndCSV() throws {
        let report = try Self.stores()[0].attribution(stage: "purchase", model: .last, by: .campaign)
        #expect(AttributionRenderer.json(report) == """
            {"stage": "purchase", "model": "last", "by": "campaign", "lookback_days": 90, "conversions": 5, "rows": [
              {"key": "(none)", "credit": 3, "share": 0.6, "touchpoints": 3, "customers": 2, "revenue": 180},
              {"key": "spring", "credit": 1, "share": 0.2, "touchpoints": 1, "customers": 1, "revenue": 0},
              {"key": "winter", "credit": 1, "share": 0.2, "touchpoints": 3, "customers": 2, "revenue": 40}
            ]}

            """)
        #expect(AttributionRenderer.csv(report) == "key,credit,share,touchpoints,customers,revenue\r\n(none),3,0.6,3,2,180\r\nspring,1,0.2,1,1,0\r\nwinter,1,0.2,3,2,40\r\n")
        let german = AttributionRenderer.table(report, language: .de)
        #expect(german.contains("Attribution von Purchase: 5 Konversionen · letzter Kontakt · Rückblick 90 Tage · nach Kampagne"))
        #expect(german.contains("(keine)") && german.contains("180,00 €"))
    }
}
