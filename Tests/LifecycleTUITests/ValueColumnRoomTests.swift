import Foundation
import Testing
@testable import LifecycleKit
@testable import LifecycleTUI

/// The value columns never take away what a list showed without them: every column is still
/// there and every cell reads as it did; they get only the room left over, except the one the
/// list is sorted or filtered by.
@Suite struct ValueColumnRoomTests {
    /// The lists of the golden screens: a dashboard, the keys to the list.
    static let lists: [(name: String, keys: String)] = [
        ("hand-made purchase", "jj<Enter>j"), ("hand-made awareness", "<Enter>"),
        ("hand-made awareness, B2C", "<Enter>fjj<Enter>"), ("cdnow retention", "j<Enter>jj"),
        ("value-demo new", "<Enter>"), ("value-demo by CLV", "<Enter>" + ValueColumnsTests.toCLV + "S"),
        ("value-demo at risk", "<Enter>f<Tab><Tab>j<Enter>"),
    ]
    static let sizes = [(60, 20), (80, 24), (100, 20), (100, 30), (120, 40)]

    static func dashboard(_ name: String, _ size: (Int, Int), _ language: Language) throws -> Dashboard {
        var d: Dashboard
        if name.hasPrefix("cdnow") {
            d = try TUITest.cdnowDashboard(width: size.0, height: size.1)
        } else if name.hasPrefix("value-demo") {
            d = try ValueColumnsTests.dashboard(size, .en)
        } else {
            d = try TUITest.dashboard(width: size.0, height: size.1)
        }
        d.state.language = language
        return d
    }

    /// The cell of `row` (nil: the header) as a column `width` wide shows it.
    static func shown(_ row: CustomerSummary?, _ c: StageListColumns.Column, width: Int, _ state: AppState) -> String {
        SafeText.truncated(SafeText.visible(row.map { StageListView.cell($0, c.field, state) } ?? c.text), width: width)
    }

    @Test(arguments: lists.map(\.name), [Language.en, .de])
    func noColumnLosesAnythingToTheValueColumns(list name: String, language: Language) throws {
        for size in Self.sizes {
            var d = try Self.dashboard(name, size, language)
            TUITest.press(Self.lists.first { $0.name == name }!.keys, &d)
            let list = try #require((d.state.top as? StageListScreen)?.list)
            var without = d.state
            without.valuesInLists = false
            let before = StageListView.columns(list, without, width: size.0, height: size.1)
            let after = StageListView.columns(list, d.state, width: size.0, height: size.1)
            let rows = (list.top..<min(list.total, list.top + StageListLayout.visibleRows(height: size.1))).compactMap { list.row(at: $0) }
            for (c, _, w) in before {
                guard let (_, _, w2) = after.first(where: { $0.column.field == c.field }) else {
                    // Only the column sorted by may push one out (60 columns by CLV: last touch).
                    if StageListColumns.always(list).isEmpty { Issue.record("\(name) \(size) \(language): \(c.field) missing with values") }
                    continue
                }
                for row in [nil] + rows.map(Optional.some) {
                    #expect(Self.shown(row, c, width: w, d.state) == Self.shown(row, c, width: w2, d.state),
                            "\(name) \(size) \(language): \(c.field) \(w) → \(w2)")
                }
            }
        }
    }

    /// The room left over goes to CLV, P(alive), RFM segment in that order; a column of dashes
    /// gets none; the column sorted or filtered by is there even without room.
    @Test func valueColumnsTakeTheRoomLeftOver() throws {
        func header(_ name: String, _ size: (Int, Int), _ language: Language = .en) throws -> String {
            var d = try Self.dashboard(name, size, language)
            TUITest.press(Self.lists.first { $0.name == name }!.keys, &d)
            return RootView.render(d.state).lines[2]
        }
        let wide = try header("hand-made purchase", (120, 40))
        // Name and email need 16 + 17 of their 34 + 33 cells: room for CLV and P(alive), not RFM segment.
        #expect(wide.contains("CLV") && wide.contains("P(alive)") && !wide.contains("RFM segment"))
        #expect(!(try header("hand-made purchase", (80, 24))).contains("CLV"))
        // German: the wider Kontakte/Zuletzt columns leave the same room at 120 (CLV, P(aktiv)), none at 80.
        let german = try header("hand-made purchase", (120, 40), .de)
        #expect(german.contains("CLV") && german.contains("P(aktiv)") && !german.contains("RFM-Segment"))
        #expect(!(try header("hand-made purchase", (80, 24), .de)).contains("CLV"))
        // Awareness: every CLV and P(alive) is — (no purchases): not shown, however wide.
        #expect(!(try header("hand-made awareness", (120, 40), .de)).contains("CLV"))
        #expect(try header("hand-made awareness", (80, 24), .de).contains("Segment"))
        #expect(try header("value-demo by CLV", (60, 20)).contains("CLV↓"))
        #expect(try header("value-demo new", (120, 40)).contains("RFM segment"))
        #expect(!(try header("value-demo new", (60, 20))).contains("P(alive)"))
        let atRisk = try header("value-demo at risk", (60, 20))   // filtered by P(alive)
        #expect(atRisk.contains("P(alive)") && !atRisk.contains("CLV"))
    }
}
