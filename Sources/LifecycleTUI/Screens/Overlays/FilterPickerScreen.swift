import LifecycleKit

/// `f` in a list: a segment and a channel; Enter hands the filter back to the list.
public struct FilterPickerScreen: Screen {
    public static let contexts: [KeyContext] = [.filterPicker]
    public var context: KeyContext { .filterPicker }
    public var picker: FilterPickerState
    /// The list that receives the filter.
    let owner: ScreenID

    public init(_ picker: FilterPickerState, owner: ScreenID) {
        self.picker = picker
        self.owner = owner
    }

    public mutating func update(_ input: ScreenInput, _ app: inout AppState, _ commands: inout ScreenCommands) {
        guard case .action(let action, _) = input else { return }
        var p = picker
        switch action {
        case .back: commands.close()
        case .down:
            if p.column == 0 { p.segmentIndex = min(p.segments.count - 1, p.segmentIndex + 1) } else { p.channelIndex = min(p.channels.count - 1, p.channelIndex + 1) }
        case .up:
            if p.column == 0 { p.segmentIndex = max(0, p.segmentIndex - 1) } else { p.channelIndex = max(0, p.channelIndex - 1) }
        case .nextStage: p.column = 1
        case .previousStage: p.column = 0
        case .clearFilter: (p.segmentIndex, p.channelIndex) = (0, 0)
        case .open:
            commands.close()
            commands.deliver(p.filter, to: owner, slot: "filter")
        default: break
        }
        picker = p
    }

    public func draw(_ app: AppState, into grid: inout CellGrid) { FilterPickerOverlay.draw(picker, app, into: &grid) }
}

/// The filter overlay: a segment column and a channel column.
public struct FilterPickerState: Sendable, Hashable {
    /// `nil` first: "any".
    public var segments: [String?]
    public var channels: [String?]
    public var segmentIndex: Int
    public var channelIndex: Int
    /// 0: segments, 1: channels.
    public var column = 0

    public init(segments: [String], channels: [String], current: CustomerFilter) {
        self.segments = [nil] + segments
        self.channels = [nil] + channels
        segmentIndex = self.segments.firstIndex(of: current.segment) ?? 0
        channelIndex = self.channels.firstIndex(of: current.channel) ?? 0
    }

    public var filter: CustomerFilter { CustomerFilter(segment: segments[segmentIndex], channel: channels[channelIndex]) }
}
