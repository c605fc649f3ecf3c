import Foundation

/// The side cache target: the bytes are put in place of a cache file of a snapshot whose
/// fingerprint and stages are fixed, then read as the store reads them.
extension FuzzInputs {
    static let cacheSnapshotPath = "/clc-fuzz/snapshot.sqlite"
    static let cacheStages = [Stage(id: "a", name: "A"), Stage(id: "b", name: "B"), Stage(id: "c", name: "C")]
    static let cacheFingerprint = try! JSONDecoder().decode(SQLiteFileFingerprint.self, from: Data("""
        {"device":1,"inode":2,"size":4096,"modifiedNanoseconds":3,"changeCounter":4,"walSize":-1,
         "walModifiedNanoseconds":0,"walSalts":0}
        """.utf8))

    static func sideCache(_ bytes: [UInt8]) {
        _ = directory
        guard let mode = bytes.first else { return }
        SideCacheChecksum.verified = mode & 2 == 0
        defer { SideCacheChecksum.verified = true }
        let body = Data(bytes.dropFirst())
        if mode & 1 == 0 {
            guard let cache = SQLiteReportCache(snapshotPath: cacheSnapshotPath) else { return }
            try? body.write(to: cache.file.url)
            _ = cache.read(fingerprint: cacheFingerprint, stages: cacheStages)
        } else {
            guard let cache = SQLiteListIndexCache(snapshotPath: cacheSnapshotPath) else { return }
            try? body.write(to: cache.file.url)
            let ids = cacheStages.map(\.id)
            _ = cache.stageCounts(fingerprint: cacheFingerprint, stageIDs: ids)
            guard let index = cache.read(fingerprint: cacheFingerprint, stageIDs: ids) else { return }
            exercise(index)
        }
    }

    /// Every list, count and figure of an index read back.
    static func exercise(_ index: SQLiteListIndex) {
        let filters = [CustomerFilter.none] + index.segmentNames.prefix(3).map { CustomerFilter(segment: $0) }
            + index.channelNames.prefix(3).map { CustomerFilter(channel: $0) }
        for stage in 0..<cacheStages.count {
            for filter in filters {
                _ = index.count(stage: stage, filter: filter, values: nil)
                for field in CustomerSort.Field.allCases {
                    guard let slots = index.list(stage: stage, filter: filter, field: field, values: nil) else { continue }
                    for i in 0..<min(slots.count, 50) {
                        let slot = Int(slots[i])
                        _ = index.figures(slot)
                        _ = index.rowids[slot]
                    }
                }
            }
        }
    }
}
