import Foundation

/// What every measurement needs: the settings, the programs, the data sets, and where the
/// children keep their side cache and scratch files.
struct BenchContext {
    var settings: BenchSettings
    var programs: Programs
    var data: BenchData
    /// The side cache (`CLC_CACHE_DIR`) of every child: kept between runs, so it is warm.
    var cacheDirectory: String
    /// Copies and cold caches; deleted when the run ends.
    var workDirectory: String

    /// The children's environment: ours, with `CLC_CACHE_DIR` set (to `cache`, else the kept one).
    func environment(cache: String? = nil, _ extra: [String: String] = [:]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["CLC_CACHE_DIR"] = cache ?? cacheDirectory
        env.merge(extra) { $1 }
        return env
    }

    /// Runs `clc-bench child ARGS…` and returns it ended, its stdout captured.
    func child(_ arguments: [String], cache: String? = nil) throws -> Finished {
        try ChildProcess.run([programs.bench, "child"] + arguments, environment: environment(cache: cache), stdout: .capture)
    }

    /// A new empty directory in the work directory (a cold side cache, say).
    func freshDirectory(_ name: String) throws -> String {
        let path = workDirectory + "/" + name
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Says what is being measured, on stderr (stdout carries the table).
    func progress(_ text: String) {
        FileHandle.standardError.write(Data("clc-bench: \(text)\n".utf8))
    }
}
