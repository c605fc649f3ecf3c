import Foundation

/// Runs a program on a new pseudo-terminal, as a terminal emulator would: the slave is its
/// stdin, stdout, stderr and controlling terminal (new session), the window has a fixed size,
/// and everything it writes is read (and dropped) so it never blocks on output.
enum Pty {
    /// Runs `argv` to its end; returns how it ended and how many bytes it wrote to the
    /// terminal. Killed after `timeout` seconds.
    static func run(_ argv: [String], environment: [String: String], width: Int, height: Int,
                    timeout: Double) throws -> (finished: Finished, written: Int) {
        let api = try PtyAPI()
        let master = api.openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0 else { throw BenchError.posix("posix_openpt") }
        defer { close(master) }
        guard api.grantpt(master) == 0, api.unlockpt(master) == 0, let name = api.ptsname(master) else {
            throw BenchError.posix("grantpt")
        }
        let slavePath = String(cString: name)
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        guard ioctl(master, UInt(TIOCSWINSZ), &size) == 0 else { throw BenchError.posix("TIOCSWINSZ") }
        // Held open until the child has ended, so the master never reads as hung up before
        // the child has opened its side.
        var slave = open(slavePath, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard slave >= 0 else { throw BenchError.posix("open \(slavePath)") }
        defer { if slave >= 0 { close(slave) } }

        let start = Monotonic.now()
        let pid = try ChildProcess.spawn(argv, environment: environment, newSession: true) { actions in
            posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
            posix_spawn_file_actions_adddup2(&actions, 0, 1)
            posix_spawn_file_actions_adddup2(&actions, 0, 2)
        }
        let drained = Drain(master)
        let watchdog = Watchdog(pid: pid, after: timeout)
        let finished = ChildProcess.wait(pid, startedAt: start)
        let killed = watchdog.cancel()
        close(slave)
        slave = -1
        let written = drained.bytes()
        if killed { throw BenchError("\(argv[0]) did not end within \(Int(timeout)) s on a terminal") }
        return (finished, written)
    }

    /// Reads a pty master on a thread of its own until it reports end (EIO once no slave is open).
    /// Sendable: `count` is written before `done` is signalled and read after it is waited for.
    final class Drain: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var count = 0

        init(_ fd: Int32) {
            let thread = Thread { [self] in
                count = ChildProcess.readToEnd(fd).count
                done.signal()
            }
            thread.start()
        }

        /// How many bytes were read, once reading has ended.
        func bytes() -> Int {
            done.wait()
            return count
        }
    }

    /// Kills a process that runs past its time.
    final class Watchdog: @unchecked Sendable {
        private let lock = NSLock()
        private var active = true
        private var fired = false

        init(pid: pid_t, after seconds: Double) {
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [self] in
                lock.lock()
                defer { lock.unlock() }
                if active { fired = true; kill(pid, SIGKILL) }
            }
        }

        /// Stops it; true when it had already killed the process.
        func cancel() -> Bool {
            lock.lock()
            defer { lock.unlock() }
            active = false
            return fired
        }
    }

    /// glibc's pseudo-terminal calls, which Swift does not see without `_XOPEN_SOURCE`:
    /// looked up at run time.
    struct PtyAPI {
        let openpt: @convention(c) (Int32) -> Int32
        let grantpt: @convention(c) (Int32) -> Int32
        let unlockpt: @convention(c) (Int32) -> Int32
        let ptsname: @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?

        init() throws {
            func symbol<F>(_ name: String, as type: F.Type) throws -> F {
                guard let address = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { throw BenchError("libc lacks \(name)") }
                return unsafeBitCast(address, to: type)
            }
            openpt = try symbol("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)
            grantpt = try symbol("grantpt", as: (@convention(c) (Int32) -> Int32).self)
            unlockpt = try symbol("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
            ptsname = try symbol("ptsname", as: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)
        }
    }
}
