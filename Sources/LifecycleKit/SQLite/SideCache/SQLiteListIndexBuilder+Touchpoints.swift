import Foundation

extension SQLiteListIndexBuilder {
    /// Per customer (slot): touchpoint count, latest time, revenue and channels.
    struct Touchpoints {
        var counts: [Int32]
        /// Microseconds; `noTimestamp` for none.
        var lastTouches: [Int64]
        var revenues: [Double]
        /// Bit i: a touchpoint on `channelNames[i]` (all 0 unless `channelsComplete`).
        var channels: [UInt64]
        /// Distinct channels, sorted by bytes.
        var channelNames: [String]
        var channelsComplete: Bool
        /// A time that cannot be ordered here exactly as SQL would.
        var unorderableTimes = false
    }

    /// One pass over the touchpoints in rowid order (customer ids found by hash, runs of one
    /// customer by comparing with the previous row).
    func scanTouchpoints(_ pass: ChunkedPass, ids: PackedTexts) throws -> Touchpoints {
        let n = ids.count
        var byID = StringColumnIndex(capacity: n)
        for row in 0..<n { _ = byID.insert(row: row, in: ids) }
        var t = Touchpoints(counts: Array(repeating: 0, count: n), lastTouches: Array(repeating: noTimestamp, count: n),
                            revenues: Array(repeating: 0, count: n), channels: Array(repeating: 0, count: n),
                            channelNames: [], channelsComplete: true)
        var channelNumbers: [String: Int] = [:]
        var channelTexts: [String] = []
        var previous: (bytes: [UInt8], slot: Int?) = ([], nil)
        var previousChannel: (bytes: [UInt8], number: Int) = ([], -1)
        try pass.rows("customer_id, channel, at, value", of: "touchpoints", chunk: 200_000) { touchpoints in
            let customer = touchpoints.bytes(1)
            if !Self.same(customer, previous.bytes) {
                previous = (Array(customer), byID.find(customer, in: ids))
            }
            guard let slot = previous.slot else { return }
            t.counts[slot] += 1
            t.revenues[slot] += touchpoints.double(4)
            if !touchpoints.isNull(3) {
                if let at = Timestamp.parse(touchpoints.bytes(3)) {
                    if at.microseconds > t.lastTouches[slot] { t.lastTouches[slot] = at.microseconds }
                } else {
                    t.unorderableTimes = true
                }
            }
            guard !touchpoints.isNull(2) else { return }
            let channel = touchpoints.bytes(2)
            if !Self.same(channel, previousChannel.bytes) {
                let text = String(decoding: channel, as: UTF8.self)
                let number = channelNumbers[text] ?? {
                    channelTexts.append(text)
                    channelNumbers[text] = channelTexts.count - 1
                    return channelTexts.count - 1
                }()
                previousChannel = (Array(channel), number)
            }
            // A 65th channel: the channel filter is left to SQL (the bits are cleared below).
            let c = previousChannel.number
            if c < 64 { t.channels[slot] |= 1 << UInt64(c) }
        }
        Self.renumberChannels(&t, channelTexts)
        return t
    }

    /// Channel bits in byte order of the channel names (in place).
    private static func renumberChannels(_ t: inout Touchpoints, _ texts: [String]) {
        let sorted = texts.indices.sorted { texts[$0].utf8.lexicographicallyPrecedes(texts[$1].utf8) }
        t.channelNames = sorted.map { texts[$0] }
        guard texts.count <= 64 else {
            t.channelsComplete = false
            for i in t.channels.indices { t.channels[i] = 0 }
            return
        }
        var bit = Array(repeating: UInt64(0), count: texts.count)
        for (new, old) in sorted.enumerated() { bit[old] = 1 << UInt64(new) }
        for i in t.channels.indices {
            var out: UInt64 = 0, rest = t.channels[i]
            while rest != 0 {
                out |= bit[rest.trailingZeroBitCount]
                rest &= rest - 1
            }
            t.channels[i] = out
        }
    }

    @inline(__always) private static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: [UInt8]) -> Bool {
        a.count == b.count && b.withUnsafeBufferPointer { a.count == 0 || memcmp(a.baseAddress!, $0.baseAddress!, a.count) == 0 }
    }
}
