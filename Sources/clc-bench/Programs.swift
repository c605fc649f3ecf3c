import Foundation

/// The programs the benchmark runs: itself (child modes), the real `clc` beside it, and the
/// reference programs.
struct Programs {
    /// This executable.
    var bench: String
    /// The `clc` built next to this executable.
    var clc: String
    /// `sqlite3`, nil when not installed.
    var sqlite3: String?
    /// The Python interpreter itself (not a wrapper script such as pyenv's shim), nil when
    /// not installed.
    var python3: String?

    static func locate() throws -> Programs {
        let bench = Bundle.main.executablePath ?? CommandLine.arguments[0]
        let clc = (bench as NSString).deletingLastPathComponent + "/clc"
        guard FileManager.default.isExecutableFile(atPath: clc) else {
            throw BenchError("\(clc) not found: build it first (swift build -c release --product clc)")
        }
        return Programs(bench: bench, clc: clc, sqlite3: find("sqlite3"), python3: find("python3").flatMap(interpreter))
    }

    /// The first executable `name` in PATH.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The binary a `python3` command runs, so that its start-up is not a wrapper's.
    private static func interpreter(_ python: String) -> String? {
        let env = ProcessInfo.processInfo.environment
        guard let run = try? ChildProcess.run([python, "-c", "import sys; print(sys.executable)"], environment: env, stdout: .capture),
              run.status == 0 else { return nil }
        let path = run.output.trimmingCharacters(in: .whitespacesAndNewlines)
        return FileManager.default.isExecutableFile(atPath: path) ? path : python
    }

    /// The reference program, or an error naming what to install.
    static func required(_ program: String?, _ name: String) throws -> String {
        guard let program else { throw BenchError("\(name) not found in PATH (scripts/bench installs it)") }
        return program
    }
}
