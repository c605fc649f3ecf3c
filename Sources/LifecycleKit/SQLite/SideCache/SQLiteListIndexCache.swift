import Foundation

/// The side cache of a SQLite snapshot's list index (see `SideCacheFile`). A cache
/// file is used only when it names the same file, the same stages and the same
/// `SQLiteFileFingerprint`; anything else (another state of the file, a truncated or
/// damaged cache) is ignored and rebuilt.
///
/// Layout: `CLCINDEX`, a big-endian UInt32 header length, the header's checksum (8 bytes,
/// big-endian, `SideCacheChecksum`), the JSON `Header`, then the columns as raw arrays in
/// the machine's byte order: rowids (unless consecutive), stages, segments, channels,
/// touchpoint counts, latest touches, revenues, then one order per field listed in the
/// header. The header holds the checksum of the columns: a damaged byte anywhere refuses
/// the cache.
struct SQLiteListIndexCache {
    static let magic = Array("CLCINDEX".utf8)
    /// 5: names, emails and segments in `NaturalOrder`; 6: with checksums; 7: `NaturalOrder`
    /// is the Unicode root collation (orders of 6 were byte order).
    static let version = 7

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
        /// `SideCacheChecksum` of the columns, array by array in file order.
        var columnsChecksum: UInt64
    }

    // MARK: Reading

    /// The stage counts recorded for exactly this state of the file, without reading the columns.
    func stageCounts(fingerprint: SQLiteFileFingerprint, stageIDs: [String]) -> [Int]? {
        guard let handle = try? FileHandle(forReadingFrom: file.url) else { return nil }
        defer { try? handle.close() }
        return header(handle, fingerprint: fingerprint, stageIDs: stageIDs)?.stageCounts
    }

    /// The index recorded for exactly this state of the file, or nil.
    func read(fingerprint: SQLiteFileFingerprint, stageIDs: [String]) -> SQLiteListIndex? {
        guard let handle = try? FileHandle(forReadingFrom: file.url) else { return nil }
        defer { try? handle.close() }
        guard let header = header(handle, fingerprint: fingerprint, stageIDs: stageIDs) else { return nil }
        let n = header.count
        let fd = handle.fileDescriptor
        // Counts and ranges a damaged header could name: never allocate or index past the file.
        var status = stat()
        guard fstat(fd, &status) == 0, n >= 0, n <= Int(status.st_size),
              header.consecutiveRowidsFrom.map({ n == 0 || !$0.addingReportingOverflow(Int64(n - 1)).overflow }) ?? true
        else { return nil }
        var checksum = SideCacheChecksum()
        guard let rowids: [Int64] = Self.array(fd, header.consecutiveRowidsFrom == nil ? n : 0, &checksum),
              let stages: [UInt8] = Self.array(fd, n, &checksum),
              let segments: [Int32] = Self.array(fd, n, &checksum), let channels: [UInt64] = Self.array(fd, n, &checksum),
              let touchpointCounts: [Int32] = Self.array(fd, n, &checksum), let lastTouches: [Int64] = Self.array(fd, n, &checksum),
              let revenues: [Double] = Self.array(fd, n, &checksum) else { return nil }
        var orders: [CustomerSort.Field: [Int32]] = [:]
        for name in header.orderFields {
            guard let field = CustomerSort.Field(rawValue: name), !field.isValue, let order: [Int32] = Self.array(fd, n, &checksum) else { return nil }
            orders[field] = order
        }
        var extra: UInt8 = 0
        guard Foundation.read(fd, &extra, 1) == 0, SideCacheChecksum.accepts(stored: header.columnsChecksum, computed: checksum.value),
              orders.values.allSatisfy(Self.isPermutation) else { return nil }
        // Damage shows as values out of range: refuse the cache rather than index past an array.
        let stageCount = header.stageIDs.count, segmentCount = Int32(header.segmentNames.count)
        guard stages.allSatisfy({ Int($0) < stageCount || $0 == SQLiteListIndex.noStage }),
              segments.allSatisfy({ $0 >= -1 && $0 < segmentCount }),
              zip(rowids, rowids.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        let slots = SlotRowids(explicit: rowids, first: header.consecutiveRowidsFrom ?? 0, count: n)
        let index = SQLiteListIndex(rowids: slots, stages: stages, segments: segments, channels: channels,
                                    touchpointCounts: touchpointCounts, lastTouches: lastTouches,
                                    revenues: revenues,
                                    segmentNames: header.segmentNames, channelNames: header.channelNames,
                                    channelsComplete: header.channelsComplete, orders: orders,
                                    latestEntered: header.latestEntered, stageCount: stageCount)
        return index.stageCounts == header.stageCounts ? index : nil
    }

    private func header(_ handle: FileHandle, fingerprint: SQLiteFileFingerprint, stageIDs: [String]) -> Header? {
        guard let start = try? handle.read(upToCount: 20), start.count == 20, Array(start.prefix(8)) == Self.magic else { return nil }
        let length = start.dropFirst(8).prefix(4).reduce(0) { $0 << 8 | Int($1) }
        guard length < 64 << 20, let json = try? handle.read(upToCount: length), json.count == length,
              SideCacheChecksum.accepts(stored: SideCacheChecksum.value(start.suffix(8)), computed: SideCacheChecksum.of(json)),
              let header = try? JSONDecoder().decode(Header.self, from: json),
              header.version == Self.version, header.path == file.snapshotPath, header.fingerprint == fingerprint,
              header.stageIDs == stageIDs, header.stageCounts.count == stageIDs.count else { return nil }
        return header
    }

    private static func array<T: BitwiseCopyable>(_ fd: Int32, _ n: Int, _ checksum: inout SideCacheChecksum) -> [T]? {
        SideCacheReader.array(fd, n, &checksum)
    }

    private static func isPermutation(_ order: [Int32]) -> Bool {
        var seen = [Bool](repeating: false, count: order.count)
        for slot in order {
            guard slot >= 0, Int(slot) < order.count, !seen[Int(slot)] else { return false }
            seen[Int(slot)] = true
        }
        return true
    }

    // MARK: Writing

    /// Writes `index` as the state `fingerprint` of the file (a temporary file renamed into
    /// place); failures are ignored: the cache only saves time.
    func write(_ index: SQLiteListIndex, fingerprint: SQLiteFileFingerprint, stageIDs: [String]) {
        let fields = CustomerSort.Field.allCases.filter { index.orders[$0] != nil }
        var checksum = SideCacheChecksum()
        checksum.add(index.rowids.explicit)
        checksum.add(index.stages)
        checksum.add(index.segments)
        checksum.add(index.channels)
        checksum.add(index.touchpointCounts)
        checksum.add(index.lastTouches)
        checksum.add(index.revenues)
        for field in fields { checksum.add(index.orders[field]!) }
        let header = Header(version: Self.version, path: file.snapshotPath, fingerprint: fingerprint, stageIDs: stageIDs,
                            count: index.count, stageCounts: index.stageCounts, segmentNames: index.segmentNames,
                            channelNames: index.channelNames, channelsComplete: index.channelsComplete,
                            orderFields: fields.map(\.rawValue), latestEntered: index.latestEntered,
                            consecutiveRowidsFrom: index.rowids.isConsecutive ? index.rowids.first : nil,
                            columnsChecksum: checksum.value)
        guard let json = try? JSONEncoder().encode(header) else { return }
        file.replace { put in
            func putArray<T>(_ array: [T]) { array.withUnsafeBytes { put($0) } }
            let length = UInt32(json.count)
            putArray(Self.magic + [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)]
                     + SideCacheChecksum.bytes(SideCacheChecksum.of(json)))
            json.withUnsafeBytes { put($0) }
            putArray(index.rowids.explicit)
            putArray(index.stages)
            putArray(index.segments)
            putArray(index.channels)
            putArray(index.touchpointCounts)
            putArray(index.lastTouches)
            putArray(index.revenues)
            for field in fields { putArray(index.orders[field]!) }
        }
    }
}
