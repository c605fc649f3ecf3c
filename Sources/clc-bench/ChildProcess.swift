import Foundation

/// A child process that ended: how, after how long, with how much memory.
struct Finished {
    /// The exit status, or 128 + the signal that ended it.
    var status: Int32
    /// Wall time from spawn to exit.
    var seconds: Double
    /// Peak resident memory (`ru_maxrss` from `wait4`), in bytes.
    var peakRSS: Double
    /// Its stdout, when captured.
    var output = ""

    /// Throws unless it exited with status 0.
    func checked(_ what: String) throws -> Finished {
        guard status == 0 else { throw BenchError("\(what) exited with status \(status)") }
        return self
    }
}

/// Starts programs with `posix_spawn` and waits for them with `wait4`, so that wall time and
/// peak memory belong to that one process.
enum ChildProcess {
    enum Stdout { case capture, discard, inherit }

    /// Runs `argv` (`argv[0]` a path) with stdin from /dev/null and stderr inherited.
    static func run(_ argv: [String], environment: [String: String], stdout: Stdout = .discard) throws -> Finished {
        var ends: [Int32] = [-1, -1]
        if stdout == .capture {
            guard pipe(&ends) == 0 else { throw BenchError.posix("pipe") }
            ends.forEach { _ = fcntl($0, F_SETFD, FD_CLOEXEC) }
        }
        defer { ends.filter { $0 >= 0 }.forEach { close($0) } }
        let start = Monotonic.now()
        let pid = try spawn(argv, environment: environment) { actions in
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            switch stdout {
            case .capture: posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
            case .discard: posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            case .inherit: break
            }
        }
        var output = ""
        if stdout == .capture {
            close(ends[1])
            ends[1] = -1
            output = String(decoding: readToEnd(ends[0]), as: UTF8.self)
        }
        var finished = wait(pid, startedAt: start)
        finished.output = output
        return finished
    }

    /// `posix_spawn`, optionally in a new session (the child inherits our signal mask: the
    /// main thread's, which blocks nothing).
    static func spawn(_ argv: [String], environment: [String: String], newSession: Bool = false,
                      files: (inout posix_spawn_file_actions_t) -> Void) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        files(&actions)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        if newSession { posix_spawnattr_setflags(&attributes, Int16(spawnSetSID)) }
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (cArgs + cEnv).forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, argv[0], &actions, &attributes, cArgs, cEnv)
        guard rc == 0 else { throw BenchError("cannot start \(argv[0]): \(String(cString: strerror(rc)))") }
        return pid
    }

    /// glibc's `POSIX_SPAWN_SETSID`, which Swift does not see without `_GNU_SOURCE`.
    private static let spawnSetSID: Int32 = 0x80

    /// Waits for `pid` to end.
    static func wait(_ pid: pid_t, startedAt start: Double) -> Finished {
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        return finished(status, usage, startedAt: start)
    }

    private static func finished(_ status: Int32, _ usage: rusage, startedAt start: Double) -> Finished {
        let code = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Finished(status: code, seconds: Monotonic.now() - start, peakRSS: Double(usage.ru_maxrss) * 1024)
    }

    /// How `pid` ended, when it has; nil while it runs.
    static func poll(_ pid: pid_t, startedAt start: Double) -> Finished? {
        var status: Int32 = 0
        var usage = rusage()
        var ended: pid_t
        repeat { ended = wait4(pid, &status, WNOHANG, &usage) } while ended == -1 && errno == EINTR
        return ended == pid ? finished(status, usage, startedAt: start) : nil
    }

    /// Everything readable from `fd` until end of file (or an error such as a pty's EIO).
    static func readToEnd(_ fd: Int32) -> [UInt8] {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n > 0 { data += buffer[0..<n]; continue }
            if n < 0 && errno == EINTR { continue }
            return data
        }
    }
}
