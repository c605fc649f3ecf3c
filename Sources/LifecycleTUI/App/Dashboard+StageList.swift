import LifecycleKit

extension Dashboard {
    mutating func handleStageList(_ action: Action, _ list: inout StageListState) {
        let page = StageListLayout.visibleRows(height: state.height)
        switch action {
        case .down: moveCursor(&list, to: list.cursor + 1)
        case .up: moveCursor(&list, to: list.cursor - 1)
        case .pageDown: moveCursor(&list, to: list.cursor + page)
        case .pageUp: moveCursor(&list, to: list.cursor - page)
        case .top: moveCursor(&list, to: 0)
        case .bottom: moveCursor(&list, to: list.total - 1)
        case .nextStage, .previousStage:
            let n = state.stages.count
            list.stageIndex = (list.stageIndex + (action == .nextStage ? 1 : n - 1)) % n
            state.funnel.selected = list.stageIndex
            list.cursor = 0
            list.top = 0
            reload(&list)
        case .sortNext:
            let cycle = StageListState.sortCycle
            let next = cycle[((cycle.firstIndex(of: list.sort.field) ?? -1) + 1) % cycle.count]
            list.sort = CustomerSort(next, descending: false)
            resort(&list)
        case .sortFlip:
            list.sort.descending.toggle()
            resort(&list)
        case .search:
            list.searchInput = ""
            list.searchOrigin = list.cursor
        case .searchNext, .searchPrevious:
            guard let query = list.lastSearch else {
                state.status = StatusMessage("no search yet: press / to search", kind: .warning)
                return
            }
            let forward = action == .searchNext
            jumpToMatch(&list, query, from: list.cursor + (forward ? 1 : -1), forward: forward)
        case .filter:
            guard let segments = attempt("reading segments", { try $0.segments() }),
                  let channels = attempt("reading channels", { try $0.channels() }) else { return }
            state.overlay = .filterPicker(FilterPickerState(segments: segments, channels: channels, current: list.filter))
        case .clearFilter:
            guard !list.filter.isEmpty else { return }
            list.filter = .none
            list.cursor = 0
            list.top = 0
            reload(&list)
            state.status = StatusMessage("filter cleared")
        case .open:
            guard let row = list.row(at: list.cursor) else { return }
            openJourney(row.customer.id)
        case .mark:
            guard let row = list.row(at: list.cursor) else { return }
            if list.marked.removeValue(forKey: row.customer.id) == nil { list.marked[row.customer.id] = row.customer.stage }
            moveCursor(&list, to: list.cursor + 1)
        case .markAll:
            let stage = state.stages[list.stageIndex].id
            let filter = list.filter, sort = list.sort, total = list.total
            guard let rows = attempt("marking", { try $0.customers(inStage: stage, filter: filter, sort: sort, offset: 0, limit: total) }) else { return }
            for r in rows { list.marked[r.customer.id] = r.customer.stage }
            state.status = StatusMessage("\(NumberText.grouped(list.marked.count)) marked · m moves them · c clears")
        case .clearMarks:
            list.marked.removeAll()
            state.status = StatusMessage("marks cleared")
        default: break
        }
    }

    /// Re-reads the count and the rows around the cursor (new stage, filter or sort).
    mutating func reload(_ list: inout StageListState) {
        let stage = state.stages[list.stageIndex].id
        let filter = list.filter
        list.total = attempt("counting customers") { try $0.customerCount(inStage: stage, filter: filter) } ?? 0
        list.cursor = max(0, min(list.cursor, list.total - 1))
        list.rows = []
        scrollIntoView(&list)
        loadRows(&list)
    }

    /// A new order keeps the selected customer selected when it can be found cheaply,
    /// else goes to the top.
    private mutating func resort(_ list: inout StageListState) {
        list.cursor = 0
        list.top = 0
        reload(&list)
        state.status = StatusMessage("sorted by \(StageListColumns.title(of: list.sort.field)) \(StageListColumns.arrow(list.sort))")
    }

    mutating func moveCursor(_ list: inout StageListState, to index: Int) {
        guard list.total > 0 else { return }
        list.cursor = max(0, min(list.total - 1, index))
        scrollIntoView(&list)
        loadRows(&list)
    }

    func scrollIntoView(_ list: inout StageListState) {
        let page = StageListLayout.visibleRows(height: state.height)
        if list.cursor < list.top { list.top = list.cursor }
        if list.cursor >= list.top + page { list.top = list.cursor - page + 1 }
        list.top = max(0, min(list.top, max(0, list.total - page)))
    }

    /// Makes sure the visible rows are loaded: one query for a window of three pages.
    mutating func loadRows(_ list: inout StageListState) {
        let page = StageListLayout.visibleRows(height: state.height)
        let end = min(list.total, list.top + page)
        let loadedEnd = list.rowsOffset + list.rows.count
        if list.top >= list.rowsOffset && end <= loadedEnd && !(list.rows.isEmpty && list.total > 0) { return }
        let offset = max(0, list.top - page)
        let limit = page * 3
        let stage = state.stages[list.stageIndex].id
        let filter = list.filter, sort = list.sort
        if let rows = attempt("loading customers", {
            try $0.customers(inStage: stage, filter: filter, sort: sort, offset: offset, limit: limit)
        }) {
            list.rows = rows
            list.rowsOffset = offset
        }
    }

    // MARK: search

    mutating func handleSearchInput(_ key: Key) {
        guard case .stageList(var list) = state.screen, var input = list.searchInput else { return }
        switch key {
        case .enter:
            list.searchInput = nil
            if !input.isEmpty { list.lastSearch = input }
            if state.status?.kind != .warning {  // keep "no match" visible
                state.status = input.isEmpty ? nil : StatusMessage("/\(input)  (n next, N previous)")
            }
        case .escape:
            list.searchInput = nil
            moveCursor(&list, to: list.searchOrigin)
            state.status = nil
        case .backspace:
            if !input.isEmpty { input.removeLast() }
            list.searchInput = input
            if !input.isEmpty { jumpToMatch(&list, input, from: list.searchOrigin, forward: true) }
        case .char(let c):
            input.append(c)
            list.searchInput = input
            jumpToMatch(&list, input, from: list.searchOrigin, forward: true)
        default:
            break
        }
        state.screen = .stageList(list)
    }

    private mutating func jumpToMatch(_ list: inout StageListState, _ query: String, from start: Int, forward: Bool) {
        guard list.total > 0 else { return }
        let stage = state.stages[list.stageIndex].id
        let filter = list.filter, sort = list.sort
        let from = (start % list.total + list.total) % list.total
        let found = attempt("searching") {
            try $0.indexOfMatch(query, inStage: stage, filter: filter, sort: sort, from: from, forward: forward)
        }
        guard let index = found ?? nil else {
            state.status = Self.noMatch(query)
            return
        }
        if list.searchInput == nil {
            let wrapped = forward ? index < list.cursor : index > list.cursor
            state.status = StatusMessage("/\(query)" + (wrapped ? "  (search wrapped)" : ""))
        } else {
            state.status = nil
        }
        moveCursor(&list, to: index)
    }

    // MARK: filter

    mutating func handleFilterPicker(_ action: Action, _ picker: FilterPickerState) {
        var p = picker
        switch action {
        case .back: state.overlay = nil; return
        case .down:
            if p.column == 0 { p.segmentIndex = min(p.segments.count - 1, p.segmentIndex + 1) } else { p.channelIndex = min(p.channels.count - 1, p.channelIndex + 1) }
        case .up:
            if p.column == 0 { p.segmentIndex = max(0, p.segmentIndex - 1) } else { p.channelIndex = max(0, p.channelIndex - 1) }
        case .nextStage: p.column = 1
        case .previousStage: p.column = 0
        case .clearFilter: p.segmentIndex = 0; p.channelIndex = 0
        case .open:
            state.overlay = nil
            guard case .stageList(var list) = state.screen else { return }
            list.filter = p.filter
            list.cursor = 0
            list.top = 0
            reload(&list)
            state.screen = .stageList(list)
            state.status = StatusMessage(list.filter.isEmpty ? "filter cleared" : "filtered: \(NumberText.grouped(list.total)) customers")
            return
        default: break
        }
        state.overlay = .filterPicker(p)
    }

    // MARK: journey

    mutating func openJourney(_ id: String) {
        guard let loaded = attempt("opening the journey", { store -> JourneyState? in
            guard let customer = try store.customer(id: id) else { return nil }
            return JourneyState(customer: customer, transitions: try store.transitions(ofCustomer: id),
                                touchpoints: try store.touchpoints(ofCustomer: id))
        }) else { return }
        guard let journey = loaded else {
            state.status = StatusMessage("customer \(id) no longer exists", kind: .warning)
            return
        }
        state.stack.append(.journey(journey))
    }
}
