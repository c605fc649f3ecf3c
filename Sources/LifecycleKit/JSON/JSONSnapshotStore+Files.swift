import Foundation

/// The files beside a JSON snapshot: saving under another name, a stale journal set aside,
/// and the dashboard's mark that it has the file open.
extension JSONSnapshotStore {
    /// Writes the snapshot with its stage changes to the new file `other` and continues on
    /// it: later changes are journalled against `other`, and the opened file's journal is
    /// removed (its changes are all in `other`), so the opened file opens as it is on disk.
    /// The same path as the opened file means `save()`. A store that cannot change stages
    /// only writes the copy. Refuses when a journal for `other` exists already.
    public func save(to other: String) throws {
        let target = URL(fileURLWithPath: other).standardizedFileURL.path
        if target == URL(fileURLWithPath: path).standardizedFileURL.path { return try save() }
        do {
            guard !moves.readOnly, let journal = moves.journal else {
                return try export(to: JSONSnapshotWriter(path: other))
            }
            guard !FileManager.default.fileExists(atPath: JSONJournal.path(for: other)) else {
                throw MoveError(.io("a journal \(JSONJournal.path(for: other)) is there already: choose another name"), path: other)
            }
            try journal.withLock {
                // What other copies of clc appended goes into the new file too.
                _ = try catchUp(evenIfFileChanged: true)
                try export(to: JSONSnapshotWriter(path: other))
                let identity = try JSONBaseIdentity(path: other)
                let fresh = try JSONJournal.read(snapshotPath: other, base: identity)
                try journal.remove()
                continueOn(other, identity: identity, journal: fresh)
            }
        } catch {
            if let e = error as? MoveError { throw e }
            throw MoveError(.io("\(error)"), path: other)
        }
    }

    /// From now on the store is the file at `other` (same content, an empty journal).
    private func continueOn(_ other: String, identity: JSONBaseIdentity, journal: JSONJournal) {
        path = other
        moves.identity = identity
        moves.stamp = JSONFileStamp(path: other)
        moves.journal = journal
        if moves.openLock != nil { moves.openLock = try? JSONOpenLock.acquire(other, .shared, timeout: 2) }
    }

    /// The journal that could not be replayed, if any (see `init(path:readOnly:)`).
    public var staleJournal: StaleJournal? { moves.staleJournal }

    /// Renames the stale journal to `FILE.clc-journal.set-aside-<time>` (it is never deleted)
    /// and allows stage changes on the file as it is on disk. Returns the new name.
    public func setAsideStaleJournal() throws -> String {
        guard let stale = moves.staleJournal else { throw OperationError(Message(.noJournalToSetAside, .text(path))) }
        let target = StaleJournal.setAsidePath(for: stale.path, at: StageMover.now())
        if rename(stale.path, target) != 0 && errno != ENOENT {
            throw OperationError(Message(.cannotSetAside, .text(target), .text(String(cString: strerror(errno)))))
        }
        JSONJournal.syncDirectory(of: target)
        moves.staleJournal = nil
        do {
            moves.journal = try JSONJournal.read(snapshotPath: path, base: moves.identity)
        } catch let again as StaleJournal {
            moves.staleJournal = again   // another program wrote a new one meanwhile
        }
        return target
    }

    /// Marks the file as open in a dashboard until `releaseFile()` (see `JSONOpenLock`).
    func holdOpenLock(_ lock: JSONOpenLock?) { moves.openLock = lock }

    /// Gives up the dashboard's mark that it has the file open.
    public func releaseFile() { moves.openLock = nil }
}
