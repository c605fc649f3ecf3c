import LifecycleKit

/// One line of a customer's timeline: a touchpoint or a stage change.
public enum TimelineEntry: Hashable, Sendable {
    case touchpoint(Touchpoint)
    case transition(Transition)

    public var at: Timestamp {
        switch self {
        case .touchpoint(let t): return t.at
        case .transition(let t): return t.at
        }
    }
}

/// One customer's journey: profile, stage path and the merged timeline.
public struct JourneyState: Sendable {
    public var customer: Customer
    public var transitions: [Transition]
    public var touchpoints: [Touchpoint]
    /// Oldest first; the view reverses it when `newestFirst`.
    public var timeline: [TimelineEntry]
    public var newestFirst = true
    /// First timeline line shown.
    public var scroll = 0
    public var revenue: Double
    /// Touchpoints per channel, most first.
    public var channelCounts: [(channel: String, count: Int)]
    /// The purchases (touchpoints of type `purchase`), in time order: the value panel's summary.
    public var purchases: [(at: Timestamp, value: Double?)]

    public init(customer: Customer, transitions: [Transition], touchpoints: [Touchpoint]) {
        self.customer = customer
        self.transitions = transitions
        self.touchpoints = touchpoints
        // Merge two time-ordered lists; at equal times a stage change comes first.
        var merged: [TimelineEntry] = []
        merged.reserveCapacity(transitions.count + touchpoints.count)
        var i = 0, j = 0
        while i < transitions.count || j < touchpoints.count {
            if j == touchpoints.count || (i < transitions.count && transitions[i].at <= touchpoints[j].at) {
                merged.append(.transition(transitions[i])); i += 1
            } else {
                merged.append(.touchpoint(touchpoints[j])); j += 1
            }
        }
        timeline = merged
        revenue = touchpoints.reduce(0) { $0 + ($1.value ?? 0) }
        var counts: [String: Int] = [:]
        for t in touchpoints { counts[t.channel, default: 0] += 1 }
        purchases = touchpoints.filter { $0.type == "purchase" }.map { ($0.at, $0.value) }
        channelCounts = counts.map { ($0.key, $0.value) }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.channel < $1.channel }
    }

    /// The timeline in display order.
    public var orderedTimeline: [TimelineEntry] { newestFirst ? timeline.reversed() : timeline }
}

extension JourneyState: Equatable {
    public static func == (a: JourneyState, b: JourneyState) -> Bool {
        a.customer == b.customer && a.timeline == b.timeline && a.newestFirst == b.newestFirst && a.scroll == b.scroll
    }
}

/// Layout shared by the journey's update and view.
public enum JourneyLayout {
    /// From this width the value panel stands beside the timeline; below, it is two lines above it.
    public static let sidePanelWidth = 110
    /// Columns of the side panel (its gap included).
    public static let panelColumns = 36

    /// Rows above the timeline: app header, profile (3), stage path, channel totals, (narrow:
    /// the value panel's two lines,) a blank, the column header.
    public static func headerRows(width: Int) -> Int { width >= sidePanelWidth ? 8 : 10 }
    public static func visibleRows(width: Int, height: Int) -> Int { max(1, height - headerRows(width: width) - 1) }
}
