/// Which slots a filter keeps: by id set, segment, channel and value figures.
struct SlotFilter {
    let segments: SlotColumn<Int32>
    let channels: SlotColumn<UInt64>
    let value: ValueFilter?
    let values: SlotValues?
    var kept: [Bool]?
    var segment: Int32?
    var mask: UInt64 = 0
    var nobody = false

    static let nobody = SlotFilter(segments: SlotColumn([]), channels: SlotColumn([]), value: nil, values: nil, nobody: true)

    func keeps(_ i: Int) -> Bool {
        if nobody { return false }
        if let kept, !kept[i] { return false }
        if let segment, segments[i] != segment { return false }
        if let value, let values, !values.accepts(slot: i, value) { return false }
        return mask == 0 || channels[i] & mask != 0
    }

    /// Slots per chunk of a pass: the mapped columns' pages read are given back after each.
    static let chunk = 1 << 20

    /// How many customers of `stage` (by `stages`, a stage position per slot) this keeps:
    /// one pass in slot order over the stages and the columns tested, read sequentially.
    func count(stage: UInt8, stages: [UInt8]) -> Int {
        var n = 0
        pass(stage: stage, stages: stages) { _ in n += 1 }
        return n
    }

    /// The slots of `stage` this keeps, ascending.
    func gather(stage: UInt8, stages: [UInt8]) -> [Int32] {
        var slots: [Int32] = []
        pass(stage: stage, stages: stages) { slots.append(Int32($0)) }
        return slots
    }

    /// Calls `body` with every slot of `stage` this keeps, ascending, chunk by chunk.
    private func pass(stage: UInt8, stages: [UInt8], _ body: (Int) -> Void) {
        guard !nobody else { return }
        stages.withUnsafeBufferPointer { st in
            var start = 0
            while start < st.count {
                let range = start..<min(start + Self.chunk, st.count)
                passChunk(range, stage, st, body)
                if segment != nil { segments.release(range) }
                if mask != 0 { channels.release(range) }
                start = range.upperBound
            }
        }
    }

    /// The common tests (segment, channel) in plain loops; the others by `keeps`.
    private func passChunk(_ range: Range<Int>, _ stage: UInt8, _ st: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        let seg = segments.buffer, ch = channels.buffer
        guard kept == nil, value == nil else {
            for i in range where st[i] == stage && keeps(i) { body(i) }
            return
        }
        switch (segment, mask) {
        case (nil, 0): for i in range where st[i] == stage { body(i) }
        case (let s?, 0): for i in range where st[i] == stage && seg[i] == s { body(i) }
        case (nil, let m): for i in range where st[i] == stage && ch[i] & m != 0 { body(i) }
        case (let s?, let m): for i in range where st[i] == stage && seg[i] == s && ch[i] & m != 0 { body(i) }
        }
    }
}
