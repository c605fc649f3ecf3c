import Foundation
import Testing
@testable import LifecycleKit

/// `clc model` and `clc scores` from a store: both stores agree, the holdout check counts
/// what happened after the calibration end, and the JSON has the documented shape.
@Suite struct CustomerValueReportTests {
    /// Purchases worked out by hand: A buys on 01-01, 01-10 (10 + 20 €) and in the holdout on
    /// 02-03 and 02-20; B buys 01-05 only and once in the holdout (02-02); C buys only after
    /// the calibration end (not a calibration buyer); D never buys.
    static let text = """
    {"format": "lifecycle-snapshot", "version": 1, "as_of": "2026-03-01T00:00:00Z",
     "stages": [{"id": "new", "name": "New"}, {"id": "active", "name": "Active"}],
     "customers": [
       {"id": "A", "name": "Ada", "stage": "active"}, {"id": "B", "name": "Bo", "stage": "new"},
       {"id": "C", "name": "Cy", "stage": "new"}, {"id": "D", "name": "Di", "stage": "new"}],
     "touchpoints": [
       {"id": "1", "customer_id": "A", "at": "2026-01-01T10:00:00Z", "channel": "web", "type": "purchase", "value": 10},
       {"id": "2", "customer_id": "A", "at": "2026-01-10T10:00:00Z", "channel": "web", "type": "purchase", "value": 20},
       {"id": "3", "customer_id": "A", "at": "2026-02-03T10:00:00Z", "channel": "web", "type": "purchase", "value": 5},
       {"id": "4", "customer_id": "A", "at": "2026-02-20T10:00:00Z", "channel": "web", "type": "purchase"},
       {"id": "5", "customer_id": "B", "at": "2026-01-05T10:00:00Z", "channel": "store", "type": "purchase", "value": 7},
       {"id": "6", "customer_id": "B", "at": "2026-02-02T10:00:00Z", "channel": "store", "type": "purchase", "value": 7},
       {"id": "7", "customer_id": "B", "at": "2026-01-06T10:00:00Z", "channel": "email", "type": "email_open"},
       {"id": "8", "customer_id": "C", "at": "2026-02-10T10:00:00Z", "channel": "web", "type": "purchase", "value": 3}]}
    """

    static func stores() throws -> [any SnapshotStore] {
        let dir = try Fixtures.temporaryDirectory()
        let json = try Fixtures.write(text, named: "v.json", in: dir)
        let sqlite = dir.appendingPathComponent("v.sqlite").path
        try JSONSnapshotStore(path: json).export(to: try SQLiteSnapshotWriter(path: sqlite))
        return [try JSONSnapshotStore(path: json), try SQLiteSnapshotStore(path: sqlite)]
    }

    @Test func theHoldoutCountsWhatCalibrationBuyersDidAfterwards() throws {
        for store in try Self.stores() {
            let r = try store.customerValues(calibrationEnd: Timestamp("2026-01-31")!)
            #expect(r.customers.ids == ["A", "B", "C", "D"])
            // Calibration (to 01-31): A x=1, t_x=9, T=30, monetary 20; B x=0, T=26; C, D none.
            #expect(r.customers.summaries.map { $0?.history } == [
                PurchaseHistory(frequency: 1, recency: 9, age: 30), PurchaseHistory(frequency: 0, recency: 0, age: 26), nil, nil])
            #expect(r.model.buyers == 2 && r.model.repeatBuyers == 1)
            let h = try #require(r.holdout)
            // 02-01 … 03-01: 29 days, 5 weeks; A's 02-03 (week 1) and 02-20 (week 3), B's 02-02 (week 1); C is no calibration buyer.
            #expect(h.holdoutDays == 29 && h.actual == 3)
            #expect(h.weeks.map(\.actual) == [2, 0, 1, 0, 0])
            #expect(h.weeks.last?.cumulativeActual == 3)
            #expect(h.groups[0].customers == 1 && h.groups[0].actual == 1 && h.groups[1].customers == 1 && h.groups[1].actual == 2)
            // The weekly predictions add up to the total, which is the groups' sum.
            #expect(abs(h.weeks.reduce(0) { $0 + $1.predicted } - h.predicted) < 1e-9)
            #expect(abs(h.groups.reduce(0) { $0 + $1.predicted * Double($1.customers) } - h.predicted) < 1e-9)
        }
    }

    @Test func scoresHaveTheDocumentedShapeAndNullsForNonBuyers() throws {
        let stores = try Self.stores()
        let texts = try stores.map { ScoresRenderer.json(try $0.customerValues(), stages: $0.stages) }
        #expect(texts[0] == texts[1])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(texts[0].utf8)) as? [[String: Any]])
        #expect(rows.map { $0["id"] as? String } == ["A", "B", "C", "D"])
        #expect(Set(rows[0].keys) == Set(ScoresRenderer.fields))
        // A over the whole period: purchase days 01-01, 01-10, 02-03, 02-20 → x = 3, t_x = 50, T = 59.
        #expect(rows[0]["purchases"] as? Int == 4 && rows[0]["frequency"] as? Int == 3)
        #expect(rows[0]["recency_days"] as? Int == 50 && rows[0]["t_days"] as? Int == 59)
        #expect(rows[0]["monetary"] as? Double == 8.333333)   // (20 + 5 + 0) / 3, six decimals
        #expect(rows[3]["purchases"] is NSNull && rows[3]["p_alive"] is NSNull && rows[3]["rfm"] is NSNull)
        // RFM over A, B, C: R days since last (9, 27, 19), F (4, 2, 1), M (35, 14, 3); each score
        // 1 + ⌊5 × (buyers strictly worse) ÷ 3⌋: 2 worse → 4, 1 worse → 2, none → 1.
        #expect(rows.prefix(3).map { $0["rfm"] as? String } == ["444", "122", "211"])
        let csv = ScoresRenderer.csv(try stores[0].customerValues(), stages: stores[0].stages, stage: "new")
        #expect(csv.hasPrefix(ScoresRenderer.fields.joined(separator: ",") + "\r\nB,Bo,new,2,1,28,"))
        #expect(csv.components(separatedBy: "\r\n").count == 5)
    }

    @Test func modelJSONHasTheDocumentedKeys() throws {
        let r = try Self.stores()[0].customerValues()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(ValueRenderer.modelJSON(r).utf8)) as? [String: Any])
        for key in ["as_of", "buyers", "repeat_buyers", "bgnbd", "gamma_gamma"] { #expect(object[key] != nil, "\(key)") }
        #expect(object["buyers"] as? Int == 3 && object["repeat_buyers"] as? Int == 2)
        let bg = try #require(object["bgnbd"] as? [String: Any])
        for key in ["r", "alpha", "a", "b", "log_likelihood"] { #expect(bg[key] is Double, "\(key)") }
    }
}
