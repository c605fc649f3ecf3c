import Foundation

/// The list index of a SQLite store (see `SQLiteListIndex`): built in the background,
/// kept in a side cache, used for every list it can answer. Until it is ready, and for what
/// it cannot answer, lists come from SQL.
extension SQLiteSnapshotStore {
    public func prepareListIndex() throws -> ListIndexPreparation {
        if listIndex.current != nil || stages.count > SQLiteListIndex.maxStages { return .notNeeded }
        let generation = listIndex.currentGeneration
        let cache = SQLiteListIndexCache(snapshotPath: path)
        let stageIDs = stages.map(\.id)
        // Taken before reading: a commit after it changes the file's fingerprint, so the cache
        // written below can only be older than the file, never taken for a newer state.
        let fingerprint = SQLiteFileFingerprint(path: path)
        if let cache, let fingerprint, let cached = cache.read(fingerprint: fingerprint, stageIDs: stageIDs) {
            guard listIndex.install(cached, builtAt: generation, mark: markIfUnchanged(since: fingerprint)) else { return .interrupted }
            ListIndexLog.note("loaded")
            attachValuesToIndex()
            return .loadedFromCache
        }
        let built: SQLiteListIndexBuilder.Built
        do {
            built = try readOnOwnConnection(inOneTransaction: false) { db in
                try SQLiteListIndexBuilder(stageIndex: stageIndex, stageCount: stages.count).build(db)
            }
        } catch {
            if listIndex.currentGeneration != generation || error is FileChangedDuringPass { return .interrupted }
            throw error
        }
        var mapped: SQLiteListIndex?
        if let cache, let fingerprint {
            cache.write(built.index, wholeOrders: built.orders, fingerprint: fingerprint, stageIDs: stageIDs)
            // Read back mapped: the session then holds only the pages it touches, as after a warm open.
            mapped = cache.read(fingerprint: fingerprint, stageIDs: stageIDs)
        }
        let installed = mapped ?? built.grouped()
        let mark = fingerprint.flatMap { markIfUnchanged(since: $0) }
        guard listIndex.install(installed, builtAt: generation, mark: mark) else { return .interrupted }
        listIndexBuilds.withLock { $0 += 1 }
        ListIndexLog.note("built")
        attachValuesToIndex()
        return .built
    }

    /// Writes the index with this store's stage changes to the side cache, stamped with the
    /// file's fingerprint taken while no other connection can commit (inside a write
    /// transaction) and only when no other program changed the file since this store last
    /// looked. Also called when the store goes away.
    public func saveListIndex() {
        guard listIndex.hasUnsavedChanges, let writer, let index = listIndex.current,
              let cache = SQLiteListIndexCache(snapshotPath: path) else { return }
        var fingerprint: SQLiteFileFingerprint?
        try? writer.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                if !changedElsewhere, try dataVersion() == lastDataVersion { fingerprint = SQLiteFileFingerprint(path: path) }
                return .rollback
            }
        }
        guard let fingerprint else { return }
        cache.write(index, fingerprint: fingerprint, stageIDs: stages.map(\.id))
        listIndex.markSaved()
    }

    /// Stage counts without a query when the side cache describes this very state of the file.
    func cachedStageCounts() -> [Int]? {
        if let index = listIndex.current { return index.stageCounts }
        guard let cache = SQLiteListIndexCache(snapshotPath: path),
              let fingerprint = SQLiteFileFingerprint(path: path) else { return nil }
        return cache.stageCounts(fingerprint: fingerprint, stageIDs: stages.map(\.id))
    }

    /// The slots of a list from the index, or nil when SQL must answer.
    func indexedList(stage: String, filter: CustomerFilter, field: CustomerSort.Field) -> (SQLiteListIndex, SlotList)? {
        guard let position = stageIndex[stage], let (index, values) = indexWithValues(filter: filter, field: field),
              let slots = index.list(stage: position, filter: filter, field: field, values: values,
                                     idSlots: idSlots(filter, index)) else { return nil }
        return (index, slots)
    }

    /// The installed index, with the value orders made for it when `filter` or `field` needs
    /// them; nil when the index cannot answer (none yet, or no value orders for it).
    func indexWithValues(filter: CustomerFilter, field: CustomerSort.Field) -> (SQLiteListIndex, SlotValues?)? {
        guard let index = listIndex.current else { return nil }
        guard field.isValue || filter.value != nil else { return (index, nil) }
        guard let values = valueSlot.current.slots, values.index === index else { return nil }
        return (index, values)
    }
}

/// The funnel figures of a SQLite store, kept in a side cache for the state of the file
/// they were computed from: reopening an unchanged file shows them at once.
extension SQLiteSnapshotStore {
    public func funnelReport() throws -> FunnelReport { try funnelReport(shouldStop: { false }) }

    /// While it waits for another full pass, a request that `shouldStop` gives up: after a run
    /// of changes by another program only the latest request scans (they used to queue, one
    /// thread and one whole scan each, holding the file's read lock against its writers).
    public func funnelReport(shouldStop: @escaping @Sendable () -> Bool) throws -> FunnelReport {
        let cache = SQLiteReportCache(snapshotPath: path)
        // Taken before the scan reads: a later commit makes the cached figures unused, never wrong.
        let fingerprint = SQLiteFileFingerprint(path: path)
        if let cache, let fingerprint, let report = cache.read(fingerprint: fingerprint, stages: stages) {
            noteChecked(fingerprint)
            return report
        }
        try waitForHeavyPasses(shouldStop)
        defer { Self.heavyPasses.unlock() }
        // The pass waited for may have left the figures of this very state.
        if let cache, let fingerprint, let report = cache.read(fingerprint: fingerprint, stages: stages) {
            noteChecked(fingerprint)
            return report
        }
        // Never figures of rows `validate` refuses (after stage changes: the rows they added);
        // a check of the whole file counts the totals on its row pass.
        let totals = try requireValidSinceChecked()
        // One pass after the other: at once they would take both cores from the keys (and 10 MB more).
        let report = try scannedFunnelReport(totals: totals)
        if let cache, let fingerprint { cache.write(report, fingerprint: fingerprint) }
        return report
    }
}
