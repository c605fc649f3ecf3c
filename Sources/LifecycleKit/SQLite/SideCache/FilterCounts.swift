/// The customers of each stage by segment and channel, counted once when the index is made
/// (a pass in slot order, off the key path) and kept up by the moves it follows: the count
/// of a segment or channel filter, or both, is then one look-up, whatever the file's size.
struct FilterCounts {
    /// Segments and channels counted (the index's names).
    let segmentCount: Int, channelCount: Int
    let stageCount: Int
    /// Per stage, per segment + 1 (0: any), per channel + 1 (0: any).
    private var cells: [Int32]

    /// The most cells kept (4 MB); with more segments × channels × stages filters are counted by a pass.
    static let maxCells = 1 << 20

    /// Counts `stages`' customers (positions at or past `stageCount`: none) by `segments`
    /// (-1 or past `segmentCount`: none) and `channels` (nil: not counted); nil when too many cells.
    init?(stages: [UInt8], stageCount: Int, segments: SlotColumn<Int32>, segmentCount: Int,
          channels: SlotColumn<UInt64>?, channelCount: Int) {
        let channelCount = channels == nil ? 0 : min(channelCount, 64)
        guard stageCount * (segmentCount + 1) * (channelCount + 1) <= Self.maxCells else { return nil }
        (self.stageCount, self.segmentCount, self.channelCount) = (stageCount, segmentCount, channelCount)
        cells = Array(repeating: 0, count: stageCount * (segmentCount + 1) * (channelCount + 1))
        var start = 0
        while start < stages.count {
            let range = start..<min(start + SlotFilter.chunk, stages.count)
            for i in range where Int(stages[i]) < stageCount {
                add(stage: Int(stages[i]), segment: segments[i], channels: channels?[i] ?? 0, 1)
            }
            segments.release(range)
            channels?.release(range)
            start = range.upperBound
        }
    }

    /// Counts a customer in (`delta` 1) or out (-1) of `stage`.
    mutating func add(stage: Int, segment: Int32, channels: UInt64, _ delta: Int32) {
        guard stage < stageCount else { return }
        let width = channelCount + 1
        let row = stage * (segmentCount + 1)
        let ownSegment = segment >= 0 && Int(segment) < segmentCount ? Int(segment) + 1 : 0
        addRow(row * width, channels, delta)
        if ownSegment != 0 { addRow((row + ownSegment) * width, channels, delta) }
    }

    /// Adds `delta` to the cells of a row from `base`: its any-channel cell and each of `channels`.
    private mutating func addRow(_ base: Int, _ channels: UInt64, _ delta: Int32) {
        cells[base] += delta
        var bits = channels
        while bits != 0 {
            let c = bits.trailingZeroBitCount
            bits &= bits - 1
            if c < channelCount { cells[base + c + 1] += delta }
        }
    }

    /// The customers of `stage` in segment number `segment` (nil: any; out of range: none)
    /// with a touchpoint on the channel of `mask` (0: any); nil when not counted here (several channels).
    func count(stage: Int, segment: Int32?, mask: UInt64) -> Int? {
        guard stage < stageCount, mask.nonzeroBitCount <= 1 else { return nil }
        let c = mask == 0 ? 0 : mask.trailingZeroBitCount + 1
        guard c <= channelCount else { return nil }
        var a = 0
        if let segment {
            guard segment >= 0, Int(segment) < segmentCount else { return 0 }
            a = Int(segment) + 1
        }
        return Int(cells[(stage * (segmentCount + 1) + a) * (channelCount + 1) + c])
    }
}
