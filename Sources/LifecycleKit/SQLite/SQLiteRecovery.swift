import Foundation
import GRDB

extension SQLiteSchema {
    /// A writer killed mid-transaction leaves a hot journal (`FILE-journal`) that only a
    /// connection able to write can roll back; until then read-only connections fail with
    /// "attempt to write a readonly database". When the file is writable, one short
    /// read-write open lets SQLite restore the last committed state (its own recovery:
    /// nothing committed is lost). Otherwise the read-only open reports the problem.
    static func recoverFromCrash(_ path: String) {
        let journal = path + "-journal"
        guard let size = (try? FileManager.default.attributesOfItem(atPath: journal))?[.size] as? Int, size > 0,
              access(path, W_OK) == 0, access((path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent, W_OK) == 0
        else { return }
        openAndCloseWritable(path, waiting: 5)
    }

    /// One read through a read-write connection, then closing it: SQLite's own recovery and
    /// clean-up run on open and on the last close.
    private static func openAndCloseWritable(_ path: String, waiting seconds: TimeInterval) {
        var configuration = Configuration()
        configuration.busyMode = .timeout(seconds)
        guard let queue = try? DatabaseQueue(path: path, configuration: configuration) else { return }
        _ = try? queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
        try? queue.close()
    }
}

extension SQLiteSchema {
    /// True when `path` is a WAL-mode file that has no `-wal` or `-shm` beside it: no program
    /// has it open, and a read-only connection is about to create both (SQLite needs them even
    /// to read) and, unable to checkpoint, leave them behind when it closes.
    static func walFilesAbsent(_ path: String) -> Bool {
        guard access(path + "-wal", F_OK) != 0, access(path + "-shm", F_OK) != 0,
              let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 20)) ?? Data()
        return header.count == 20 && header[18] == 2 && header[19] == 2
    }

    /// Once this process's last connection to `path` closed: the empty `-wal` and `-shm` its
    /// read-only connections created (`walFilesAbsent` was true before) are removed by one
    /// short read-write open and close, SQLite's own last-connection clean-up. It writes
    /// nothing into the file (the WAL is empty), and keeps both while another program has
    /// the file open. Skipped when the file or its directory is not writable.
    static func removeWALFilesCreated(_ path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        guard access(path, W_OK) == 0, access(directory.isEmpty ? "." : directory, W_OK) == 0,
              let size = (try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? Int, size == 0
        else { return }
        openAndCloseWritable(path, waiting: 2)
    }
}
