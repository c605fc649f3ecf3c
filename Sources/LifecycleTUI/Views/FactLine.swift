import LifecycleKit

/// A line of whole items joined by ` · ` (flags by two spaces): when they do not all fit,
/// the least important are left out, never cut. The header and the details lines use it.
enum FactLine {
    struct Item {
        var text: String
        /// Higher stays longer.
        var priority: Int
        var role: Role = .normal
        /// Flags (read-only, unsaved…) stand apart from the facts joined by ` · `.
        var isFlag = false
    }

    /// The items that fit in `width` columns, most important first, kept in their order.
    static func fitting(_ items: [Item], width: Int) -> [Item] {
        func used(_ chosen: [Item]) -> Int {
            chosen.enumerated().reduce(0) { sum, e in
                sum + DisplayWidth.of(SafeText.visible(e.element.text)) + (e.offset == 0 ? 0 : e.element.isFlag ? 2 : 3)
            }
        }
        var keep = Set<Int>()
        for i in items.indices.sorted(by: { items[$0].priority > items[$1].priority }) {
            let trial = keep.union([i])
            if used(items.indices.filter(trial.contains).map { items[$0] }) <= width { keep = trial }
        }
        return items.indices.filter(keep.contains).map { items[$0] }
    }

    /// Draws the items that fit between `x` and `x + width`; returns the columns used.
    @discardableResult
    static func draw(_ items: [Item], x: Int, y: Int, width: Int, separatorRole: Role = .normal, into grid: inout CellGrid) -> Int {
        var col = x
        for (i, item) in fitting(items, width: width).enumerated() {
            if i > 0 { col += grid.put(item.isFlag ? "  " : " · ", x: col, y: y, role: separatorRole) }
            col += grid.put(item.text, x: col, y: y, role: item.role)
        }
        return col - x
    }
}
