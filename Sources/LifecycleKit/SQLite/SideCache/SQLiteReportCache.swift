import Foundation

/// The side cache of a SQLite snapshot's funnel figures (a full scan of seconds on a big
/// file): used only for the very state of the file they were computed from.
///
/// Layout: `CLCREPORT`, the checksum of the rest (8 bytes, big-endian, `SideCacheChecksum`),
/// then the JSON entry; a damaged byte anywhere refuses the cache.
struct SQLiteReportCache {
    /// 4: transition reverts, came-from and changes since as_of in the figures, with checksums.
    static let version = 4
    static let magic = Array("CLCREPORT".utf8)
    let file: SideCacheFile

    init?(snapshotPath: String) {
        guard let file = SideCacheFile(snapshotPath: snapshotPath, suffix: "clc-report") else { return nil }
        self.file = file
    }

    private struct Entry: Codable {
        var version: Int
        var path: String
        var fingerprint: SQLiteFileFingerprint
        var report: FunnelReport
    }

    /// The report computed from exactly this state of the file, or nil.
    func read(fingerprint: SQLiteFileFingerprint, stages: [Stage]) -> FunnelReport? {
        guard let data = try? Data(contentsOf: file.url), data.count > Self.magic.count + 8,
              data.prefix(Self.magic.count).elementsEqual(Self.magic) else { return nil }
        let json = data.dropFirst(Self.magic.count + 8)
        guard SideCacheChecksum.accepts(stored: SideCacheChecksum.value(data.dropFirst(Self.magic.count).prefix(8)),
                                        computed: SideCacheChecksum.of(json)),
              let entry = try? JSONDecoder().decode(Entry.self, from: json),
              entry.version == Self.version, entry.path == file.snapshotPath, entry.fingerprint == fingerprint,
              entry.report.stages.map(\.stage) == stages else { return nil }
        return entry.report
    }

    /// Records `report` as computed from the state `fingerprint` (taken before reading).
    func write(_ report: FunnelReport, fingerprint: SQLiteFileFingerprint) {
        let entry = Entry(version: Self.version, path: file.snapshotPath, fingerprint: fingerprint, report: report)
        guard let data = try? JSONEncoder().encode(entry) else { return }
        let framed = Self.magic + SideCacheChecksum.bytes(SideCacheChecksum.of(data)) + [UInt8](data)
        file.replace { put in framed.withUnsafeBytes { put($0) } }
    }
}
