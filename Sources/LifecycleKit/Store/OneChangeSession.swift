import Foundation

/// A snapshot opened for one change from the command line (`clc move`).
///
/// SQLite: the store as `SnapshotFile.open` gives it; each change is committed into the file.
/// JSON: when no dashboard has the file open, `finish()` writes the change into the file
/// itself, as the dashboard's `w` does (a complete new file beside it, synced, renamed over
/// it, the directory synced; changes waiting in the journal go in too), holding
/// `FILE.clc-lock` exclusively from opening to the end. When a dashboard has the file open
/// (`throughJournal`), the change stays in the journal, where the dashboard picks it up.
public final class OneChangeSession {
    public let store: any SnapshotStore
    /// A dashboard has the JSON file open: the change goes through its journal.
    public let throughJournal: Bool
    /// Unsaved changes were waiting in the journal when the file was opened.
    public let hadUnsavedChanges: Bool
    private var lock: JSONOpenLock?

    private init(store: any SnapshotStore, throughJournal: Bool, lock: JSONOpenLock?) {
        self.store = store
        self.throughJournal = throughJournal
        hadUnsavedChanges = store.hasUnsavedChanges
        self.lock = lock
    }

    /// Opens `path`; waits up to `timeout` seconds while another `clc move` rewrites the file.
    public static func open(_ path: String, timeout: TimeInterval = 10) throws -> OneChangeSession {
        guard try SnapshotFile.kind(ofFileAt: path) == .json else {
            return OneChangeSession(store: try SnapshotFile.open(path), throughJournal: false, lock: nil)
        }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let exclusive: JSONOpenLock?, shared: JSONOpenLock?
            do {
                exclusive = try JSONOpenLock.tryAcquire(path, .exclusive)
                shared = exclusive == nil ? try JSONOpenLock.tryAcquire(path, .shared) : nil
            } catch {
                // No lock file in a directory clc cannot write: the store refuses changes there.
                return OneChangeSession(store: try JSONSnapshotStore(path: path), throughJournal: false, lock: nil)
            }
            if let lock = exclusive ?? shared {
                return OneChangeSession(store: try JSONSnapshotStore(path: path), throughJournal: shared != nil, lock: lock)
            }
            // Held exclusively: another `clc move` is rewriting the file.
            guard Date() < deadline else {
                throw OperationError(Message(.fileBeingRewritten, .text(path), .text(JSONOpenLock.path(for: path))))
            }
            usleep(20_000)
        }
    }

    /// Ends the session: a JSON file no dashboard has open gets its changes written into it.
    public func finish() throws {
        defer { lock = nil }
        guard !throughJournal, store.hasUnsavedChanges else { return }
        try store.save()
    }
}
