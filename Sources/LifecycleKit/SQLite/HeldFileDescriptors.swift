import Foundation

/// Reads a few bytes of a SQLite file (its header) through a descriptor this process keeps
/// open, one per path: by POSIX's rule, closing *any* descriptor of a file drops every lock
/// this process holds on it, so an `open`/`close` beside a SQLite read let another program
/// commit under that read (seen with `strace`: a writer got its exclusive lock while the
/// dashboard's read still ran). SQLite itself defers such closes; this does likewise. A
/// descriptor is closed only once its path names another file (the old one was replaced:
/// nobody can commit into it by its path any more).
enum HeldFileDescriptors {
    private struct Held {
        var device: UInt64
        var inode: UInt64
        var fd: Int32
    }

    private static let held = Protected([String: Held]())

    /// `count` bytes at `offset` of the file at `path`; nil when it cannot be read that far.
    /// The descriptor is kept only while `keep` says so of the bytes (a file SQLite never
    /// locks, such as JSON, needs none).
    static func bytes(_ path: String, at offset: Int, count: Int, keep: ([UInt8]) -> Bool = { _ in true }) -> [UInt8]? {
        held.withLock { table -> [UInt8]? in
            guard let fd = descriptor(path, &table) else { return nil }
            var out = [UInt8](repeating: 0, count: count)
            let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(offset)) }
            if n != count || !keep(out) {
                close(fd)
                table[path] = nil
            }
            return n == count ? out : nil
        }
    }

    /// The held descriptor of the file now at `path`.
    private static func descriptor(_ path: String, _ table: inout [String: Held]) -> Int32? {
        var s = stat()
        guard stat(path, &s) == 0, (s.st_mode & S_IFMT) == S_IFREG else { return nil }
        if let known = table[path] {
            if known.device == UInt64(s.st_dev), known.inode == UInt64(s.st_ino) { return known.fd }
            close(known.fd)
            table[path] = nil
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var opened = stat()
        guard fstat(fd, &opened) == 0 else {
            close(fd)
            return nil
        }
        table[path] = Held(device: UInt64(opened.st_dev), inode: UInt64(opened.st_ino), fd: fd)
        return fd
    }
}
