import Foundation
import Testing
@testable import LifecycleKit

/// `CustomerExport` on both stores: every column, sort, search, stage, the formula cases
/// (OWASP), the Excel format, the JSON shape, paging and the overwrite rules.
@Suite struct CustomerExportTests {
    /// The export fixture as a JSON and a SQLite store.
    static func stores(in dir: URL) throws -> [any SnapshotStore] {
        let json = try Fixtures.write(String(contentsOfFile: Fixtures.fixturePath("export/hostile.json"), encoding: .utf8),
                                      named: "e.json", in: dir)
        let sqlite = dir.appendingPathComponent("e.sqlite").path
        try JSONSnapshotStore(path: json).export(to: try SQLiteSnapshotWriter(path: sqlite))
        return [try JSONSnapshotStore(path: json), try Fixtures.indexedSQLiteStore(sqlite)]
    }

    /// The export of `request` from every store, as text; all stores must agree.
    static func exported(_ request: CustomerExport) throws -> String {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var texts: [String] = []
        for (i, store) in try stores(in: dir).enumerated() {
            let path = dir.appendingPathComponent("out\(i).csv").path
            try request.write(from: store, to: try ExportOutput.file(path, force: false))
            texts.append(String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self))
        }
        #expect(texts[0] == texts[1], "JSON and SQLite stores differ")
        return texts[0]
    }

    @Test func defaultColumnsEveryStageInFunnelOrder() throws {
        let text = try Self.exported(CustomerExport())
        #expect(text == """
            id,name,email,stage\r
            E4,'-minus,,lead\r
            E5,^Itab ^[[31mred,,lead\r
            E1,"Ann ""The Boss"" O'Neil",ann@example.com,customer\r
            E2,"'=HYPERLINK(""http://x"")",'@evil.example,customer\r
            E3,"Line one
            line two",,customer\r

            """)
    }

    @Test func everyColumnSortedByRevenueDescending() throws {
        var request = CustomerExport()
        request.stages = ["customer"]
        request.columns = try ExportColumn.list("id,segment,tags,attributes.city,attributes.employees,attributes.active,"
            + "stage_entered_at,days_in_stage,touchpoints,last_touch,revenue,attributes.none")
        request.sort = try ExportSort.parse("revenue:desc")
        #expect(try Self.exported(request) == """
            id,segment,tags,attributes.city,attributes.employees,attributes.active,stage_entered_at,days_in_stage,touchpoints,last_touch,revenue,attributes.none\r
            E3,,,,,,2026-09-02T00:00:00Z,60,1,2026-09-02T00:00:00Z,20,\r
            E2,'+B2C,,,,,,,0,,0,\r
            E1,B2B,"vip, news","Köln, Süd",-3,true,2026-10-01T12:00:00Z,30,2,2026-10-15T00:00:00Z,-20.25,\r

            """)
    }

    @Test func valueColumnsComeFromTheValueTable() throws {
        var request = CustomerExport()
        request.stages = ["customer"]
        request.columns = try ExportColumn.list("id,clv,p_alive,rfm,rfm_segment")
        #expect(request.needsValues)
        let lines = try Self.exported(request).split(separator: "\r\n").map(String.init)
        #expect(lines[0] == "id,clv,p_alive,rfm,rfm_segment")
        #expect(lines[2] == "E2,,,,", "a non-buyer has no figures")
        let e1 = lines[1].split(separator: ",", omittingEmptySubsequences: false)
        #expect(e1[0] == "E1" && e1.count == 5 && !e1[3].isEmpty && !e1[4].isEmpty, "\(lines[1])")
        #expect(!CustomerExport().needsValues, "the default columns compute no value table")
    }

    @Test func searchAndDaysInStageSort() throws {
        var request = CustomerExport()
        request.search = "LINE"
        #expect(try Self.exported(request) == "id,name,email,stage\r\nE3,\"Line one\nline two\",,customer\r\n")
        request = CustomerExport()
        request.stages = ["customer"]
        request.columns = [.id, .daysInStage]
        request.sort = try ExportSort.parse("days_in_stage:desc")
        #expect(try Self.exported(request) == "id,days_in_stage\r\nE2,\r\nE3,60\r\nE1,30\r\n")
    }

    @Test func excelFormatHasBOMSemicolonsDecimalCommaAndCRLF() throws {
        var request = CustomerExport()
        request.stages = ["customer"]
        request.columns = try ExportColumn.list("id,name,attributes.city,revenue")
        request.format = .excel
        request.sort = try ExportSort.parse("id")
        #expect(try Self.exported(request) == "\u{FEFF}id;name;attributes.city;revenue\r\n"
            + "E1;\"Ann \"\"The Boss\"\" O'Neil\";Köln, Süd;-20,25\r\n"
            + "E2;\"'=HYPERLINK(\"\"http://x\"\")\";;0\r\nE3;\"Line one\nline two\";;20\r\n")
    }

    @Test func jsonShape() throws {
        var request = CustomerExport()
        request.stages = ["customer"]
        request.columns = try ExportColumn.list("id,name,tags,attributes.employees,revenue,email")
        request.format = .json
        let text = try Self.exported(request)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["columns"] as? [String] == ["id", "name", "tags", "attributes.employees", "revenue", "email"])
        let rows = try #require(object["customers"] as? [[String: Any]])
        #expect(rows.map { $0["id"] as? String } == ["E1", "E2", "E3"])
        #expect(rows[0]["name"] as? String == "Ann \"The Boss\" O'Neil")
        #expect(rows[0]["tags"] as? [String] == ["vip", "news"])
        #expect(rows[0]["attributes.employees"] as? Int == -3)
        #expect(rows[0]["revenue"] as? Double == -20.25)
        #expect(rows[2]["email"] is NSNull)
        #expect(rows[1]["name"] as? String == "=HYPERLINK(\"http://x\")", "JSON keeps text exactly")
        #expect(!text.contains("\u{1b}"))
    }

    @Test func emptyJSONExportIsValid() throws {
        var request = CustomerExport()
        request.search = "nobody-matches"
        request.format = .json
        #expect(try Self.exported(request) == "{\"columns\":[\"id\",\"name\",\"email\",\"stage\"],\"customers\":[\n]}\n")
    }

    @Test func smallPagesPredicateAndMarkedCustomers() throws {
        var request = CustomerExport()
        request.pageSize = 1
        request.columns = [.id]
        #expect(try Self.exported(request) == "id\r\nE4\r\nE5\r\nE1\r\nE2\r\nE3\r\n")
        request.predicate = { $0.touchpointCount > 0 }
        #expect(try Self.exported(request) == "id\r\nE1\r\nE3\r\n")
        request.predicate = nil
        request.only = ["E3", "E4"]
        #expect(try Self.exported(request) == "id\r\nE4\r\nE3\r\n")
    }

    @Test func unknownNamesAreRefused() {
        #expect(throws: OperationError.self) { try ExportColumn.list("id,nope") }
        #expect(throws: OperationError.self) { try ExportSort.parse("tags") }
        #expect(ExportColumn(name: "attributes.") == nil)
        for (name, column) in ExportColumn.named { #expect(ExportColumn(name: name) == column && column.name == name) }
    }

    @Test func anExistingFileIsKeptUnlessForcedAndWrittenAtomically() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Self.stores(in: dir)[0]
        let path = try Fixtures.write("keep me", named: "out.csv", in: dir)
        #expect(throws: OperationError.self) { try ExportOutput.file(path, force: false) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
        var request = CustomerExport()
        request.stages = ["nope"]
        #expect(throws: OperationError.self) { try request.write(from: store, to: try ExportOutput.file(path, force: true)) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me", "a failed export leaves the file")
        request.stages = ["lead"]
        request.columns = [.id]
        #expect(try request.write(from: store, to: try ExportOutput.file(path, force: true)) == 2)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "id\r\nE4\r\nE5\r\n")
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") }
        #expect(left.isEmpty, "\(left)")
    }
}

/// The dashboard's drill-down export: exactly the ids given, in their order.
@Suite struct CustomerExportIDsTests {
    @Test func exactlyTheIdsInTheirOrderWithTheirFigures() throws {
        var request = CustomerExport()
        request.ids = ["E3", "gone", "E1", "E4"]
        request.stages = ["lead"]                      // not applied to a list of ids
        request.columns = try ExportColumn.list("id,stage,touchpoints,revenue")
        #expect(try CustomerExportTests.exported(request) == """
            id,stage,touchpoints,revenue\r
            E3,customer,1,20\r
            E1,customer,2,-20.25\r
            E4,lead,0,0\r

            """)
    }

    /// A progress callback that throws (the dashboard's Esc) stops the export: no file.
    @Test func aThrowingProgressLeavesNoFile() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try CustomerExportTests.stores(in: dir)[0]
        let path = dir.appendingPathComponent("stopped.csv").path
        var request = CustomerExport()
        request.pageSize = 1
        #expect(throws: CancellationError.self) {
            try request.write(from: store, to: try ExportOutput.file(path, force: false)) { _ in throw CancellationError() }
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).allSatisfy { !$0.contains("stopped") })
    }
}
