import Foundation

/// The value figures of a SQLite store, kept in a side cache (`SQLiteValueCache`): a warm
/// open reads them at once; after stage changes (which change no purchase) one pass over the
/// tables checks the `SQLiteValueKey` instead of a refit; a change of the purchases, the
/// customers, `as_of` or the CLV settings refits.
extension SQLiteSnapshotStore {
    /// Where `valueTable` found the figures.
    enum ValueTableSource: Equatable {
        /// The cache describes this very state of the file.
        case cache
        /// The file changed, but not what the figures depend on (stage changes): the key matched.
        case cacheKeyMatched
        /// Computed (one streaming pass and the fits) and written to the cache.
        case computed
    }

    public func valueTable(lifetime: LifetimeValue) throws -> CustomerValueTable {
        try valueTable(lifetime: lifetime, refit: { $0 }).table
    }

    /// `valueTable(lifetime:)`, saying where the figures came from; `refit` sees each new
    /// fit before the last good parameters stand in for one that did not converge (tests).
    func valueTable(lifetime: LifetimeValue,
                    refit: (CustomerValueModel) -> CustomerValueModel) throws -> (table: CustomerValueTable, source: ValueTableSource) {
        let cache = SQLiteValueCache(snapshotPath: path)
        // Taken before reading: a commit after it makes the cache unused next time, never wrong.
        let fingerprint = SQLiteFileFingerprint(path: path)
        let asOf = info.asOf
        let stored = cache?.read()
        if let stored, stored.fingerprint == fingerprint, stored.key.asOf == asOf, stored.key.lifetime == lifetime {
            return (stored.table, .cache)
        }
        Self.heavyPasses.lock()
        defer { Self.heavyPasses.unlock() }
        // Taken before the figures' pass: a purchase added between the two makes the next
        // open refit, never shows old figures as new.
        let key = try valueKey(asOf: asOf, lifetime: lifetime)
        if let stored, stored.key == key {
            if let cache, let fingerprint { cache.write(.init(fingerprint: fingerprint, key: key, lastGood: stored.lastGood, table: stored.table)) }
            return (stored.table, .cacheKeyMatched)
        }
        let lastGood = stored?.lastGood ?? LastGoodFits()
        let pass = try run(ValueTableAnalysis(observationEnd: asOf))
        let model = refit(pass.fit(lifetime: lifetime))
        let table = pass.table(model.usingLastGood(lastGood))
        if let cache, let fingerprint {
            cache.write(.init(fingerprint: fingerprint, key: key, lastGood: lastGood.updated(with: model), table: table))
        }
        return (table, .computed)
    }

    /// The passes that hold much memory (the funnel figures' scan, the value figures' pass) run
    /// one after the other in a process: at once their peaks would add up (the dashboard starts
    /// both when it opens a file) and they would take both cores from the keys.
    static let heavyPasses = NSLock()

    /// The key of the file as it is: one chunked pass over customers and touchpoints in SQLite.
    func valueKey(asOf: Timestamp, lifetime: LifetimeValue) throws -> SQLiteValueKey {
        try chunkedPass { pass in
            SQLiteMixFunction.register(on: pass.db)
            var key = SQLiteValueKey(asOf: asOf, lifetime: lifetime, customers: .init(), touchpoints: .init())
            try pass.aggregates("count(*), sum(clc_mix(id))", of: "customers", chunk: 250_000) { row in
                key.customers.add(rows: row.int(2), maxRowid: row.int(3), counted: row.int(0), hash: Int64(row.int(1)))
            }
            let purchase = "type = 'purchase'"
            try pass.aggregates("sum(\(purchase)), sum(CASE WHEN \(purchase) THEN clc_mix(clc_rowid, customer_id, at, value) END)",
                                of: "touchpoints", chunk: 250_000) { row in
                key.touchpoints.add(rows: row.int(2), maxRowid: row.int(3), counted: row.int(0), hash: Int64(row.int(1)))
            }
            return key
        }
    }
}
