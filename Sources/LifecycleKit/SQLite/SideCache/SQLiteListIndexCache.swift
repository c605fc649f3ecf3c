import Foundation

/// The side cache of a SQLite snapshot's list index (see `SideCacheFile`). A cache
/// file is used only when it names the same file, the same stages and the same
/// `SQLiteFileFingerprint`; anything else (another state of the file, a truncated or
/// damaged cache) is ignored and rebuilt.
///
/// Layout: `CLCINDEX`, a big-endian UInt32 header length, the header's checksum (8 bytes,
/// big-endian, `SideCacheChecksum`), the JSON `Header`, zeros up to a multiple of 8 bytes, then
/// the columns as raw arrays in the machine's byte order, widest first so that each is aligned:
/// rowids (unless consecutive), channels, latest touches, revenues, segments, touchpoint
/// counts, per field listed in the header its `StageOrder` (the slots grouped by stage, then
/// each slot's rank), stages; zeros up to a multiple of 8 bytes, and the checksum of all that
/// (8 bytes, big-endian). The file is mapped, never read whole: a session holds only the
/// pages it touches. A damaged byte anywhere refuses the cache.
struct SQLiteListIndexCache {
    static let magic = Array("CLCINDEX".utf8)
    /// 5: names, emails and segments in `NaturalOrder`; 6: with checksums; 7: `NaturalOrder`
    /// is the Unicode root collation (orders of 6 were byte order); 8: orders grouped by
    /// stage with ranks, aligned columns, mapped.
    static let version = 8

    let file: SideCacheFile

    init?(snapshotPath: String) {
        guard let file = SideCacheFile(snapshotPath: snapshotPath, suffix: "clc-index") else { return nil }
        self.file = file
    }

    struct Header: Codable {
        var version: Int
        var path: String
        var fingerprint: SQLiteFileFingerprint
        var stageIDs: [String]
        var count: Int
        var stageCounts: [Int]
        var segmentNames: [String]
        var channelNames: [String]
        var channelsComplete: Bool
        var orderFields: [String]
        var latestEntered: Int64
        /// The first rowid when they are consecutive (then not stored).
        var consecutiveRowidsFrom: Int64?
    }

    // MARK: Reading

    /// The stage counts recorded for exactly this state of the file, without reading the columns.
    func stageCounts(fingerprint: SQLiteFileFingerprint, stageIDs: [String]) -> [Int]? {
        guard let handle = try? FileHandle(forReadingFrom: file.url) else { return nil }
        defer { try? handle.close() }
        return header(handle, fingerprint: fingerprint, stageIDs: stageIDs)?.header.stageCounts
    }

    /// The index recorded for exactly this state of the file, or nil. Its columns are views
    /// on the mapped file (only the stages are copied); every page is checked once, then
    /// given back, so that reading it holds no more than one order at a time.
    func read(fingerprint: SQLiteFileFingerprint, stageIDs: [String]) -> SQLiteListIndex? {
        guard let handle = try? FileHandle(forReadingFrom: file.url) else { return nil }
        defer { try? handle.close() }
        guard let (header, headerEnd) = header(handle, fingerprint: fingerprint, stageIDs: stageIDs) else { return nil }
        let fd = handle.fileDescriptor
        var status = stat()
        // Counts and ranges a damaged header could name: never map or index past the file.
        guard fstat(fd, &status) == 0, let layout = Layout(header, headerEnd: headerEnd, size: Int(status.st_size)),
              let mapping = SideCacheMapping(fd: fd, size: Int(status.st_size)) else { return nil }
        defer { mapping.release(0..<mapping.size) }
        var checksum = SideCacheChecksum()
        for piece in layout.pieces {
            checksum.add(mapping.bytes(piece))
            mapping.release(piece)
        }
        let stored = SideCacheChecksum.value(mapping.bytes(layout.end..<layout.end + 8))
        guard SideCacheChecksum.accepts(stored: stored, computed: checksum.value) else { return nil }
        return index(mapping, layout, header)
    }

    /// The index of a mapped file whose checksum was accepted, when its values are in range
    /// (damage shows as values out of range: refuse the cache rather than index past an array).
    private func index(_ mapping: SideCacheMapping, _ layout: Layout, _ header: Header) -> SQLiteListIndex? {
        let n = header.count, stageCount = header.stageIDs.count, segmentCount = Int32(header.segmentNames.count)
        let stages = SlotColumn<UInt8>(mapping, offset: layout.stages, count: n).array
        let segments = SlotColumn<Int32>(mapping, offset: layout.segments, count: n)
        let rowids = SlotColumn<Int64>(mapping, offset: layout.rowids, count: header.consecutiveRowidsFrom == nil ? n : 0)
        guard stages.allSatisfy({ Int($0) < stageCount || $0 == SQLiteListIndex.noStage }),
              segments.buffer.allSatisfy({ $0 >= -1 && $0 < segmentCount }),
              zip(rowids.buffer, rowids.buffer.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        mapping.release(layout.rowids..<layout.stages)
        let runCounts = SQLiteListIndex.runCounts(stages, stageCount: stageCount)
        guard Array(runCounts.dropLast()) == header.stageCounts else { return nil }
        let starts = StageOrder.starts(runCounts)
        var orders: [CustomerSort.Field: StageOrder] = [:]
        for (i, name) in header.orderFields.enumerated() {
            guard let field = CustomerSort.Field(rawValue: name), !field.isValue, orders[field] == nil else { return nil }
            let at = layout.orders + i * 8 * n
            let order = StageOrder(runs: SlotColumn(mapping, offset: at, count: n), ranks: SlotColumn(mapping, offset: at + 4 * n, count: n),
                                   starts: starts)
            guard order.isValid(runOf: { min(Int(stages[$0]), stageCount) }) else { return nil }
            mapping.release(at..<at + 8 * n)
            orders[field] = order
        }
        let slots = SlotRowids(explicit: rowids, first: header.consecutiveRowidsFrom ?? 0, count: n)
        return SQLiteListIndex(rowids: slots, stages: stages, segments: segments,
                               channels: SlotColumn(mapping, offset: layout.channels, count: n),
                               touchpointCounts: SlotColumn(mapping, offset: layout.touchpointCounts, count: n),
                               lastTouches: SlotColumn(mapping, offset: layout.lastTouches, count: n),
                               revenues: SlotColumn(mapping, offset: layout.revenues, count: n),
                               segmentNames: header.segmentNames, channelNames: header.channelNames,
                               channelsComplete: header.channelsComplete, orders: orders,
                               latestEntered: header.latestEntered, stageCount: stageCount)
    }

    /// Where each column of a cache file lies (byte offsets), from its header.
    struct Layout {
        var columnsStart = 0, rowids = 0, channels = 0, lastTouches = 0, revenues = 0, segments = 0
        var touchpointCounts = 0, orders = 0, stages = 0, end = 0
        /// The checksum's pieces, in file order.
        var pieces: [Range<Int>] = []

        /// Nil unless a file of `size` bytes holds exactly these columns and the checksum.
        init?(_ header: Header, headerEnd: Int, size: Int) {
            let n = header.count
            guard n >= 0, n <= size, header.orderFields.count <= 64,
                  header.consecutiveRowidsFrom.map({ n == 0 || !$0.addingReportingOverflow(Int64(n - 1)).overflow }) ?? true
            else { return nil }
            self.init(n: n, headerEnd: headerEnd, explicitRowids: header.consecutiveRowidsFrom == nil, orders: header.orderFields.count)
            guard end + 8 == size else { return nil }
        }

        init(n: Int, headerEnd: Int, explicitRowids: Bool, orders count: Int) {
            columnsStart = (headerEnd + 7) / 8 * 8
            var at = columnsStart
            func column(_ bytes: Int) -> Int {
                pieces.append(at..<at + bytes)
                defer { at += bytes }
                return at
            }
            pieces.append(headerEnd..<columnsStart)
            rowids = column(explicitRowids ? 8 * n : 0)
            channels = column(8 * n)
            lastTouches = column(8 * n)
            revenues = column(8 * n)
            segments = column(4 * n)
            touchpointCounts = column(4 * n)
            orders = at
            for _ in 0..<count {
                _ = column(4 * n)
                _ = column(4 * n)
            }
            stages = column(n)
            end = (at + 7) / 8 * 8
            pieces.append(at..<end)
        }
    }

    /// The header, and where it ends in the file.
    private func header(_ handle: FileHandle, fingerprint: SQLiteFileFingerprint, stageIDs: [String]) -> (header: Header, end: Int)? {
        guard let start = try? handle.read(upToCount: 20), start.count == 20, Array(start.prefix(8)) == Self.magic else { return nil }
        let length = start.dropFirst(8).prefix(4).reduce(0) { $0 << 8 | Int($1) }
        guard length < 64 << 20, let json = try? handle.read(upToCount: length), json.count == length,
              SideCacheChecksum.accepts(stored: SideCacheChecksum.value(start.suffix(8)), computed: SideCacheChecksum.of(json)),
              let header = try? JSONDecoder().decode(Header.self, from: json),
              header.version == Self.version, header.path == file.snapshotPath, header.fingerprint == fingerprint,
              header.stageIDs == stageIDs, header.stageCounts.count == stageIDs.count else { return nil }
        return (header, 20 + length)
    }

    // MARK: Writing

    /// Writes `index` as the state `fingerprint` of the file (a temporary file renamed into
    /// place, so that a mapping of the old one stays intact); failures are ignored: the cache
    /// only saves time. Each order is grouped by the stages as they are now, one at a time.
    func write(_ index: SQLiteListIndex, fingerprint: SQLiteFileFingerprint, stageIDs: [String]) {
        let fields = CustomerSort.Field.allCases.filter { index.orders[$0] != nil }
        write(index, fields: fields, fingerprint: fingerprint, stageIDs: stageIDs) { field in
            let (runs, ranks) = index.currentOrder(field)!
            return (SlotColumn(runs), ranks)
        }
    }

    /// As `write`, for an index just built (`index` without orders, `wholeOrders` its
    /// builder's): each order is grouped by stage only while it is written.
    func write(_ index: SQLiteListIndex, wholeOrders: [CustomerSort.Field: [Int32]],
               fingerprint: SQLiteFileFingerprint, stageIDs: [String]) {
        let fields = CustomerSort.Field.allCases.filter { wholeOrders[$0] != nil }
        let runCounts = SQLiteListIndex.runCounts(index.stages, stageCount: index.stageCounts.count)
        write(index, fields: fields, fingerprint: fingerprint, stageIDs: stageIDs) { field in
            let order = StageOrder(order: wholeOrders[field]!, stages: index.stages, runCounts: runCounts)
            return (order.runs, order.ranks)
        }
    }

    private func write(_ index: SQLiteListIndex, fields: [CustomerSort.Field], fingerprint: SQLiteFileFingerprint,
                       stageIDs: [String], order: (CustomerSort.Field) -> (runs: SlotColumn<Int32>, ranks: SlotColumn<Int32>)) {
        let header = Header(version: Self.version, path: file.snapshotPath, fingerprint: fingerprint, stageIDs: stageIDs,
                            count: index.count, stageCounts: index.stageCounts, segmentNames: index.segmentNames,
                            channelNames: index.channelNames, channelsComplete: index.channelsComplete,
                            orderFields: fields.map(\.rawValue), latestEntered: index.latestEntered,
                            consecutiveRowidsFrom: index.rowids.isConsecutive ? index.rowids.first : nil)
        guard let json = try? JSONEncoder().encode(header) else { return }
        let frame = SideCacheReader.frame(magic: Self.magic, header: json)
        let layout = Layout(n: index.count, headerEnd: frame.count, explicitRowids: !index.rowids.isConsecutive, orders: fields.count)
        file.replace { put in
            var checksum = SideCacheChecksum()
            func piece(_ bytes: UnsafeRawBufferPointer) {
                checksum.add(bytes)
                put(bytes)
            }
            frame.withUnsafeBytes { put($0) }
            [UInt8](repeating: 0, count: layout.columnsStart - frame.count).withUnsafeBytes { piece($0) }
            piece(index.rowids.explicit.bytes)
            piece(index.channels.bytes)
            piece(index.lastTouches.bytes)
            piece(index.revenues.bytes)
            piece(index.segments.bytes)
            piece(index.touchpointCounts.bytes)
            for field in fields {
                let (runs, ranks) = order(field)
                piece(runs.bytes)
                piece(ranks.bytes)
            }
            index.stages.withUnsafeBytes { piece($0) }
            [UInt8](repeating: 0, count: layout.end - layout.stages - index.count).withUnsafeBytes { piece($0) }
            SideCacheChecksum.bytes(checksum.value).withUnsafeBytes { put($0) }
        }
    }
}
