import Foundation
import Testing

/// Runs programs and the real `clc` binary, and drives it in a private tmux server.
enum Shell {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `arguments` (the first is looked up in PATH) and waits for it.
    @discardableResult
    static func run(_ arguments: [String], environment: [String: String]? = nil, input: Data? = nil) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = arguments
        if let environment { p.environment = environment }
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        if let input { inp.fileHandleForWriting.write(input) }
        try inp.fileHandleForWriting.close()
        var outData = Data(), errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// The `clc` binary built beside this test bundle (or `$CLC_BINARY`).
    static var clc: String {
        if let path = ProcessInfo.processInfo.environment["CLC_BINARY"] { return path }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("clc").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/clc").path
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
    /// the terminal's line discipline (`stty -a`), so tests can see it was restored.
    init(command: String, width: Int, height: Int, directory: URL, environment: [String: String] = [:]) throws {
        socket = "clc-e2e-\(UUID().uuidString.prefix(8))"
        statusFile = directory.appendingPathComponent("exit-status").path
        let env = environment.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let script = "\(env) \(command); echo $? > \(Self.quote(statusFile)); stty -a | tr ';' '\\n' | grep -E '^ *-?(icanon|echo) ' ; sleep 600"
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)", "bash", "-c", script])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    @discardableResult
    func tmux(_ args: [String]) throws -> Shell.Result {
        try Shell.run(["tmux", "-L", socket] + args)
    }

    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", "main"] + keys) }

    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", "main"]).stdout }

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
