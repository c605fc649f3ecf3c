import Foundation

/// `FILE.clc-lock` beside a JSON snapshot: whether a dashboard has the file open.
///
/// A dashboard holds a shared `flock` on it for as long as it has the file open; `clc move`
/// takes it exclusively while it rewrites the file, so an exclusive lock refused while a
/// shared one is granted means "a dashboard has this file open". The kernel drops a lock
/// when its holder ends, crash included, so the signal never outlives a dashboard. The last
/// holder removes the file (holding it exclusively); one who locked a file removed meanwhile
/// notices (it is no longer the file at the path) and takes the new one.
final class JSONOpenLock {
    enum Mode { case shared, exclusive }

    let path: String
    let mode: Mode
    private var fd: Int32

    static func path(for snapshotPath: String) -> String { snapshotPath + ".clc-lock" }

    private init(path: String, mode: Mode, fd: Int32) {
        self.path = path
        self.mode = mode
        self.fd = fd
    }

    deinit { release() }

    /// Takes the lock of the snapshot at `snapshotPath` in `mode` without waiting: nil when
    /// another holder refuses it. Throws when the lock file cannot be created or opened.
    static func tryAcquire(_ snapshotPath: String, _ mode: Mode) throws -> JSONOpenLock? {
        let path = Self.path(for: snapshotPath)
        while true {
            let fd = open(path, O_RDONLY | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                throw OperationError(Message(.cannotOpenLock, .text(path), .text(String(cString: strerror(errno)))))
            }
            var result: Int32
            repeat { result = flock(fd, (mode == .shared ? LOCK_SH : LOCK_EX) | LOCK_NB) } while result != 0 && errno == EINTR
            if result != 0 {
                close(fd)
                return nil
            }
            var held = stat(), current = stat()
            if fstat(fd, &held) == 0, stat(path, &current) == 0, held.st_dev == current.st_dev, held.st_ino == current.st_ino {
                return JSONOpenLock(path: path, mode: mode, fd: fd)
            }
            close(fd)   // removed by its last holder meanwhile: take the new one
        }
    }

    /// Takes the lock in `mode`, waiting up to `timeout` seconds for other holders; nil when
    /// they still hold it then.
    static func acquire(_ snapshotPath: String, _ mode: Mode, timeout: TimeInterval) throws -> JSONOpenLock? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let lock = try tryAcquire(snapshotPath, mode) { return lock }
            if Date() >= deadline { return nil }
            usleep(20_000)
        }
    }

    /// Gives the lock up; the file is removed when no one else holds it.
    func release() {
        guard fd >= 0 else { return }
        if flock(fd, LOCK_EX | LOCK_NB) == 0 { unlink(path) }
        close(fd)
        fd = -1
    }
}
