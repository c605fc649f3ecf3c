import LifecycleKit

/// `f` in a list: a segment, a channel and a value entry (at risk, an RFM segment, a CLV
/// band); Enter hands the filter back to the list.
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
        case .down: p.step(1)
        case .up: p.step(-1)
        case .nextStage: p.column = min(p.columnCount - 1, p.column + 1)
        case .previousStage: p.column = max(0, p.column - 1)
        case .clearFilter: (p.segmentIndex, p.channelIndex, p.valueIndex) = (0, 0, 0)
        case .open:
            commands.close()
            commands.deliver(p.filter, to: owner, slot: "filter")
        default: break
        }
        picker = p
    }

    public func draw(_ app: AppState, into grid: inout CellGrid) { FilterPickerOverlay.draw(picker, app, into: &grid) }
}

/// The filter overlay: a segment, a channel and a value column.
public struct FilterPickerState: Sendable, Hashable {
    /// `nil` first: "any".
    public var segments: [String?]
    public var channels: [String?]
    /// `nil` first: "any"; the value entries only once `valueStatus` is ready.
    public var values: [ValueFilterChoice?]
    public var valueStatus: ValueChoices
    public var segmentIndex: Int
    public var channelIndex: Int
    public var valueIndex: Int
    /// 0: segments, 1: channels, 2: value entries.
    public var column = 0

    public init(segments: [String], channels: [String], current: CustomerFilter, values: ValueChoices = .computing) {
        self.segments = [nil] + segments
        self.channels = [nil] + channels
        valueStatus = values
        if case .ready(let choices) = values { self.values = [nil] + choices } else { self.values = [nil] }
        segmentIndex = self.segments.firstIndex(of: current.segment) ?? 0
        channelIndex = self.channels.firstIndex(of: current.channel) ?? 0
        valueIndex = self.values.firstIndex { $0?.filter == current.value } ?? 0
    }

    /// The value column takes the cursor only once its entries are there.
    public var columnCount: Int { if case .ready = valueStatus { 3 } else { 2 } }

    /// Moves the current column's choice by `delta`.
    mutating func step(_ delta: Int) {
        switch column {
        case 0: segmentIndex = max(0, min(segments.count - 1, segmentIndex + delta))
        case 1: channelIndex = max(0, min(channels.count - 1, channelIndex + delta))
        default: valueIndex = max(0, min(values.count - 1, valueIndex + delta))
        }
    }

    public var filter: CustomerFilter {
        CustomerFilter(segment: segments[segmentIndex], channel: channels[channelIndex], value: values[valueIndex]?.filter)
    }
}
