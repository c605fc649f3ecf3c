import Foundation
import Testing
@testable import LifecycleKit

/// The value table: one row per customer in id order, figures equal to `clc scores`', nil
/// for non-buyers, and the value filters worked by hand.
@Suite struct CustomerValueTableTests {
    @Test func rowsFollowTheIdsAndCarryTheScores() throws {
        for store in try CustomerValueReportTests.stores() {
            let report = try store.customerValues()
            let table = CustomerValueTable(report)
            // Buyers only: D bought nothing.
            #expect(table.ids == ["A", "B", "C"] && table.count == 3)
            #expect(table.row(of: "C") == 2 && table.row(of: "D") == nil && table.row(of: "E") == nil && table.row(of: "") == nil)
            for (i, id) in report.customers.ids.enumerated() {
                let figures = table.figures(of: id)
                let score = report.scores[i]
                #expect(figures?.purchases == score?.summary.purchases)
                #expect(figures?.probabilityAlive == score?.probabilityAlive.map { Double(Float($0)) })
                #expect(figures?.clv == score?.clv.map { Double(Float($0)) })
                #expect(figures?.rfm == score?.rfm)
            }
            #expect(table.figures(of: "D") == nil)
            #expect(table.figures(of: "A")?.rfm.digits == "444")
        }
    }

    @Test func idsOutOfAsciiOrderAreFoundByBytes() {
        let ids = ["Z", "a", "É", "日本"]   // ascending UTF-8 bytes
        let n = ids.count
        let table = CustomerValueTable(
            model: CustomerValueModel.fit([], observationEnd: Timestamp(microseconds: 0)).model, ids: ids,
            purchases: [1, 0, 2, 1], probabilityAlive: [0.2, .nan, 0.9, .nan], expectedPurchases90: .init(repeating: .nan, count: n),
            clv: [10, .nan, 250, .nan], rfm: [111, 0, 545, 311])
        for (i, id) in ids.enumerated() { #expect(table.row(of: id) == i) }
        #expect(table.figures(of: "É")?.rfm == RFMScore(recency: 5, frequency: 4, monetary: 5))
        #expect(table.figures(of: "日本")?.probabilityAlive == nil)
    }

    @Test func valueFiltersAcceptWhatTheyName() {
        let rfm = RFMScore(recency: 1, frequency: 1, monetary: 1)   // Lost
        let risky = CustomerValueFigures(purchases: 1, probabilityAlive: 0.3, expectedPurchases90: 0.1, clv: 40, rfm: rfm)
        let safe = CustomerValueFigures(purchases: 3, probabilityAlive: 0.5, expectedPurchases90: 1, clv: 100,
                                        rfm: RFMScore(recency: 5, frequency: 5, monetary: 5))
        #expect(ValueFilter.atRisk(below: 0.5).accepts(risky))
        #expect(!ValueFilter.atRisk(below: 0.5).accepts(safe))   // 0.5 is not below 0.5
        #expect(!ValueFilter.atRisk(below: 0.5).accepts(nil))    // non-buyers have no P(alive)
        #expect(ValueFilter.rfmSegment(.lost).accepts(risky) && ValueFilter.rfmSegment(.champions).accepts(safe))
        #expect(ValueFilter.clv(min: 40, max: 100).accepts(risky) && !ValueFilter.clv(min: 40, max: 100).accepts(safe))
        #expect(ValueFilter.clv(min: 100, max: nil).accepts(safe))
    }
}
