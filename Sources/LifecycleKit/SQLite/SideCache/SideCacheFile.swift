import Foundation

/// One side cache file of a SQLite snapshot, in `$CLC_CACHE_DIR`, else
/// `$XDG_CACHE_HOME/clc`, else `~/.cache/clc`: one file per snapshot and kind (`suffix`),
/// named after the snapshot's resolved path. The snapshot itself is never written.
struct SideCacheFile {
    /// The snapshot's path with symbolic links resolved (recorded in every cache file).
    let snapshotPath: String
    let url: URL

    /// Nil when no cache directory can be named.
    init?(snapshotPath: String, suffix: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let base: String
        if let dir = environment["CLC_CACHE_DIR"], !dir.isEmpty {
            base = dir
        } else if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            base = xdg + "/clc"
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            base = home + "/.cache/clc"
        } else {
            return nil
        }
        let real = URL(fileURLWithPath: snapshotPath).resolvingSymlinksInPath().standardizedFileURL.path
        let name = (real as NSString).lastPathComponent.filter { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }
        self.snapshotPath = real
        url = URL(fileURLWithPath: base).appendingPathComponent("\(name.prefix(40))-\(Self.hash(real)).\(suffix)")
    }

    /// Writes the file whole: `body` puts bytes into a temporary file, which is renamed over
    /// `url` when every write succeeded. Failures are ignored: a cache only saves time.
    func replace(_ body: ((UnsafeRawBufferPointer) -> Void) -> Void) {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.path + ".\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { return }
        var ok = true
        body { bytes in
            var done = 0
            while ok && done < bytes.count {
                let n = write(fd, bytes.baseAddress! + done, bytes.count - done)
                if n <= 0 { ok = false } else { done += n }
            }
        }
        close(fd)
        if ok { ok = rename(temporary, url.path) == 0 }
        if !ok { unlink(temporary) }
        Self.prune(url.deletingLastPathComponent())
    }

    /// Cache files not written for `days` days are removed when another is written, so that
    /// caches of snapshots long gone do not pile up (one still in use is simply rebuilt).
    static func prune(_ directory: URL, olderThanDays days: Double = 30) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory.path) else { return }
        let limit = Date().addingTimeInterval(-days * 86_400)
        for name in names where [".clc-index", ".clc-report", ".clc-values", ".tmp"].contains(where: name.hasSuffix)
            || name.contains("." + SQLiteAnalysisCache.suffix) {
            let path = directory.appendingPathComponent(name).path
            if let modified = (try? fm.attributesOfItem(atPath: path))?[.modificationDate] as? Date, modified < limit {
                try? fm.removeItem(atPath: path)
            }
        }
    }

    /// FNV-1a of `s` (a path, a cache key), as 16 hex digits.
    static func hash(_ s: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
