import Foundation
import Testing

/// A `convert` interrupted by SIGTERM or SIGINT leaves no temporary file; temporary files of
/// processes that died (`kill -9`) are swept the next time the file is opened or written.
@Suite(.serialized) struct TemporaryFileTests {
    static func leftovers(_ dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasPrefix(".") }.sorted()
    }

    /// Starts `clc convert IN OUT`, waits until its temporary file exists, sends `signal`.
    static func interruptedConvert(_ input: String, _ output: String, signal: Int32) throws -> Int32 {
        let dir = URL(fileURLWithPath: output).deletingLastPathComponent().path
        let log = dir + "/convert.log"
        let pid = try Shell.spawn(["/usr/bin/env", Shell.clc, "convert", input, output], stdout: log, stderr: log + ".err",
                                  newGroup: false, environment: Shell.testEnvironment)
        let name = "." + URL(fileURLWithPath: output).lastPathComponent + ".tmp-\(pid)"
        let deadline = Date().addingTimeInterval(30)
        while !leftovers(dir).contains(where: { $0.hasPrefix(name) }), Date() < deadline { usleep(2_000) }
        #expect(leftovers(dir).contains { $0.hasPrefix(name) }, "convert never started writing")
        usleep(50_000)
        kill(pid, signal)
        return Shell.wait(pid)
    }

    @Test(arguments: [(SIGTERM, "out.sqlite"), (SIGINT, "out.json")])
    func anInterruptedConvertLeavesNoTemporaryFile(signal: Int32, output: String) throws {
        let root = try Shell.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent(output.hasSuffix(".json") ? "big.sqlite" : "big.json").path
        #expect(try Shell.run([Shell.clc, "generate", input, "--customers", "15000", "--seed", "2"]).status == 0)
        let out = root.appendingPathComponent("o").path
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let status = try Self.interruptedConvert(input, out + "/" + output, signal: signal)
        #expect(status != 0, "convert finished before the signal: make the input bigger")
        #expect(Self.leftovers(out) == [], "temporary files left: \(Self.leftovers(out))")
        #expect(!FileManager.default.fileExists(atPath: out + "/" + output))
    }

    @Test func staleTemporaryFilesOfDeadProcessesAreSwept() throws {
        let root = try Shell.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let dir = root.path
        let file = dir + "/shop.json"
        #expect(try Shell.run([Shell.clc, "generate", file, "--customers", "5"]).status == 0)
        let dead = "2147483000", alive = String(getpid())
        let stale = [".shop.json.tmp-\(dead)", ".shop.json.tmp-\(dead).touchpoints", "..shop.json.clc-save-\(dead).tmp-\(dead)",
                     ".shop.json.clc-save-\(dead)", ".out.sqlite.tmp-\(dead)"]
        let kept = [".shop.json.tmp-\(alive)", ".other.json.tmp-\(dead)", ".shop.json.clc-journal"]
        for name in stale + kept { FileManager.default.createFile(atPath: dir + "/" + name, contents: Data("x".utf8)) }
        // Opening the file sweeps beside it; writing OUT sweeps beside OUT.
        #expect(try Shell.run([Shell.clc, "report", file]).status == 0)
        #expect(Self.leftovers(dir) == (kept + [".out.sqlite.tmp-\(dead)"]).sorted())
        #expect(try Shell.run([Shell.clc, "convert", file, dir + "/out.sqlite"]).status == 0)
        #expect(Self.leftovers(dir) == kept.sorted())
    }
}
