import Foundation
import Testing

/// Runs programs and the real `clc` binary, and drives it in a private tmux server.
enum Shell {
    /// The test process's environment, with the side cache (`CLC_CACHE_DIR`) in a temporary
    /// directory unless one is set (programs run by tests never write into the user's cache),
    /// and English messages (`CLC_LANG=en`).
    static let testEnvironment: [String: String] = {
        var environment = ProcessInfo.processInfo.environment
        if environment["CLC_CACHE_DIR"] == nil {
            environment["CLC_CACHE_DIR"] = FileManager.default.temporaryDirectory.appendingPathComponent("clc-e2e-cache-\(UUID().uuidString)").path
        }
        environment["CLC_LANG"] = "en"   // the English texts the tests look for, whatever the machine's locale
        return environment
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `arguments` (the first is looked up in PATH) and waits for it. Output goes
    /// through temporary files, not pipes: a daemon it starts (the tmux server) keeps
    /// inherited descriptors open forever.
    @discardableResult
    static func run(_ arguments: [String], environment: [String: String]? = nil) throws -> Result {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("clc-run-\(UUID().uuidString)").path
        let outPath = base + ".out", errPath = base + ".err"
        defer {
            unlink(outPath)
            unlink(errPath)
        }
        let pid = try spawn(["/usr/bin/env"] + arguments, stdout: outPath, stderr: errPath, newGroup: false,
                            environment: environment ?? testEnvironment)
        let status = wait(pid)
        return Result(status: status,
                      stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }

    /// Starts `script` under bash in its own process group, stdout to `output` (stderr to
    /// `output.err`); returns the group id (= pid) so a test can kill the whole group.
    static func spawnGroup(_ script: String, output: String) throws -> pid_t {
        try spawn(["/bin/bash", "-c", script], stdout: output, stderr: output + ".err", newGroup: true,
                  environment: testEnvironment)
    }

    /// posix_spawn with stdin from /dev/null and output to files. Test worker threads block
    /// most signals and a child inherits that mask: start it with none blocked and default
    /// handlers, as a shell would.
    static func spawn(_ argv: [String], stdout: String, stderr: String, newGroup: Bool,
                      environment: [String: String]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        var flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
        if newGroup {
            posix_spawnattr_setpgroup(&attributes, 0)
            flags |= POSIX_SPAWN_SETPGROUP
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))
        let cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        let cEnv: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            cArgs.forEach { free($0) }
            cEnv.forEach { free($0) }
        }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, argv[0], &actions, &attributes, cArgs, cEnv)
        guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EINVAL) }
        return pid
    }

    /// Waits for a spawned process; returns its exit status (128+signal when killed).
    @discardableResult
    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// The `clc` binary built beside this test bundle (or `$CLC_BINARY`).
    static var clc: String { binary("clc", override: "CLC_BINARY") }

    /// The `clc-bench` binary built beside this test bundle (or `$CLC_BENCH_BINARY`).
    static var clcBench: String { binary("clc-bench", override: "CLC_BENCH_BINARY") }

    /// The executable `name` built beside this test bundle, or the path in the environment
    /// variable `override`.
    static func binary(_ name: String, override: String) -> String {
        if let path = ProcessInfo.processInfo.environment[override] { return path }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent(name).path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/" + name).path
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("clc-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// One tmux server on a private socket with one window running a command.
final class TmuxSession {
    let socket: String
    let statusFile: String

    /// Starts `command` (a shell command line) in a detached window of `width`×`height`.
    /// When the command ends its exit status is written to `statusFile` and the pane shows
    /// the terminal's line discipline (`tty: icanon`, `tty: echo`, or `tty: -icanon`… when
    /// left raw), so tests can see it was restored.
    init(command: String, width: Int, height: Int, directory: URL, environment: [String: String] = [:]) throws {
        socket = "clc-e2e-\(UUID().uuidString.prefix(8))"
        statusFile = directory.appendingPathComponent("exit-status").path
        // The side cache of list indexes goes to the test's directory, never the user's.
        let env = environment.merging(["CLC_CACHE_DIR": directory.appendingPathComponent("cache").path]) { mine, _ in mine }
            .map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let script = "\(env) \(command); echo $? > \(Self.quote(statusFile)); stty -a | tr ' ' '\\n' | grep -xE -- '-?(icanon|echo)' | sed 's/^/tty: /'; sleep 600"
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)", "bash", "-c", script])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    @discardableResult
    func tmux(_ args: [String]) throws -> Shell.Result {
        try Shell.run(["tmux", "-L", socket] + args)
    }

    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", "main"] + keys) }

    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", "main"]).stdout }

    /// The screen with the escape sequences of its colours and attributes (`capture-pane -e`).
    func screenWithEscapes() throws -> String { try tmux(["capture-pane", "-p", "-e", "-t", "main"]).stdout }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen until `predicate` holds (no fixed sleeps); fails after `timeout`.
    @discardableResult
    func waitFor(_ what: String, timeout: TimeInterval = 20, sourceLocation: SourceLocation = #_sourceLocation,
                 _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if predicate(last) { return last }
            usleep(50_000)
        }
        Issue.record("timed out waiting for \(what); screen was:\n\(last)", sourceLocation: sourceLocation)
        throw CancellationError()
    }

    func waitFor(text: String, timeout: TimeInterval = 20, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitFor("\"\(text)\"", timeout: timeout, sourceLocation: sourceLocation) { $0.contains(text) }
    }

    /// The command's exit status once it has ended.
    func exitStatus(timeout: TimeInterval = 20) throws -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: statusFile, encoding: .utf8),
               let code = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) { return code }
            usleep(50_000)
        }
        return nil
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
