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

    var current: SQLiteListIndex? { lock.withLock { index } }
    var currentGeneration: Int { lock.withLock { generation } }
    var hasUnsavedChanges: Bool { lock.withLock { unsaved && index != nil } }

    /// Installs an index built from the file as it was at `generation`; false when stale.
    func install(_ built: SQLiteListIndex, builtAt generation: Int) -> Bool {
        lock.withLock {
            guard generation == self.generation else { return false }
            index = built
            unsaved = false
            return true
        }
    }

    /// Forgets the index (the file changed in a way it cannot follow).
    func drop() {
        lock.withLock {
            index = nil
            unsaved = false
            generation += 1
        }
    }

    /// This store committed `moves` at `at`: the index follows them, else is dropped.
    func follow(_ moves: [SQLiteListIndex.Move], at: Timestamp) {
        lock.withLock {
            generation += 1
            guard let index, index.follow(moves, at: at.microseconds) else {
                index = nil
                return
            }
            unsaved = true
        }
    }

    /// The id order of `index` (every slot ascending by id), read under the lock that stage
    /// changes take; nil when it is not the installed index or has no id order.
    func idOrder(of index: SQLiteListIndex) -> [Int32]? {
        lock.withLock { self.index === index ? index.orders[.id] : nil }
    }

    func markSaved() { lock.withLock { unsaved = false } }
}
