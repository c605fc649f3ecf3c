import Foundation

/// Holds a store's list index across threads: built or loaded on a background thread,
/// installed here, then read and changed on the main thread only.
final class SQLiteListIndexSlot: @unchecked Sendable {
    private let lock = NSLock()
    private var index: SQLiteListIndex?
    /// Bumped by every change the installed index cannot follow: a build started before
    /// it is stale and is not installed.
    private var generation = 0
    /// The installed index holds this store's stage changes, not yet in the side cache.
    private var unsaved = false
    /// The installed index followed another program's changes, read back from the file: it
    /// is never written to the side cache (what the file's mark cannot see may have changed).
    private var followedOthers = false
    /// What the file held besides stages when the installed index was made or last followed
    /// it (nil: unknown, another program's change makes it rebuild).
    private var mark: SQLiteFileMark?

    var current: SQLiteListIndex? { lock.withLock { index } }
    var currentGeneration: Int { lock.withLock { generation } }
    var hasUnsavedChanges: Bool { lock.withLock { unsaved && index != nil && !followedOthers } }
    /// The installed index and the mark of the file it describes, when both are known.
    var currentWithMark: (SQLiteListIndex, SQLiteFileMark)? {
        lock.withLock { index.flatMap { index in mark.map { (index, $0) } } }
    }

    /// Installs an index built from the file as it was at `generation` (`mark`: the file's
    /// then, when known); false when stale.
    func install(_ built: SQLiteListIndex, builtAt generation: Int, mark: SQLiteFileMark? = nil) -> Bool {
        lock.withLock {
            guard generation == self.generation else { return false }
            index = built
            unsaved = false
            followedOthers = false
            self.mark = mark
            return true
        }
    }

    /// Forgets the index (the file changed in a way it cannot follow).
    func drop() {
        lock.withLock {
            index = nil
            unsaved = false
            mark = nil
            generation += 1
        }
    }

    /// `moves` were committed (by this store when `own`, else by another program): the
    /// index follows them in place, else is dropped (false). `mark`: the file's after them.
    @discardableResult
    func follow(_ moves: [SQLiteListIndex.Move], own: Bool, mark: SQLiteFileMark?) -> Bool {
        lock.withLock {
            generation += 1
            guard let index, index.follow(moves) else {
                index = nil
                self.mark = nil
                return false
            }
            self.mark = mark
            if own { unsaved = true } else { followedOthers = true }
            return true
        }
    }

    /// The id order of `index` (every slot ascending by id), read under the lock that stage
    /// changes take; nil when it is not the installed index or has no id order.
    func idOrder(of index: SQLiteListIndex) -> [Int32]? {
        lock.withLock { self.index === index ? index.orders[.id]?.wholeOrder() : nil }
    }

    func markSaved() { lock.withLock { unsaved = false } }
}
