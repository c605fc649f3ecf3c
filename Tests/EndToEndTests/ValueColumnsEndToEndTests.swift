import Foundation
import Testing

/// The real binary in tmux on `value-demo.json` (and its SQLite copy): once the value figures
/// are computed the list shows CLV, P(alive) and RFM segment, `s` reaches CLV, `S` turns it
/// to descending, and the first row is the customer with the highest CLV.
@Suite(.serialized) struct ValueColumnsEndToEndTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/value-demo.json")

    @Test(arguments: ["json", "sqlite"])
    func sortingByCLVPutsTheMostValuableCustomerFirst(format: String) throws {
        let dir = try Shell.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("value-demo.\(format)").path
        if format == "json" {
            try FileManager.default.copyItem(atPath: Self.fixture.path, toPath: path)
        } else {
            let converted = try Shell.run([Shell.clc, "convert", Self.fixture.path, path])
            try #require(converted.status == 0, "\(converted.stderr)")
        }
        let session = try TmuxSession(command: "\(TmuxSession.quote(Shell.clc)) \(TmuxSession.quote(path))",
                                      width: 120, height: 30, directory: dir, environment: ["TERM": "xterm-256color", "CLC_LANG": "en"])
        try session.waitFor(text: "Customers per stage")
        try session.send("Enter")
        // The columns come once the figures are computed and given to the store.
        try session.waitFor("the value columns") { $0.contains("P(alive)") && $0.contains("RFM segment") }
        for _ in 0..<7 { try session.send("s") }
        try session.waitFor(text: "sorted by CLV ↑")
        try session.send("S")
        let screen = try session.waitFor(text: "sorted by CLV ↓")
        // `clc scores value-demo.json --stage new`: C0100 has the highest CLV, 947.23 EUR.
        let first = screen.split(separator: "\n").first { $0.hasPrefix("▶") }.map(String.init) ?? ""
        #expect(first.contains("Customer 0100") && first.contains("947.23 EUR") && first.contains("Champions"), "\(first)")
        try session.send("q")
        #expect(try session.exitStatus() == 0)
    }
}
