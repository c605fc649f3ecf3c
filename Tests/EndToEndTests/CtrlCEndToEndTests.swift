import Foundation
import Testing

/// Ctrl-C in the real terminal: a key like `q`, which asks first when JSON changes are unsaved.
@Suite(.serialized) struct CtrlCEndToEndTests {
    /// The dashboard on a generated JSON snapshot in `dir`, its funnel drawn.
    static func openJSON(in dir: URL) throws -> (TmuxSession, String) {
        let (path, _) = try DashboardEndToEndTests.snapshot("shop.json", in: dir)
        let session = try TmuxSession(command: "\(TmuxSession.quote(Shell.clc)) \(TmuxSession.quote(path))",
                                      width: 100, height: 30, directory: dir, environment: ["TERM": "xterm-256color"])
        try session.waitFor(text: "Customers per stage")
        return (session, path)
    }

    @Test func ctrlCAsksWithUnsavedChangesAndASecondOneQuits() throws {
        let dir = try Shell.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (session, path) = try Self.openJSON(in: dir)
        try JSONFileEndToEndTests.moveFirstToLoyalty(session)
        try session.waitFor(text: "unsaved changes")
        try session.send("C-c")
        // The whole prompt, not its title alone (a capture may catch it half drawn).
        let prompt = try session.waitFor(text: "Your changes are safe")
        #expect(prompt.contains("Unsaved changes"))
        try session.send("C-c")
        #expect(try session.exitStatus() == 130)   // 128 + SIGINT, as a Ctrl-C that quits should
        #expect(FileManager.default.fileExists(atPath: path + ".clc-journal"))   // the change is kept
    }

    @Test func ctrlCWithNothingUnsavedQuitsAtOnce() throws {
        let dir = try Shell.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (session, _) = try Self.openJSON(in: dir)
        try session.send("C-c")
        #expect(try session.exitStatus() == 130)
    }
}
