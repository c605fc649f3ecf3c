import Foundation
import Testing

/// `e` in the real dashboard: on the demo's first stage list, accept the offered path under
/// `~/clc-exports/` and find the CSV on disk.
@Suite(.serialized) struct ListExportEndToEndTests {
    @Test func eExportsTheDemosFirstStageToTheOfferedPath() throws {
        let dir = try Shell.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let session = try TmuxSession(command: TmuxSession.quote(Shell.clc), width: 120, height: 30, directory: dir,
                                      environment: ["TERM": "xterm-256color", "HOME": dir.path,
                                                    "XDG_DATA_HOME": dir.appendingPathComponent("data").path])
        try session.waitFor("the demo's funnel") { $0.contains("customers") && !$0.contains("creating") }
        try session.send("Enter")
        let list = try session.waitFor(text: "sorted by name")
        let count = try #require(list.firstMatch(of: /1 of ([0-9,]+)/).map { Int($0.1.replacing(",", with: ""))! })
        try session.send("e")
        let prompt = try session.waitFor(text: "Export the list to")
        #expect(prompt.contains("~/clc-exports/"))
        try session.send("Enter")
        let done = try session.waitFor(text: "Exported")
        let folder = dir.appendingPathComponent("clc-exports")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files.count == 1 && files[0].hasSuffix(".csv"), "\(files)")
        let text = try String(contentsOf: folder.appendingPathComponent(files[0]), encoding: .utf8)
        let rows = text.components(separatedBy: "\r\n").dropLast()
        #expect(rows.first?.hasPrefix("id,name,email,stage") == true)
        #expect(rows.count == count + 1, "\(rows.count) rows for \(count) customers")
        #expect(done.contains("Exported \(DashboardEndToEndTests.grouped(count)) customers to"), "\(done)")
        try session.send("q")
    }
}
