import Testing
@testable import LifecycleTUI

@Suite struct CellGridTests {
    @Test func wideCharactersTakeTwoCellsAndAreNeverSplit() {
        var g = CellGrid(width: 7, height: 1)
        let used = g.put("李小龍李", x: 0, y: 0)
        #expect(used == 7)
        #expect(g.lines == ["李小龍…"])   // 4 wide characters need 8 columns: cut with an ellipsis
        #expect(g[1, 0].isContinuation)
        var h = CellGrid(width: 5, height: 1)
        h.put("ab李", x: 0, y: 0, maxWidth: 3)
        #expect(h.lines == ["ab…"])
    }

    @Test func escapeSequencesAreShownNotSent() {
        var g = CellGrid(width: 20, height: 1)
        g.put("x\u{1B}[2Jy\u{07}", x: 0, y: 0)
        #expect(g.lines == ["x^[[2Jy^G"])
        #expect(!g.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 } })
    }

    @Test func rightToLeftOverrideCannotReorderARow() {
        var g = CellGrid(width: 30, height: 1)
        g.put("\u{202E}olleh", x: 0, y: 0, width: 13)
        g.put("|next", x: 13, y: 0)
        #expect(g.lines == ["<U+202E>olleh|next"])
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var g = CellGrid(width: 6, height: 1)
        g.put("李李李", x: 0, y: 0)
        g.put("x", x: 3, y: 0)
        #expect(g.lines == ["李 x李"])
        g.put("y", x: 0, y: 0)
        #expect(g.lines == ["y  x李"])
    }

    @Test func combiningMarksJoinTheirBase() {
        var g = CellGrid(width: 6, height: 1)
        g.put("e\u{301}e\u{301}", x: 0, y: 0)
        #expect(g.lines == ["e\u{301}e\u{301}"])
        #expect(g[2, 0].text == " ")
    }

    @Test func writesOutsideTheGridAreClipped() {
        var g = CellGrid(width: 4, height: 2)
        #expect(g.put("hello", x: 2, y: 1) == 2)
        #expect(g.put("x", x: 9, y: 0) == 0)
        #expect(g.put("x", x: 0, y: 5) == 0)
        #expect(g.lines == ["", "  h…"])
        g.put("right", x: 0, y: 0, width: 4, alignRight: true)
        #expect(g.lines[0] == "rig…")
    }
}
