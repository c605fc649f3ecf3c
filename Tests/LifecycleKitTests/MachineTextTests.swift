import Foundation
import Testing
@testable import LifecycleKit

/// JSON strings and CSV cells as clc writes them: no byte that could act on a terminal, and
/// no cell a spreadsheet would evaluate.
@Suite struct MachineTextTests {
    @Test func jsonEscapesC0DelC1AndBidiControls() throws {
        let text = "a\u{1b}]0;t\u{7}\u{7f}\u{80}\u{85}\u{9b}\u{9f}\u{a0}é\u{202a}\u{202e}\u{2066}\u{2069}\u{200e}\u{61c}中🙂\u{2028}"
        let json = JSONText.string(text)
        #expect(json == #""a\u001b]0;t\u0007\u007f\u0080\u0085\u009b\u009f"# + "\u{a0}é" + #"\u202a\u202e\u2066\u2069\u200e\u061c"# + "中🙂\u{2028}\"")
        // Valid JSON that reads back to the same text, through our parser and Foundation's.
        let decoded = try JSONSerialization.jsonObject(with: Data("[\(json)]".utf8)) as? [String]
        #expect(decoded == [text])
        let bytes = Array("[\(json)]".utf8)
        #expect(bytes.withUnsafeBufferPointer { SQLiteJSONFields.tags($0) } == [text])
    }

    @Test func jsonKeepsBrokenLookingButValidSequences() {
        // Lead bytes of the escaped ranges followed by other characters stay as they are.
        #expect(JSONText.string("\u{a9}\u{200b}\u{2030}\u{600}") == "\"\u{a9}\u{200b}\u{2030}\u{600}\"")
    }

    @Test(arguments: [("=1+2", "'=1+2"), ("-3", "'-3"), ("+4", "'+4"), ("@x", "'@x"), ("  =A1", "'  =A1"),
                      ("\t=1", "^I=1"), ("\r=1", "^M=1"), ("=1,2", "\"'=1,2\""), ("a-b", "a-b"), ("", ""),
                      ("say \"hi\"", "\"say \"\"hi\"\"\""), ("\u{1b}]0;t\u{7}", "^[]0;t^G"), ("a\nb", "a^Jb"),
                      ("\u{9b}\u{202e}x", "<9B><U+202E>x"), ("👨‍👩‍👧", "👨‍👩‍👧")])
    func csvTextCells(_ input: String, _ expected: String) {
        #expect(CSVCell.text(input) == expected)
    }

    @Test func csvNumbersStayNumbers() {
        #expect(CSVCell.row([CSVCell.text("-3"), CSVCell.number("-3.5"), CSVCell.number("")]) == "'-3,-3.5,")
    }
}
