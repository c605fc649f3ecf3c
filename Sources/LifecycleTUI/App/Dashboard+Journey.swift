extension Dashboard {
    mutating func handleJourney(_ action: Action, _ journey: inout JourneyState) {
        let page = JourneyLayout.visibleRows(height: state.height)
        switch action {
        case .down: journey.scroll += 1
        case .up: journey.scroll -= 1
        case .pageDown: journey.scroll += page
        case .pageUp: journey.scroll -= page
        case .top: journey.scroll = 0
        case .bottom: journey.scroll = Int.max / 2
        case .flipOrder:
            journey.newestFirst.toggle()
            journey.scroll = 0
            state.status = StatusMessage(journey.newestFirst ? "newest first" : "oldest first")
        default: break
        }
        clampJourneyScroll(&journey)
    }

    func clampJourneyScroll(_ journey: inout JourneyState) {
        let page = JourneyLayout.visibleRows(height: state.height)
        journey.scroll = max(0, min(journey.scroll, journey.timeline.count - page))
    }
}
