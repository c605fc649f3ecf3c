import Foundation
import Testing
@testable import LifecycleKit

/// Every `report` figure of the hand-made snapshot, worked out by hand, from both stores.
@Suite struct ReportFiguresTests {
    static func reports() throws -> [(String, FunnelReport)] {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = try Fixtures.handMadeFiles(in: dir)
        return [("json", try JSONSnapshotStore(path: files.json).funnelReport()),
                ("sqlite", try SQLiteSnapshotStore(path: files.sqlite).funnelReport())]
    }

    @Test func totalsAndHeader() throws {
        for (kind, r) in try Self.reports() {
            #expect(r.info.name == "Hand made", "\(kind)")
            #expect(r.info.asOf.iso8601 == "2026-11-01T00:00:00Z", "\(kind)")
            #expect(r.totals == SnapshotTotals(customers: 6, touchpoints: 7, transitions: 11, revenue: 215.75), "\(kind)")
        }
    }

    @Test func everyStageFigure() throws {
        for (kind, r) in try Self.reports() {
            #expect(r.stages.map(\.stage.id) == ["awareness", "consideration", "purchase", "retention", "loyalty"])
            // Current: awareness C4 C6; consideration C3 C5; purchase C1 C2.
            #expect(r.stages.map(\.customers) == [2, 2, 2, 0, 0], "\(kind)")
            #expect(r.stages.map { NumberText.rounded6($0.share) } == [0.333333, 0.333333, 0.333333, 0, 0], "\(kind)")
            // Reached: awareness C1 C2 C3 C4 C6; consideration C1 C3 C5; purchase C1 C2 C3; retention C3.
            #expect(r.stages.map(\.reached) == [5, 3, 3, 1, 0], "\(kind)")
            // consideration: C1, C3 of 5; purchase: C1, C3 of C1 C3 C5 (C2 skipped consideration);
            // retention: C3 of C1 C2 C3; loyalty: none of C3.
            #expect(r.stages.map { $0.conversion.map(NumberText.rounded6) } == [nil, 0.4, 0.666667, 0.333333, 0], "\(kind)")
            // awareness: C4 31 days (C6 has no date); consideration: C3 92 days (C5 none);
            // purchase: C1 245, C2 264 → 254.5.
            #expect(r.stages.map(\.medianDaysInStage) == [31, 92, 254.5, nil, nil], "\(kind)")
            #expect(r.stages.map { NumberText.rounded6($0.revenue) } == [10.5, 55.25, 150, 0, 0], "\(kind)")
        }
    }

    @Test func jsonOutputHasTheDocumentedShape() throws {
        let (_, r) = try Self.reports()[0]
        let text = ReportRenderer.json(r)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let snapshot = try #require(object["snapshot"] as? [String: Any])
        #expect(snapshot["as_of"] as? String == "2026-11-01T00:00:00Z")
        #expect(snapshot["currency"] as? String == "EUR")
        let totals = try #require(object["totals"] as? [String: Any])
        #expect(totals["revenue"] as? Double == 215.75)
        #expect(totals["transitions"] as? Int == 11)
        let stages = try #require(object["stages"] as? [[String: Any]])
        #expect(stages.count == 5)
        #expect(stages[0]["conversion"] is NSNull)
        #expect(stages[1]["conversion"] as? Double == 0.4)
        #expect(stages[2]["median_days_in_stage"] as? Double == 254.5)
        #expect(stages[3]["median_days_in_stage"] is NSNull)
        #expect(stages[4]["reached"] as? Int == 0)
        #expect(text.contains(#""share": 0.333333"#))
    }

    @Test func tableIsAlignedWithBars() throws {
        let (_, r) = try Self.reports()[0]
        let lines = ReportRenderer.table(r, barWidth: 10).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "Hand made — as of 2026-11-01T00:00:00Z")
        #expect(lines[1] == "6 customers · 7 touchpoints · 11 transitions · revenue 215.75 EUR")
        let rows = lines.filter { $0.contains("|") }
        #expect(rows.count == 5)
        #expect(rows[0].hasPrefix("Awareness "))
        #expect(rows[0].hasSuffix("|##########|"))
        #expect(rows[3].hasSuffix("|..........|"))
        #expect(rows.contains { $0.contains("66.7%") && $0.contains("254.5") && $0.contains("150.00") })
        #expect(Set(rows.map { DisplayWidth.of(String($0)) }).count == 1)
    }

    @Test func germanTableHasGermanHeadingsNumbersAndDates() throws {
        let (_, r) = try Self.reports()[0]
        let lines = ReportRenderer.table(r, barWidth: 10, language: .de).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "Hand made — Stand 01.11.2026, 00:00 UTC")
        #expect(lines[1] == "6 Kunden · 7 Kontaktpunkte · 11 Phasenwechsel · Umsatz 215,75 €")
        #expect(lines[3].hasPrefix("Phase  ") && lines[3].contains("Kunden  Anteil  Erreicht  Konversion  Median Tage  Umsatz"))
        let rows = lines.filter { $0.contains("|") }
        #expect(rows.contains { $0.contains("66,7 %") && $0.contains("254,5") && $0.contains("150,00") })
        #expect(Set(rows.map { DisplayWidth.of(String($0)) }).count == 1)
        // The machine formats know no language.
        #expect(ReportRenderer.render(r, as: .json, language: .de) == ReportRenderer.render(r, as: .json, language: .en))
        #expect(ReportRenderer.render(r, as: .csv, language: .de) == ReportRenderer.render(r, as: .csv, language: .en))
    }

    @Test func germanHistoryTable() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try SnapshotFile.open(try Fixtures.handMadeFiles(in: dir).json)
        let customer = try #require(try store.customer(id: "C1"))
        let text = HistoryRenderer.table(customer: customer, transitions: try store.transitions(ofCustomer: "C1"),
                                         stages: store.stages, language: .de)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0].contains("), derzeit in "))
        #expect(lines[1].hasPrefix("Zeitpunkt ") && lines[1].contains("Von") && lines[1].contains("Nach") && lines[1].hasSuffix("Notiz"))
        #expect(lines[3].range(of: #"^\d\d\.\d\d\.\d{4}, \d\d:\d\d(:\d\d)? UTC"#, options: .regularExpression) != nil)
    }

    @Test func csvQuotesAndLeavesNullsEmpty() throws {
        let (_, r) = try Self.reports()[0]
        let lines = ReportRenderer.csv(r).components(separatedBy: "\r\n")
        #expect(lines[0] == "stage_id,stage_name,customers,share,reached,conversion,median_days_in_stage,revenue")
        #expect(lines[1] == "awareness,Awareness,2,0.333333,5,,31,10.5")
        #expect(lines[3] == "purchase,Purchase,2,0.333333,3,0.666667,254.5,150")
        #expect(CSVCell.text("a,\"b\"") == "\"a,\"\"b\"\"\"")
    }
}
