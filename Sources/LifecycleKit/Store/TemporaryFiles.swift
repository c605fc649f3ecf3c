import Foundation

/// The temporary files clc writes beside a target (`.OUT.tmp-PID…` while converting,
/// `.FILE.clc-save-PID…` while saving) are removed when the process is interrupted, and those
/// of processes that died anyway (`kill -9`, a crash) are swept the next time the file is
/// opened or written.
///
/// `register` keeps a path in a fixed table that a SIGINT/SIGTERM/SIGHUP handler reads: the
/// handler only calls `unlink` (async-signal-safe), then puts back the default action and
/// raises the signal again, so the process ends as it would have. The handler is installed
/// only over a signal's default action: a signal the process ignores (`nohup`) or handles
/// itself (the dashboard ends its run loop cleanly, after a save in progress) is left alone.
public enum TemporaryFiles {
    static let slotCount = 16
    static let slotSize = Int(PATH_MAX)
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// `slotCount` NUL-terminated paths; a slot whose first byte is 0 is free. Allocated once,
    /// before any handler can run, and never freed.
    nonisolated(unsafe) static let slots: UnsafeMutablePointer<CChar> = {
        let p = UnsafeMutablePointer<CChar>.allocate(capacity: slotCount * slotSize)
        p.initialize(repeating: 0, count: slotCount * slotSize)
        return p
    }()
    /// The handlers in place before ours, by signal number.
    nonisolated(unsafe) static let previous: UnsafeMutablePointer<sigaction> = .allocate(capacity: 65)
    private static let lock = NSLock()
    nonisolated(unsafe) private static var installed = false

    /// Removes `path` if the process is interrupted before `unregister(path)`.
    public static func register(_ path: String) {
        let bytes = Array(path.utf8)
        guard !bytes.isEmpty, bytes.count < slotSize, !bytes.contains(0) else { return }
        lock.withLock {
            installHandlers()
            guard let slot = (0..<slotCount).first(where: { slots[$0 * slotSize] == 0 }) else { return }
            let base = slots + slot * slotSize
            for (i, b) in bytes.enumerated().dropFirst() { base[i] = CChar(bitPattern: b) }
            base[bytes.count] = 0
            base[0] = CChar(bitPattern: bytes[0]) // last: the slot is in use from here on
        }
    }

    /// Forgets `path` (it was renamed into place or removed).
    public static func unregister(_ path: String) {
        lock.withLock {
            for slot in 0..<slotCount where slots[slot * slotSize] != 0 && String(cString: slots + slot * slotSize) == path {
                slots[slot * slotSize] = 0
            }
        }
    }

    /// The paths registered now.
    static var registered: [String] {
        lock.withLock { (0..<slotCount).filter { slots[$0 * slotSize] != 0 }.map { String(cString: slots + $0 * slotSize) } }
    }

    private static func installHandlers() {
        guard !installed else { return }
        installed = true
        for signal in signals {
            var current = sigaction()
            sigaction(signal, nil, &current)
            guard current.__sigaction_handler.sa_handler == nil, current.sa_flags & SA_SIGINFO == 0 else { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                for slot in 0..<TemporaryFiles.slotCount {
                    let path = TemporaryFiles.slots + slot * TemporaryFiles.slotSize
                    if path[0] != 0 { unlink(path) }
                }
                sigaction(signal, TemporaryFiles.previous + Int(signal), nil)
                raise(signal)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, previous + Int(signal))
        }
    }

    // MARK: Stale files

    /// Removes the temporary files beside `path` left by processes that no longer exist:
    /// `.NAME.tmp-PID…`, `.NAME.clc-save-PID…` and `..NAME.clc-save-PID.tmp-PID…`.
    public static func sweepStale(beside path: String) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for candidate in names where candidate.hasPrefix(".") {
            guard let pid = owner(of: candidate, name: name), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink(directory + "/" + candidate)
        }
    }

    /// The PID in a temporary file name for `name`, nil when it is no such name.
    static func owner(of candidate: String, name: String) -> pid_t? {
        guard let prefix = ["." + name + ".", ".." + name + "."].first(where: { candidate.hasPrefix($0) }) else { return nil }
        let rest = candidate.dropFirst(prefix.count)
        guard let kind = ["tmp-", "clc-save-"].first(where: { rest.hasPrefix($0) }) else { return nil }
        let digits = rest.dropFirst(kind.count).prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 10, let pid = Int32(digits), pid > 0 else { return nil }
        return pid
    }
}
