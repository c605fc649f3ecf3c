import Testing
@testable import LifecycleKit

@Suite struct SQLiteJSONFieldsTests {
    func tags(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { SQLiteJSONFields.tags($0) }
    }

    func attributes(_ text: String) -> [Attribute]? {
        var text = text
        return text.withUTF8 { SQLiteJSONFields.attributes($0) }
    }

    @Test func tagsWithEscapes() {
        #expect(tags("[]") == [])
        #expect(tags(" [ \"a\" , \"b\\\"c\" ] ") == ["a", "b\"c"])
        #expect(tags(#"["\u00e9\ud83d\ude00\n\t\\\/\u0000"]"#) == ["é😀\n\t\\/\u{0}"])
        #expect(tags(#"["Zoë 🙂"]"#) == ["Zoë 🙂"])
    }

    @Test(arguments: ["", "vip", "[", "[\"a\",]", "[\"a\" \"b\"]", "[1]", "[\"a\"] x", "{}", "[\"\\x\"]",
                      "[\"\\ud83d\"]", "[\"tab\there\"]", "[null]"])
    func rejectsAnythingButAnArrayOfStrings(_ text: String) {
        #expect(tags(text) == nil)
    }

    @Test func attributesOfEachType() {
        #expect(attributes("{}") == [])
        #expect(attributes(#"{"city":"Bonn", "n": -12.5e2, "zero": 0, "ok": true, "no": false, "city": "Köln"}"#) == [
            Attribute("city", .string("Bonn")), Attribute("n", .number(ExactNumber(text: "-12.5e2")!)), Attribute("zero", .number(0)),
            Attribute("ok", .bool(true)), Attribute("no", .bool(false)), Attribute("city", .string("Köln")),
        ])
    }

    @Test(arguments: ["[]", "{\"a\":null}", "{\"a\":[1]}", "{\"a\":{}}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}",
                      "{\"a\":tru}", "{a:1}", "{\"a\" 1}", "{\"a\":1,}", "{\"a\":1}}"])
    func rejectsAnythingButAFlatObject(_ text: String) {
        #expect(attributes(text) == nil)
    }
}
