import LifecycleKit

/// `/` in a list: the search line (moving to the first match as you type), `n` and `N`.
extension StageListScreen {
    mutating func startSearch(_ action: Action, _ app: inout AppState, _ commands: inout ScreenCommands) {
        if action == .search {
            list.searchInput = ""
            list.searchOrigin = list.cursor
            return
        }
        guard let query = list.lastSearch else {
            app.status = StatusMessage(.stNoSearchYet, kind: .warning)
            return
        }
        let forward = action == .searchNext
        findMatch(query, from: list.cursor + (forward ? 1 : -1), forward: forward, app, &commands)
    }

    /// A key on the search line (the `listSearch` rows of the binding table; other keys are typed).
    mutating func typeSearch(_ input: ScreenInput, _ app: inout AppState, _ commands: inout ScreenCommands) {
        guard var text = list.searchInput else { return }
        switch input {
        case .action(.open, _):
            list.searchInput = nil
            if !text.isEmpty { list.lastSearch = text }
            if app.status?.kind != .warning {  // keep "no match" visible
                app.status = text.isEmpty ? nil : StatusMessage(.stSearchTyped, .text(text))
            }
        case .action(.back, _):
            list.searchInput = nil
            moveCursor(to: list.searchOrigin, app, &commands)
            app.status = nil
        default:
            guard InputLine.edit(&text, input) else { return }
            list.searchInput = text
            if !text.isEmpty { findMatch(text, from: list.searchOrigin, forward: true, app, &commands) }
        }
    }

    /// Asks for the next match; each key typed supersedes the search before it.
    mutating func findMatch(_ text: String, from start: Int, forward: Bool, _ app: AppState, _ commands: inout ScreenCommands) {
        guard list.total > 0 else { return }
        let q = list.query(app.stages), total = list.total, cursor = list.cursor
        commands.run("search", Message(.prSearching, .text(text))) { env in
            try StageListLoading.match(text, q, total: total, from: start, forward: forward, cursor: cursor, in: env.store)
        }
    }

    mutating func jump(_ hit: StageListLoading.Hit, _ app: inout AppState, _ commands: inout ScreenCommands) {
        guard let index = hit.index else {
            app.status = Dashboard.noMatch(hit.query)
            return
        }
        if list.searchInput == nil {
            let wrapped = hit.forward ? index < hit.from : index > hit.from
            app.status = StatusMessage(wrapped ? .stSearchWrapped : .stSearchHit, .text(hit.query))
        } else {
            app.status = nil
        }
        moveCursor(to: index, app, &commands)
    }
}
