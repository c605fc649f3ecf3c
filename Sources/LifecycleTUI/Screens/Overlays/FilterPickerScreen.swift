import LifecycleKit

/// `f` in a list: a segment, a channel, a value entry (at risk, an RFM segment, a CLV band)
/// and, with `--compare OLD`, a "since OLD" entry; Enter hands the filter back to the list.
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
        case .nextStage: p.switchColumn(1)
        case .previousStage: p.switchColumn(-1)
        case .clearFilter: (p.segmentIndex, p.channelIndex, p.valueIndex, p.changeIndex) = (0, 0, 0, 0)
        case .open:
            commands.close()
            commands.deliver(p.filter, to: owner, slot: "filter")
        default: break
        }
        picker = p
    }

    public func draw(_ app: AppState, into grid: inout CellGrid) { FilterPickerOverlay.draw(picker, app, into: &grid) }
}

/// The filter overlay: a segment, a channel, a value and (comparing) a "since OLD" column.
public struct FilterPickerState: Sendable, Hashable {
    /// `nil` first: "any".
    public var segments: [String?]
    public var channels: [String?]
    /// `nil` first: "any"; the value entries only once `valueStatus` is ready.
    public var values: [ValueFilterChoice?]
    public var valueStatus: ValueChoices
    /// `nil` first: "any"; the "since OLD" entries (only with `--compare OLD`).
    public var changes: [ChangeFilterChoice?]
    public var segmentIndex: Int
    public var channelIndex: Int
    public var valueIndex: Int
    public var changeIndex: Int
    /// 0: segments, 1: channels, 2: value entries, 3: "since OLD" entries.
    public var column = 0

    public init(segments: [String], channels: [String], current: CustomerFilter, values: ValueChoices = .computing,
                changes: [ChangeFilterChoice] = []) {
        self.segments = [nil] + segments
        self.channels = [nil] + channels
        valueStatus = values
        if case .ready(let choices) = values { self.values = [nil] + choices } else { self.values = [nil] }
        segmentIndex = self.segments.firstIndex(of: current.segment) ?? 0
        channelIndex = self.channels.firstIndex(of: current.channel) ?? 0
        valueIndex = self.values.firstIndex { $0?.filter == current.value } ?? 0
        let entries: [ChangeFilterChoice?] = [nil] + changes
        self.changes = entries
        changeIndex = current.ids.flatMap { ids in entries.firstIndex { $0?.ids.label == ids.label } } ?? 0
    }

    /// The value column takes the cursor only once its entries are there.
    public var columnCount: Int { if case .ready = valueStatus { 3 } else { 2 } }

    /// The picker has the "since OLD" column.
    public var hasChanges: Bool { changes.count > 1 }

    /// The columns that take the cursor, in order.
    var columns: [Int] { Array(0..<columnCount) + (hasChanges ? [3] : []) }

    /// Moves the cursor `delta` columns, staying within the columns.
    mutating func switchColumn(_ delta: Int) {
        let all = columns, at = all.firstIndex(of: column) ?? 0
        column = all[max(0, min(all.count - 1, at + delta))]
    }

    /// Moves the current column's choice by `delta`.
    mutating func step(_ delta: Int) {
        switch column {
        case 0: segmentIndex = max(0, min(segments.count - 1, segmentIndex + delta))
        case 1: channelIndex = max(0, min(channels.count - 1, channelIndex + delta))
        case 3: changeIndex = max(0, min(changes.count - 1, changeIndex + delta))
        default: valueIndex = max(0, min(values.count - 1, valueIndex + delta))
        }
    }

    public var filter: CustomerFilter {
        CustomerFilter(segment: segments[segmentIndex], channel: channels[channelIndex], value: values[valueIndex]?.filter,
                       ids: changes[changeIndex]?.ids)
    }
}
