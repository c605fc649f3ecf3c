import LifecycleKit

/// Results of the list's effects, and the values its overlays hand back.
extension StageListScreen {
    public mutating func receive(_ slot: String, _ result: Result<EffectValue, EffectFailure>, _ app: inout AppState,
                                 _ commands: inout ScreenCommands) {
        let value: any Sendable
        switch result {
        case .success(let v): value = v.value
        case .failure(let f):
            if slot == "reload" { reloading = false }
            app.status = StatusMessage(.stFailed, .message(Message(Self.doing(slot))), .error(f.error), kind: .error)
            return
        }
        switch value {
        case let reply as ReloadReply: apply(reply, &app, &commands)
        case let page as StageListLoading.Rows:
            guard page.query == list.query(app.stages) else { return }
            (list.rows, list.rowsOffset) = (page.rows, page.offset)
        case let hit as StageListLoading.Hit: jump(hit, &app, &commands)
        case let marks as StageListLoading.MarkAll:
            list.take(marks)   // merged by the effect
            app.status = StatusMessage(.stMarkedHint, .count(list.marked.count))
        case let picker as FilterPickerState: commands.push(FilterPickerScreen(picker, owner: commands.me))
        case let filter as CustomerFilter: applyFilter(filter, &app, &commands)
        case let load as JourneyLoad: load.open(&app, &commands)
        default: break
        }
    }

    private mutating func apply(_ reply: ReloadReply, _ app: inout AppState, _ commands: inout ScreenCommands) {
        let r = reply.reloaded
        reloading = false
        guard r.query == list.query(app.stages) else { return reload(app, &commands) }
        list.total = r.total
        // Keys pressed while it loaded moved the cursor: keep where they went.
        if list.cursor == reply.requestedCursor { (list.cursor, list.top) = (r.cursor, r.top) }
        (list.rows, list.rowsOffset) = (r.rows, r.rowsOffset)
        list.cursor = max(0, min(list.cursor, list.total - 1))
        list.scrollIntoView(height: app.height)
        loadRows(app, &commands)
        if reply.saying?.key == .stFiltered {
            app.status = StatusMessage(.stFiltered, .count(list.total))
        } else if let message = reply.saying {
            app.status = StatusMessage(message)
        }
    }

    static func doing(_ slot: String) -> MessageKey {
        switch slot {
        case "reload": return .prCountingCustomers
        case "rows": return .prLoadingCustomers
        case "search": return .prSearchingPlain
        case "markAll": return .prMarkingPlain
        case "filter": return .prReadingSegments
        default: return .prOpeningJourney
        }
    }
}
