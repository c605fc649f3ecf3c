import Foundation

/// The touchpoint analyses of a SQLite store: a result kept in the side cache for the very
/// state of the file it came from answers at once; else attribution and cohorts are computed
/// in a scan of their own (`SQLiteAttributionScan`, `SQLiteCohortScan`: only the columns they
/// need, touchpoints in rowid order), the others in the streaming pass, and the result is kept.
extension SQLiteSnapshotStore {
    public func answer<A: AnsweredAnalysis>(_ analysis: A, progress: @escaping @Sendable (Int) -> Void,
                                            shouldStop: @escaping @Sendable () -> Bool) throws -> A.Result {
        if let a = analysis as? AttributionAnalysis, let whole = keptWhole(a) { return whole as! A.Result }
        return try kept(analysis.cacheKey) {
            try waitForHeavyPasses(shouldStop)
            defer { Self.heavyPasses.unlock() }
            switch analysis {
            case let a as AttributionAnalysis: return try scannedAttribution(a, progress: progress, shouldStop: shouldStop) as! A.Result
            case let c as CohortAnalysis: return try scannedCohorts(c, progress: progress, shouldStop: shouldStop) as! A.Result
            default: return try streamedAnswer(analysis, progress: progress, shouldStop: shouldStop)
            }
        }
    }

    /// Attribution by `SQLiteAttributionScan` (what `answer` computes; the same as the streaming pass).
    func scannedAttribution(_ a: AttributionAnalysis, progress: @escaping @Sendable (Int) -> Void = { _ in },
                            shouldStop: @escaping @Sendable () -> Bool = { false }) throws -> AttributionAnalysis {
        try chunkedPass { pass in
            try SQLiteAttributionScan(store: self, pass: pass, stage: a.stage, lookbackDays: a.lookbackDays,
                                      progress: progress, shouldStop: shouldStop).run(a)
        }
    }

    /// Cohorts by `SQLiteCohortScan` (what `answer` computes; the same as the streaming pass).
    func scannedCohorts(_ c: CohortAnalysis, progress: @escaping (Int) -> Void = { _ in },
                        shouldStop: @escaping () -> Bool = { false }) throws -> CohortAnalysis {
        try chunkedPass { pass in try SQLiteCohortScan(store: self, pass: pass, progress: progress, shouldStop: shouldStop).run(c) }
    }

    /// The result kept under `key` for this state of the file, else `compute`'s (then kept).
    func kept<T: Codable>(_ key: String, _ compute: () throws -> T) throws -> T {
        let cache = SQLiteAnalysisCache(snapshotPath: path, key: key)
        // Taken before reading: a later commit makes the kept result unused, never wrong.
        let fingerprint = SQLiteFileFingerprint(path: path)
        if let cache, let fingerprint, let result = cache.read(T.self, fingerprint: fingerprint) { return result }
        let result = try compute()
        analysisPasses.withLock { $0 += 1 }
        if let cache, let fingerprint { cache.write(result, fingerprint: fingerprint) }
        return result
    }

    /// For attribution by some dimensions only (the command's question), the result of every
    /// dimension (the screen's) when one is kept for this state of the file.
    private func keptWhole(_ a: AttributionAnalysis) -> AttributionAnalysis? {
        let whole = AttributionAnalysis(stage: a.stage, lookbackDays: a.lookbackDays)
        guard a.dimensions != whole.dimensions,
              let cache = SQLiteAnalysisCache(snapshotPath: path, key: whole.cacheKey),
              let fingerprint = SQLiteFileFingerprint(path: path) else { return nil }
        return cache.read(AttributionAnalysis.self, fingerprint: fingerprint)
    }

    /// The resolved path and the fingerprint of the file's present state, as text (the key
    /// of a result that depends on this file, kept beside another); nil when unreadable.
    var fileState: String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let fingerprint = SQLiteFileFingerprint(path: path), let data = try? encoder.encode(fingerprint) else { return nil }
        return URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path + " " + String(decoding: data, as: UTF8.self)
    }

    /// Takes `heavyPasses` (one full pass at a time, so the keys keep a core), giving up once
    /// `shouldStop` says so.
    func waitForHeavyPasses(_ shouldStop: () -> Bool) throws {
        while !Self.heavyPasses.try() {
            if shouldStop() { throw CancellationError() }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }
}
