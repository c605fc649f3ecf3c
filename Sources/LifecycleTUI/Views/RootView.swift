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
        switch state.screen {
        case .funnel: FunnelView.draw(state, into: &grid)
        case .stageList(let list): StageListView.draw(list, state, into: &grid)
        case .journey(let journey): JourneyView.draw(journey, state, into: &grid)
        }
        switch state.overlay {
        case .help(let scroll): HelpOverlay.draw(state, scroll: scroll, into: &grid)
        case .filterPicker(let picker): FilterPickerOverlay.draw(picker, into: &grid)
        case .stagePicker(let plan): MoveOverlays.drawPicker(plan, state, into: &grid)
        case .confirm(let plan): MoveOverlays.drawConfirm(plan, state, into: &grid)
        case .quitPrompt: MoveOverlays.drawQuitPrompt(into: &grid)
        case .staleJournal(let stale): StaleJournalOverlay.draw(stale, state, into: &grid)
        case nil: break
        }
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
        var asOf = "as of \(state.info.asOf.dateString)"
        let n = state.changesSinceAsOf
        if n > 0 { asOf += " · \(NumberText.grouped(n)) change\(n == 1 ? "" : "s") since" }
        let revenue = state.funnel.report.map { "revenue \(NumberText.fixed($0.totals.revenue, decimals: 2)) \(state.info.currency)" } ?? "revenue …"
        var items = [
            Item(text: "clc", priority: 1, role: .header),
            Item(text: state.info.name ?? state.fileLabel, priority: 6, role: .header),
            Item(text: asOf, priority: 9, role: .header),
            Item(text: "\(NumberText.grouped(state.funnel.customerTotal)) customers", priority: 5, role: .header),
            Item(text: revenue, priority: 4, role: .header),
        ]
        if state.readOnly { items.append(Item(text: "[read-only]", priority: 10, role: .header, isFlag: true)) }
        if state.unsaved { items.append(Item(text: "● unsaved changes (w saves)", priority: 10, role: .header, isFlag: true)) }
        if state.indexing { items.append(Item(text: "indexing for fast sorting…", priority: 3, role: .pending, isFlag: true)) }
        return items
    }

    static func draw(_ state: AppState, into grid: inout CellGrid) {
        grid.fill(x: 0, y: 0, width: grid.width, height: 1, role: .header)
        FactLine.draw(items(state), x: 1, y: 0, width: grid.width - 1, separatorRole: .header, into: &grid)
    }
}

/// The last row: a message, or the search being typed, then the key hints of the context.
enum StatusBar {
    static func draw(_ state: AppState, into grid: inout CellGrid) {
        let y = grid.height - 1
        grid.fill(x: 0, y: y, width: grid.width, height: 1, role: .statusBar)
        var x = 0
        if let name = state.saveAsInput {
            x = grid.put("File changed on disk. Save as (Enter saves, Esc cancels): ", x: 0, y: y, role: .statusKey)
            grid.put(name + "▏", x: x, y: y, role: .statusBar)
            return
        }
        if let plan = state.noteInput {
            let prompt = "Note for the move to \(state.stages[plan.target].name) (Enter moves, Esc cancels): "
            x = grid.put(prompt, x: 0, y: y, role: .statusKey)
            x += grid.put(plan.note + "▏", x: x, y: y, role: .statusBar) + 2
            return
        } else if let search = state.globalSearch, state.overlay == nil {
            // The query, then at once the customer it finds or that none matches.
            x = grid.put("all stages /" + search.input + "▏", x: 0, y: y, role: .statusKey, maxWidth: grid.width / 2) + 1
            if let label = search.label {
                x += grid.put(" " + label + " (Enter opens) ", x: x, y: y, role: .message, maxWidth: grid.width - x) + 1
            } else {
                x += message(state, x: x, into: &grid)
            }
        } else if case .stageList(let list) = state.screen, state.overlay == nil, let input = list.searchInput {
            x = grid.put("/" + input + "▏", x: 0, y: y, role: .statusKey, maxWidth: grid.width / 2) + 1
            x += message(state, x: x, into: &grid)
        } else {
            x = message(state, x: 0, into: &grid)
        }
        // Hints, right-aligned: the last two (help, quit) always, then as many others as fit.
        let hints = KeyBindings.statusHints(in: state.context)
        func width(_ h: (key: String, help: String)) -> Int { DisplayWidth.of(h.key) + 1 + DisplayWidth.of(h.help) + 2 }
        let essential = Array(hints.suffix(2))
        var used = essential.reduce(0) { $0 + width($1) }
        var pieces: [(key: String, help: String)] = []
        for h in hints.dropLast(2) {
            if x + used + width(h) > grid.width { break }
            pieces.append(h)
            used += width(h)
        }
        pieces += essential
        if x + used > grid.width { pieces = []; used = 0 }
        var hx = grid.width - used
        for (key, help) in pieces where hx >= 0 {
            hx += grid.put(key, x: hx, y: y, role: .statusKey)
            hx += grid.put(" " + help + "  ", x: hx, y: y, role: .statusBar)
        }
    }
}

extension StatusBar {
    /// The status message at `x`, if any; the columns used.
    static func message(_ state: AppState, x: Int, into grid: inout CellGrid) -> Int {
        guard let message = state.status else { return 0 }
        let role: Role = message.kind == .error ? .error : message.kind == .warning ? .warning : .message
        let limit = max(0, min(grid.width * 2 / 3, grid.width - x))
        return grid.put(" " + message.text + " ", x: x, y: grid.height - 1, role: role, maxWidth: limit) + 1
    }
}

/// Shown instead of everything when the terminal is below the minimum size.
enum TooSmallView {
    static func draw(_ state: AppState, into grid: inout CellGrid) {
        let lines = ["terminal too small", "(needs \(AppState.minimumWidth)×\(AppState.minimumHeight), is \(state.width)×\(state.height))",
                     "enlarge it, or press q to quit"]
        let top = max(0, (grid.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let w = min(grid.width, DisplayWidth.of(line))
            grid.put(line, x: max(0, (grid.width - w) / 2), y: top + i, role: i == 0 ? .warning : .normal)
        }
    }
}
