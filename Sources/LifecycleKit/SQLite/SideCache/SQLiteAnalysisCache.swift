import Foundation

/// The side cache of one analysis result of a SQLite snapshot (attribution, flows, cohorts, a
/// comparison with another file): one file per snapshot and question (`key`: the analysis and
/// its parameters), used only for the very state of the file it was computed from, so a
/// second run on an unchanged file answers at once and any change (a move, a touchpoint)
/// makes it compute again.
///
/// Layout as `SQLiteReportCache`: `CLCANALYSIS`, the checksum of the rest (8 bytes,
/// big-endian), then the JSON entry; a damaged byte anywhere refuses the cache.
struct SQLiteAnalysisCache {
    static let version = 1
    static let magic = Array("CLCANALYSIS".utf8)
    /// What the file names of these caches contain (for pruning).
    static let suffix = "clc-analysis-"
    let file: SideCacheFile
    let key: String

    init?(snapshotPath: String, key: String) {
        guard let file = SideCacheFile(snapshotPath: snapshotPath, suffix: Self.suffix + SideCacheFile.hash(key)) else { return nil }
        self.file = file
        self.key = key
    }

    private struct Entry<T: Codable>: Codable {
        var version: Int
        var path: String
        var key: String
        var fingerprint: SQLiteFileFingerprint
        var result: T
    }

    /// The result computed from exactly this state of the file, or nil.
    func read<T: Codable>(_ type: T.Type, fingerprint: SQLiteFileFingerprint) -> T? {
        guard let data = try? Data(contentsOf: file.url), data.count > Self.magic.count + 8,
              data.prefix(Self.magic.count).elementsEqual(Self.magic) else { return nil }
        let json = data.dropFirst(Self.magic.count + 8)
        guard SideCacheChecksum.accepts(stored: SideCacheChecksum.value(data.dropFirst(Self.magic.count).prefix(8)),
                                        computed: SideCacheChecksum.of(json)),
              let entry = try? JSONDecoder().decode(Entry<T>.self, from: json),
              entry.version == Self.version, entry.path == file.snapshotPath, entry.key == key,
              entry.fingerprint == fingerprint else { return nil }
        return entry.result
    }

    /// Records `result` as computed from the state `fingerprint` (taken before reading).
    func write<T: Codable>(_ result: T, fingerprint: SQLiteFileFingerprint) {
        let entry = Entry(version: Self.version, path: file.snapshotPath, key: key, fingerprint: fingerprint, result: result)
        guard let data = try? JSONEncoder().encode(entry) else { return }
        let framed = Self.magic + SideCacheChecksum.bytes(SideCacheChecksum.of(data)) + [UInt8](data)
        file.replace { put in framed.withUnsafeBytes { put($0) } }
    }
}
