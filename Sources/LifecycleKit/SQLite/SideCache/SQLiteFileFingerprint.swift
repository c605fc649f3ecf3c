import Foundation

/// What identifies one state of a SQLite file: its identity, size and modification time,
/// the change counter in its header (bumped by every commit in rollback-journal mode), and
/// the same for its `-wal` file (commits in WAL mode append there; a restarted WAL gets new
/// salts). Any commit changes at least one of these, so a side cache stamped with the
/// fingerprint taken *before* it read the file is never taken for a later state.
struct SQLiteFileFingerprint: Codable, Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modifiedNanoseconds: Int64
    var changeCounter: UInt32
    var walSize: Int64
    var walModifiedNanoseconds: Int64
    var walSalts: UInt64

    /// The fingerprint of `path` now; nil when it cannot be read.
    init?(path: String) {
        guard let db = Self.status(path), let header = Self.bytes(path, at: 24, count: 4) else { return nil }
        device = UInt64(db.st_dev)
        inode = UInt64(db.st_ino)
        size = Int64(db.st_size)
        modifiedNanoseconds = Self.nanoseconds(db)
        changeCounter = header.reduce(0) { $0 << 8 | UInt32($1) }
        // An empty -wal holds no commit (every state is in the file itself): as if absent, so
        // that one a reader created and removed again changes nothing.
        if let wal = Self.status(path + "-wal"), wal.st_size > 0 {
            walSize = Int64(wal.st_size)
            walModifiedNanoseconds = Self.nanoseconds(wal)
            // SQLite locks the -wal of no file (the main file and -shm hold the locks): read and closed.
            walSalts = (HeldFileDescriptors.bytes(path + "-wal", at: 16, count: 8, keep: { _ in false }) ?? []).reduce(0) { $0 << 8 | UInt64($1) }
        } else {
            (walSize, walModifiedNanoseconds, walSalts) = (-1, 0, 0)
        }
    }

    private static func status(_ path: String) -> stat? {
        var s = stat()
        return stat(path, &s) == 0 ? s : nil
    }

    private static func nanoseconds(_ s: stat) -> Int64 {
        #if os(Linux)
        Int64(s.st_mtim.tv_sec) * 1_000_000_000 + Int64(s.st_mtim.tv_nsec)
        #else
        Int64(s.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(s.st_mtimespec.tv_nsec)
        #endif
    }

    /// Through a descriptor kept open: closing one would drop this process's SQLite locks.
    private static func bytes(_ path: String, at offset: Int, count: Int) -> [UInt8]? {
        HeldFileDescriptors.bytes(path, at: offset, count: count)
    }
}
