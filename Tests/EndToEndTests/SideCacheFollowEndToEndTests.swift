import Foundation
import Testing

/// `clc move` and `clc rules --apply` keep the side cache of a SQLite file current: the next
/// open reads the list index from it instead of rebuilding it.
@Suite(.serialized) struct SideCacheFollowEndToEndTests {
    @Test(arguments: ["move", "rules"])
    func aChangeFromTheCommandLineKeepsTheListIndexCached(command: String) throws {
        let (dir, path) = try RulesEndToEndTests.snapshot("sqlite")
        defer { try? FileManager.default.removeItem(at: dir) }
        var environment = Shell.testEnvironment
        environment["CLC_CACHE_DIR"] = dir.appendingPathComponent("cache").path
        let log = dir.appendingPathComponent("index.log").path
        environment["CLC_INDEX_LOG"] = log
        let prepare = [Shell.clcBench, "child", "prepare", path]
        #expect(try Shell.run(prepare, environment: environment).stdout.contains("\"built\""))
        let change = command == "move" ? [Shell.clc, "move", path, "C2", "retention"]
            : [Shell.clc, "rules", path, "--apply", "--rule", "Quiet buyers"]
        let run = try Shell.run(change, environment: environment)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOfFile: log, encoding: .utf8).contains("cache followed 1"))
        let next = try Shell.run(prepare, environment: environment)
        #expect(next.stdout.contains("\"loadedFromCache\""), "\(next.stdout)")
        #expect(try String(contentsOfFile: log, encoding: .utf8) == "built\ncache followed 1\nloaded\n")
    }
}
