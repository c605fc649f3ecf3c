import Foundation
import Testing
@testable import LifecycleKit

/// The streaming export (`ExportStream`: one SELECT, cells from SQLite's bytes) writes byte for
/// byte what the page path writes, for every option, on a snapshot of hostile names.
@Suite struct ExportStreamTests {
    /// 90 customers in three stages, inserted out of id order, with names and emails that
    /// exercise quoting, formulas (OWASP), controls, bidi controls, `;` and non-ASCII text.
    static func hostileSnapshot(in dir: URL) throws -> (json: String, sqlite: String) {
        let names = ["Ann \"The Boss\" O'Neil", "=HYPERLINK(\"http://x\")", "Line one\nline two", "-minus", "\ttab \u{1b}[31mred",
                     "  =SUM(A1)", "@at", "+49 228", "semi;colon", "comma, here", "Özge Kılıç", "\u{202E}evil", "c1 \u{85} next",
                     "👩‍👩‍👧 family", "plain name", "", " ", "cr\rhere", "quote\"", "del\u{7F}x"]
        let emails: [String?] = [nil, "a@example.com", "=x@example.com", "semi;@x", "\"q\"@x", "ü@x.de", "-@x"]
        let segments: [String?] = [nil, "B2B", "+B2C", "Zoë"]
        var customers: [String] = [], touchpoints: [String] = []
        for k in 0..<90 {
            let n = (k * 37) % 90   // ids not in insertion order
            let id = n % 11 == 0 ? "id \(n)" : "C-\(n)"
            var fields = ["\"id\": \(JSONText.string(id))", "\"name\": \(JSONText.string(names[n % names.count]))",
                          "\"stage\": \(JSONText.string(["lead", "customer", "loyal"][n % 3]))"]
            if let email = emails[n % emails.count] { fields.append("\"email\": \(JSONText.string(email))") }
            if let segment = segments[n % segments.count] { fields.append("\"segment\": \(JSONText.string(segment))") }
            if n % 4 != 0 { fields.append("\"stage_entered_at\": \"2026-0\(1 + n % 9)-1\(n % 10)T08:00:00Z\"") }
            if n % 5 == 0 { fields.append("\"tags\": [\"vip\", \"  =calc\"], \"attributes\": {\"city\": \"Köln, Süd\", \"n\": -\(n)}") }
            customers.append("{\(fields.joined(separator: ", "))}")
            for t in 0..<(n % 4) {
                touchpoints.append("""
                    {"id": "T\(n)-\(t)", "customer_id": \(JSONText.string(id)), "at": "2026-0\(1 + (n + t) % 9)-01T00:00:00Z", \
                    "channel": "web", "type": "purchase", "value": \(t == 2 ? "-\(n).25" : "\(n % 7)")}
                    """)
            }
        }
        let json = """
            {"format": "lifecycle-snapshot", "version": 1, "as_of": "2026-11-01T00:00:00Z",
             "stages": [{"id": "lead", "name": "Lead"}, {"id": "customer", "name": "Customer"}, {"id": "loyal", "name": "Loyal"}],
             "customers": [\(customers.joined(separator: ",\n"))],
             "touchpoints": [\(touchpoints.joined(separator: ",\n"))], "transitions": []}
            """
        let jsonPath = try Fixtures.write(json, named: "h.json", in: dir)
        let sqlitePath = dir.appendingPathComponent("h.sqlite").path
        try JSONSnapshotStore(path: jsonPath).export(to: try SQLiteSnapshotWriter(path: sqlitePath))
        return (jsonPath, sqlitePath)
    }

    static func text(_ request: CustomerExport, _ store: any SnapshotStore, _ dir: URL) throws -> String {
        let path = dir.appendingPathComponent("out-\(UUID().uuidString).csv").path
        try request.write(from: store, to: try ExportOutput.file(path, force: false))
        return String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }

    static var requests: [(String, CustomerExport)] {
        get throws {
            var out: [(String, CustomerExport)] = [("default", CustomerExport())]
            var r = CustomerExport()
            r.format = .excel
            out.append(("excel", r))
            let figures = try ExportColumn.list("id,name,email,stage,segment,touchpoints,last_touch,revenue")
            for sort in ["id", "id:desc", "name", "name:desc", "email", "segment:desc", "touchpoints:desc", "last_touch",
                         "revenue:desc", "stage_entered_at", "days_in_stage", "stage"] {
                r = CustomerExport()
                r.columns = figures
                r.sort = try ExportSort.parse(sort)
                out.append(("figures by \(sort)", r))
                r.format = .excel
                out.append(("excel figures by \(sort)", r))
            }
            r = CustomerExport()
            r.stages = ["loyal", "lead"]
            out.append(("two stages, not in funnel order", r))
            r.stages = ["lead", "lead"]
            out.append(("a stage twice", r))
            r = CustomerExport()
            r.search = "o"
            r.columns = figures
            out.append(("search", r))
            r = CustomerExport()
            r.predicate = { $0.revenue > 0 || $0.customer.email == nil }
            r.sort = try ExportSort.parse("name")
            out.append(("where", r))
            r = CustomerExport()
            r.columns = try ExportColumn.list("id,tags,attributes.city,attributes.n,stage_entered_at,days_in_stage,name")
            out.append(("decoded columns", r))
            r.format = .json
            out.append(("json", r))
            r = CustomerExport()
            r.columns = try ExportColumn.list("id,name,clv,p_alive,rfm_segment")
            out.append(("value columns", r))
            r.sort = try ExportSort.parse("clv:desc")
            out.append(("value sort (pages)", r))
            return out
        }
    }

    @Test func streamingWritesWhatThePagesWrite() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (jsonPath, sqlitePath) = try Self.hostileSnapshot(in: dir)
        let json = try JSONSnapshotStore(path: jsonPath)
        let indexed = try Fixtures.indexedSQLiteStore(sqlitePath), plain = try SQLiteSnapshotStore(path: sqlitePath)
        for (name, request) in try Self.requests {
            var pages = request
            pages.pagesOnly = true
            #expect(request.streams(from: plain) == !name.contains("(pages)"), "\(name)")
            #expect(!pages.streams(from: plain))
            let expected = try Self.text(pages, indexed, dir)
            #expect(try Self.text(request, plain, dir) == expected, "\(name): streaming differs from pages")
            #expect(try Self.text(request, indexed, dir) == expected, "\(name): streaming (index loaded) differs")
            #expect(try Self.text(pages, plain, dir) == expected, "\(name): pages without the index differ")
            #expect(try Self.text(request, json, dir) == expected, "\(name): the JSON store differs")
        }
    }

    @Test func defaultExportHasEveryCustomerInFunnelOrderByID() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try SQLiteSnapshotStore(path: try Self.hostileSnapshot(in: dir).sqlite)
        var request = CustomerExport()
        request.columns = [.id, .stage]
        let lines = try Self.text(request, store, dir).split(separator: "\r\n").dropFirst()
        #expect(lines.count == 90)
        let stages = lines.map { $0.split(separator: ",").last.map(String.init) ?? "" }
        #expect(stages == Array(repeating: "lead", count: 30) + Array(repeating: "customer", count: 30) + Array(repeating: "loyal", count: 30))
        let leadIDs = lines.prefix(30).map { String($0.split(separator: ",")[0]) }
        #expect(leadIDs == leadIDs.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    @Test func bucketsSpillToATemporaryFileAndComeBackInStageOrder() throws {
        var buckets = ExportBuckets(stages: ["a", "b", "c"], spillAt: 8)
        defer { buckets.close() }
        for (stage, row) in [("c", "c1,"), ("b", "b1,"), ("c", "c2-long-row,"), ("b", "b2,"), ("b", "b3,"), ("c", "c3,")] {
            let i = try #require(Array(stage.utf8).withUnsafeBufferPointer { buckets.index(of: $0) })
            try buckets.add(i) { $0 += Array(row.utf8) }
        }
        #expect(Array("x".utf8).withUnsafeBufferPointer { buckets.index(of: $0) } == nil)
        var out: [UInt8] = []
        try buckets.drain { out += $0 }
        #expect(String(decoding: out, as: UTF8.self) == "b1,b2,b3,c1,c2-long-row,c3,")
    }

    @Test func plainBytesAreWrittenAsCSVCellWritesThem() {
        let cases = ["plain", "=1", "  -2", "@x", "+y", "a,b", "a;b", "q\"q", "Özge", "👩‍👩‍👧", "", " ", "'=x", "\u{202E}x",
                     "\u{85}", "a\nb", "\u{7F}", "tab\tx", "\u{2066}"]
        for separator: UInt8 in [44, 59] {
            for s in cases {
                var out: [UInt8] = []
                let took = Array(s.utf8).withUnsafeBufferPointer { CSVCellBytes.appendText($0, separator: separator, to: &out) }
                let expected = CSVCell.text(s, separator: separator, keepingLineFeeds: true)
                if took { #expect(String(decoding: out, as: UTF8.self) == expected, "\(s.debugDescription)") }
                else { #expect(out.isEmpty && s.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) || SafeText.isBidiControl($0.value) }, "\(s.debugDescription)") }
            }
        }
        var out: [UInt8] = []
        #expect(![0x41, 0xC3].withUnsafeBufferPointer { CSVCellBytes.appendText($0, separator: 44, to: &out) }, "cut UTF-8 is refused")
        #expect(![0xED, 0xA0, 0x80].withUnsafeBufferPointer { CSVCellBytes.appendText($0, separator: 44, to: &out) }, "a surrogate is refused")
    }
}
