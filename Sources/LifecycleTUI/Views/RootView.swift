import LifecycleKit

/// The whole frame: a pure function of the state.
public enum RootView {
    public static func render(_ state: AppState) -> CellGrid {
        var grid = CellGrid(width: state.width, height: state.height)
        if state.isTooSmall {
            TooSmallView.draw(state, into: &grid)
            return grid
        }
        HeaderBar.draw(state, into: &grid)
        // The full screen shown, then the overlays on it.
        let base = state.stack.lastIndex { !$0.screen.isOverlay } ?? 0
        for entry in state.stack[base...] { entry.screen.draw(state, into: &grid) }
        StatusBar.draw(state, into: &grid)
        return grid
    }
}

/// The first row: what file, as of when, how big, and the file's state. Built from whole
/// items: when they do not all fit, the least important are left out (never cut).
enum HeaderBar {
    typealias Item = FactLine.Item

    /// The items in display order.
    static func items(_ state: AppState) -> [Item] {
        let n = state.changesSinceAsOf
        let asOf = n > 0 ? state.text(.uiAsOfWithChanges, .date(state.info.asOf), .count(n)) : state.text(.uiAsOf, .date(state.info.asOf))
        let revenue = state.funnel.report.map { state.text(.uiRevenue, .money($0.totals.revenue, currency: state.info.currency)) }
            ?? state.text(.uiRevenuePending)
        var items = [
            Item(text: "clc", priority: 1, role: .header),
            Item(text: state.info.name ?? state.fileLabel, priority: 6, role: .header),
            Item(text: asOf, priority: 9, role: .header),
            Item(text: state.text(.uiCustomers, .count(state.funnel.customerTotal)), priority: 5, role: .header),
            Item(text: revenue, priority: 4, role: .header),
        ]
        if state.readOnly { items.append(Item(text: state.text(.uiReadOnly), priority: 10, role: .header, isFlag: true)) }
        if state.unsaved { items.append(Item(text: state.text(.uiUnsaved), priority: 10, role: .header, isFlag: true)) }
        if state.indexing { items.append(Item(text: state.text(.uiIndexing), priority: 3, role: .pending, isFlag: true)) }
        if state.valuesComputing {
            items.append(Item(text: Message.inProgress(.prComputingValues).text(in: state.language), priority: 2, role: .pending, isFlag: true))
        }
        return items
    }

    static func draw(_ state: AppState, into grid: inout CellGrid) {
        grid.fill(x: 0, y: 0, width: grid.width, height: 1, role: .header)
        FactLine.draw(items(state), x: 1, y: 0, width: grid.width - 1, separatorRole: .header, into: &grid)
    }
}

/// The last row: a message, or the text being typed, or the work in progress; then the
/// key hints of the context.
enum StatusBar {
    static func draw(_ state: AppState, into grid: inout CellGrid) {
        grid.fill(x: 0, y: grid.height - 1, width: grid.width, height: 1, role: .statusBar)
        guard let x = drawLeft(state, into: &grid) else { return }
        for hint in hints(state, after: x, width: grid.width) {
            let w = grid.put(hint.key, x: hint.x, y: grid.height - 1, role: .statusKey)
            grid.put(" " + hint.help + "  ", x: hint.x + w, y: grid.height - 1, role: .statusBar)
        }
    }

    /// The left part: the text typed or the message; the columns used (nil: a prompt fills the bar).
    static func drawLeft(_ state: AppState, into grid: inout CellGrid) -> Int? {
        let y = grid.height - 1
        switch state.top.inputLine(state) {
        case .prompt(let prompt, let text):
            let x = grid.put(prompt, x: 0, y: y, role: .statusKey)
            grid.put(text + "▏", x: x, y: y, role: .statusBar)
            return nil
        case .query(let query, let found):
            // The query, then at once the customer it finds or that none matches.
            let x = grid.put(query + "▏", x: 0, y: y, role: .statusKey, maxWidth: grid.width / 2) + 1
            guard let found else { return x + message(state, x: x, into: &grid) }
            return x + grid.put(" " + found + " ", x: x, y: y, role: .message, maxWidth: grid.width - x) + 1
        case nil:
            return message(state, x: 0, into: &grid)
        }
    }

    /// A key hint where it is drawn.
    struct Hint {
        var key: String
        var help: String
        var x: Int
        var width: Int { DisplayWidth.of(key) + 1 + DisplayWidth.of(help) + 2 }
    }

    /// Hints, right-aligned after column `x`: the last two (help, quit) always, then as many
    /// others as fit. Drawing and mouse clicks both use it.
    static func hints(_ state: AppState, after x: Int, width gridWidth: Int) -> [Hint] {
        let all = KeyBindings.statusHints(in: state.context, state.language).map { Hint(key: $0.key, help: $0.help, x: 0) }
        let essential = Array(all.suffix(2))
        var used = essential.reduce(0) { $0 + $1.width }
        var pieces: [Hint] = []
        for h in all.dropLast(2) {
            if x + used + h.width > gridWidth { break }
            pieces.append(h)
            used += h.width
        }
        pieces += essential
        if x + used > gridWidth { return [] }
        var hx = gridWidth - used
        return pieces.map { h in
            var h = h
            h.x = hx
            hx += h.width
            return h
        }
    }

    /// The hints where the frame draws them (for a click on the status bar).
    static func hintRegions(_ state: AppState) -> [Hint] {
        var scratch = CellGrid(width: state.width, height: state.height)
        return drawLeft(state, into: &scratch).map { hints(state, after: $0, width: state.width) } ?? []
    }
}

extension StatusBar {
    /// The status message at `x`, if any; the columns used.
    static func message(_ state: AppState, x: Int, into grid: inout CellGrid) -> Int {
        let limit = max(0, min(grid.width * 2 / 3, grid.width - x))
        var used = 0
        if let busy = state.busy {
            // The work in progress, then any message (a key refused meanwhile says why).
            let count = busy.done.map { " " + state.formats.count($0) } ?? ""
            let text = " " + busy.label.text(in: state.language) + count + (busy.cancellable ? " · " + state.text(.uiEscCancels) : "") + " "
            used = grid.put(text, x: x, y: grid.height - 1, role: .pending, maxWidth: limit)
            guard state.status != nil, used < limit else { return used + 1 }
        }
        guard let message = state.status else { return 0 }
        let role: Role = message.kind == .error ? .error : message.kind == .warning ? .warning : .message
        return used + grid.put(" " + message.message.text(in: state.language) + " ", x: x + used, y: grid.height - 1, role: role, maxWidth: limit - used) + 1
    }
}

/// Shown instead of everything when the terminal is below the minimum size.
enum TooSmallView {
    static func draw(_ state: AppState, into grid: inout CellGrid) {
        let size = [AppState.minimumWidth, AppState.minimumHeight, state.width, state.height].map { MessageArgument.text(String($0)) }
        let lines = [state.text(.uiTooSmall), Message(.uiTooSmallSize, arguments: size).text(in: state.language), state.text(.uiTooSmallHint)]
        let top = max(0, (grid.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let w = min(grid.width, DisplayWidth.of(line))
            grid.put(line, x: max(0, (grid.width - w) / 2), y: top + i, role: i == 0 ? .warning : .normal)
        }
    }
}
