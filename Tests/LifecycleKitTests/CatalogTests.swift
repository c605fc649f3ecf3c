import Foundation
import Testing
@testable import LifecycleKit

/// The catalog: every key in every language, parsed, with the same arguments; plural forms.
@Suite struct CatalogTests {
    @Test(arguments: MessageKey.allCases)
    func everyKeyParsesInEveryLanguageWithTheSameArguments(key: MessageKey) throws {
        let english = try MessageTemplate.parse(Catalog.text(key, .en))
        for language in Language.allCases {
            let text = Catalog.text(key, language)
            #expect(!text.isEmpty, "\(key) is empty in \(language)")
            let template = try MessageTemplate.parse(text)
            #expect(template.placeholders == english.placeholders, "\(key): \(language) takes other arguments than English")
            #expect(Set(template.placeholders.keys) == Set(0..<template.placeholders.count),
                    "\(key): arguments must be numbered 0, 1, 2… without gaps")
        }
    }

    @Test(arguments: MessageKey.allCases)
    func everyKeyHasExactlyOneTextInEveryLanguage(key: MessageKey) {
        for language in Language.allCases {
            #expect(Catalog.lookup(key, language) != nil, "\(key) has no text in \(language)")
            let answering = Catalog.areas(language).filter { $0(key) != nil }.count
            #expect(answering == 1, "\(key) is answered by \(answering) areas in \(language)")
        }
    }

    @Test(arguments: MessageKey.allCases)
    func germanIsTranslated(key: MessageKey) {
        // "{0}: {1}" and "null" in every language; terms German uses as they are.
        let same: Set<MessageKey> = [.moveIO, .jsonNull, .columnParameter, .columnID, .columnName, .columnCLV, .columnRFM, .rfmChampions, .uiColumnName, .uiColumnSegment, .uiFilterTitle, .stJoined, .stSearchHit, .prInProgress, .stText, .modelLinear, .diffTitle, .uiModelLinearShort, .uiModelPositionShort, .importMappingSyntax]   // "{0}: {1}", "null", "Name", "Segment", "Filter", joints, "linear", "Linear", "Position", "{0} ({1}) → {2} ({3})"
        #expect(same.contains(key) || Catalog.text(key, .de) != Catalog.text(key, .en), "\(key) is not translated")
    }

    @Test func pluralFormsFor0_1_2() {
        let summary = { (errors: Int, warnings: Int, language: Language) in
            Message(.validateSummary, .text("a.json"), .count(errors), .count(warnings)).text(in: language)
        }
        #expect(summary(0, 1, .en) == "a.json: 0 errors, 1 warning")
        #expect(summary(1, 2, .en) == "a.json: 1 error, 2 warnings")
        #expect(summary(0, 1, .de) == "a.json: 0 Fehler, 1 Warnung")
        #expect(summary(1, 2, .de) == "a.json: 1 Fehler, 2 Warnungen")
        let more = { (n: Int, language: Language) in Message(.moreWarnings, .count(n)).text(in: language) }
        #expect(more(1, .de) == "… und 1 weitere Warnung")
        #expect(more(2, .de) == "… und 2 weitere Warnungen")
        #expect(more(1_204, .de) == "… und 1.204 weitere Warnungen")
        #expect(more(1, .en) == "… and 1 more warning")
        #expect(more(0, .en) == "… and 0 more warnings")
    }

    @Test func argumentsAreFormattedByTheLanguageAndDataIsMadeSafe() {
        let at = Timestamp("2026-11-23T00:30:00Z")!
        let moved = Message(.moved, .text("Anna\u{1B}[31m"), .text("C-1"), .text("Awareness"), .text("Loyalty"), .time(at), .text("ben"))
        #expect(moved.text(in: .en) == "Moved Anna^[[31m (C-1): Awareness → Loyalty at 2026-11-23T00:30:00Z by ben")
        #expect(moved.text(in: .de) == "Anna^[[31m (C-1) verschoben: Awareness → Loyalty am 23.11.2026, 00:30 UTC von ben")
        #expect(moved.description == moved.text(in: .en))
    }

    @Test func nestedMessagesAreRenderedInTheSameLanguage() {
        let conflict = MoveConflict(customerID: "C-1", expectedStage: "a", actualStage: nil, lastTransition: nil)
        #expect(Message(.notMoved, .message(conflict.message)).text(in: .de) == "nicht verschoben: C-1 existiert nicht mehr")
        #expect(conflict.description == "C-1 no longer exists")
        let by = Transition(customerID: "C-1", from: "a", to: "b", at: Timestamp("2026-11-02T10:42:00Z")!, by: "ben")
        let there = AlreadyThere(customerID: "C-1", stage: "b", lastTransition: by)
        #expect(there.description == "C-1 is already in b (moved there by ben at 2026-11-02T10:42:00Z)")
        #expect(there.message.text(in: .de) == "C-1 ist bereits in b (dorthin verschoben von ben am 02.11.2026, 10:42 UTC)")
    }

    @Test func jsonSyntaxAndCSVProblemsInGerman() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let broken = try Fixtures.write(#"{"x": 1 "y": 2}"#, named: "broken.json", in: dir)
        #expect(SnapshotFile.validate(broken).lines(language: .de)
                    == [#"Fehler: line 1, column 9: ',' oder '}' nach Objektelement erwartet, gefunden: '"'"#])
        let csv = try Fixtures.write("id;name\n1;Anna\n", named: "export.json", in: dir)
        #expect(SnapshotFile.validate(csv).lines(language: .de).first?.hasPrefix("Fehler: sieht nach CSV aus (durch Semikolon getrennt, kein JSON)") == true)
        #expect(SnapshotFile.validate(csv).lines().first?.hasPrefix("error: looks like CSV (semicolon-separated, not JSON)") == true)
    }

    @Test func brokenTemplatesAreRefused() throws {
        for text in ["{", "}", "{x}", "{0, plural, one {a}}", "{0, plural, few {a} other {b}", "{0, select, a {b}}"] {
            #expect(throws: TemplateSyntaxError.self, "\(text)") { try MessageTemplate.parse(text) }
        }
        #expect(try MessageTemplate.parse("{0, plural, one {# a {1}} other {# b}}").placeholders == [0: true, 1: false])
        #expect(Message(.syntaxFound, .message(Message(.expectCommaOrBrace)), .text("x")).text(in: .en)
                    == "expected ',' or '}' after object member, found 'x'")
    }
}
