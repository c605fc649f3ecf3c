import Foundation
import Testing
@testable import LifecycleKit

/// The import works on the cells' bytes (ids, stages, dates checked without a `String` per cell;
/// the SQLite file written from the CSV buffer by batches of rows): it must decide and write
/// exactly what the text-based path does.
@Suite struct ImportBytesTests {
    static let scratch = try! Fixtures.temporaryDirectory()

    static let mapping = """
        [customers]
        id = "id"
        first_name = "first"
        last_name = "last"
        email = "email"
        stage = "stage"
        created_at = "created"
        segment = "segment"
        tags = "tags"
        tags_separator = ";"
        attributes = ["city", "score", "note"]
        """

    /// Row `i` of a file of `count` rows that has every kind of cell somewhere: names missing in
    /// part or whole, emails missing, numbers and texts needing escapes as attributes, tags with
    /// blanks and empty pieces, stages appearing in turn (ids made from the values).
    static func contacts(_ count: Int) -> String {
        let cities = ["Bonn", "-", "1e5", "-3.50", "Zoë", "a\"b", "back\\slash", "tab\there", "", "007", "x\u{85}y"]
        let tags = ["", "a; b ;;c", " ; ", "vip"]
        var text = "id,first,last,email,stage,created,segment,tags,city,score,note\n"
        for i in 1...count {
            let first = i % 5 == 0 ? "" : "Anna \(i)", last = i % 7 == 0 ? "" : "Lee, \(i % 3)"
            let email = i % 11 == 0 || i == 70 ? "" : "a\(i)@example.com"
            let city = cities[i % cities.count], stage = ["New", "Active Buyer", "Lapsed"][i % 3]
            let created = i % 13 == 0 ? "" : "2024-0\(1 + i % 9)-1\(i % 10) 0\(i % 10):30"
            text += "C\(i),\(first),\"\(last)\",\(email),\(stage),\(created),\(i % 4 == 0 ? "" : "seg\(i % 2)"),"
                + "\"\(tags[i % tags.count])\",\"\(city.replacingOccurrences(of: "\"", with: "\"\""))\",\(i % 6 == 0 ? "" : "\(i)"),\n"
        }
        return text
    }

    @Test func rowsGoingInByBatchesAreWrittenAsTheJSONImportWritesThem() throws {
        let rows = 3 * SQLiteImportBatch.rows + 17   // full batches and a partial one
        let input = try Fixtures.write(Self.contacts(rows), named: "many.csv", in: Self.scratch)
        let mapping = try Fixtures.write(Self.mapping, named: "many.toml", in: Self.scratch)
        let sqlite = try ImportBothFormatsTests.snapshot(input, .sqlite, mapping: mapping)
        let json = try ImportBothFormatsTests.snapshot(input, .json, mapping: mapping)
        ImportBothFormatsTests.expectSame(sqlite, json)
        #expect(sqlite.customers.count == rows)
        #expect(sqlite.customers[34].name == "a35@example.com" && sqlite.customers[34].tags == ["vip"])
        #expect(sqlite.customers[69].name == "C70" && sqlite.customers[69].email == nil)
        #expect(sqlite.customers[10].attributes == [Attribute("city", .string("Bonn")), Attribute("score", .number(11))])
        #expect(sqlite.customers[1].attributes.first == Attribute("city", .number(ExactNumber(text: "1e5")!)))
        #expect(sqlite.customers[0].tags == ["a", "b", "c"] && sqlite.customers[0].segment == "seg1" && sqlite.customers[5].tags == [])
        #expect(sqlite.customers.map(\.stage).prefix(3) == ["active-buyer", "lapsed", "new"])
    }

    /// As SQLite writes them: text through `sqlite3_bind_text` with the cell's own bytes.
    @Test func textIsStoredByteForByte() throws {
        let input = try Fixtures.write(Self.contacts(40), named: "bytes.csv", in: Self.scratch)
        let mapping = try Fixtures.write(Self.mapping, named: "bytes.toml", in: Self.scratch)
        let out = Self.scratch.appendingPathComponent("bytes-\(UUID().uuidString).sqlite").path
        _ = try SnapshotImport(input: input, output: out, kind: .sqlite, mapping: try ImportMapping.read(mapping)).run()
        let store = try SnapshotFile.open(out)
        let sink = CollectingSink()
        try store.export(to: sink)
        let zoe = try #require(sink.customers.first { $0.id == "C4" })
        #expect(zoe.attributes.first == Attribute("city", .string("Zoë")))
        #expect(Array(zoe.name.utf8) == Array("Anna 4 Lee, 1".utf8))
        #expect(sink.customers.first { $0.id == "C10" }?.attributes.first == Attribute("city", .string("x\u{85}y")))
    }

    /// A mapping that says UTF-8 for a file that is not: what is not UTF-8 is read as U+FFFD,
    /// the same in both formats (the SQLite file gets no invalid bytes from the CSV buffer).
    @Test func aFileToldUTF8ButNotIsRepairedTheSameBothWays() throws {
        var bytes = Array("id,first,last,email,stage,created,segment,tags,city,score,note\nC1,M".utf8)
        bytes += [0xFC, 0x6C, 0x6C, 0x65, 0x72] + Array(",,x@y.de,New,2024-01-02,,,B\u{FC}rg,1,\n".utf8).map { $0 == 0xC3 ? 0xFC : $0 }
        let input = Self.scratch.appendingPathComponent("latin.csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: input))
        let mapping = try Fixtures.write("encoding = \"utf-8\"\n" + Self.mapping, named: "latin.toml", in: Self.scratch)
        let sqlite = try ImportBothFormatsTests.snapshot(input, .sqlite, mapping: mapping)
        ImportBothFormatsTests.expectSame(sqlite, try ImportBothFormatsTests.snapshot(input, .json, mapping: mapping))
        #expect(sqlite.customers.first?.name == "M\u{FFFD}ller")
    }

    @Test func anImportedSQLiteFileHas16KiBPages() throws {
        let input = try Fixtures.write(Self.contacts(10), named: "pages.csv", in: Self.scratch)
        let mapping = try Fixtures.write(Self.mapping, named: "pages.toml", in: Self.scratch)
        let out = Self.scratch.appendingPathComponent("pages-\(UUID().uuidString).sqlite").path
        _ = try SnapshotImport(input: input, output: out, kind: .sqlite, mapping: try ImportMapping.read(mapping)).run()
        let header = try #require(FileManager.default.contents(atPath: out)).prefix(18)
        #expect(Int(header[16]) << 8 | Int(header[17]) == 16384)   // the page size, big-endian at offset 16
        #expect(!SnapshotFile.validate(out).hasErrors)
    }

    /// Ids are compared as Swift compares text: `é` as one scalar or as `e` and an accent, and
    /// the Kelvin sign and `K`, are the same id (as when ids were `String` keys).
    @Test func canonicallyEquivalentIDsAreDuplicates() throws {
        let text = "Record ID,Email,Lifecycle Stage\n"
            + "caf\u{E9},a@x.de,lead\n" + "caf\u{65}\u{301},b@x.de,lead\n" + "K1,c@x.de,lead\n" + "\u{212A}1,d@x.de,lead\n"
            + "cafe,e@x.de,lead\n"
        let input = try Fixtures.write(text, named: "nfc.csv", in: Self.scratch)
        let (r, _) = try ImportProblemTests.run(input)
        #expect(ImportProblemTests.problems(r) == [
            "nfc.csv row 3, column \"Record ID\": duplicate id cafe\u{301} (first in row 2)",
            "nfc.csv row 5, column \"Record ID\": duplicate id \u{212A}1 (first in row 4)",
        ])
    }

    @Test func idsAreCheckedOnTheirBytesAsOnTheirText() {
        for id in ["a", "C-1", String(repeating: "x", count: SnapshotFormat.maxIdentifierLength),
                   String(repeating: "x", count: SnapshotFormat.maxIdentifierLength + 1), "tab\tid", "del\u{7F}", "c1\u{85}",
                   "zoë", String(repeating: "é", count: SnapshotFormat.maxIdentifierLength), "e\u{301}" + String(repeating: "e", count: 63)] {
            var text = id
            let bytes = text.withUTF8 { CustomerRows.isValidID($0) }
            #expect(bytes == SnapshotFormat.isValidIdentifier(id), "\(id.debugDescription)")
        }
    }

    /// The check that decides between UTF-8 and Windows-1252 accepts what `String(validating:)` does.
    @Test func utf8CheckAgreesWithTheStandardLibrary() {
        let cases: [[UInt8]] = [
            Array("plain ascii, long enough to be read eight bytes at a time".utf8), Array("Zoë € 𝄞".utf8),
            [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80],
            [0xF0, 0x8F, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
            [0x41, 0xC3], [0xE2, 0x82], [0x80], [0xFF], Array("abcdefgh".utf8) + [0xE4] + Array("ijklmnop".utf8), [],
        ]
        for bytes in cases {
            #expect(UTF8Check.isValid(bytes) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
    }
}
