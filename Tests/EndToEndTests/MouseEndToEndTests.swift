import Foundation
import Testing

/// `--mouse` in the real terminal: ncurses reads the terminal's mouse reports (SGR, as
/// xterm sends them); a click selects the stage drawn there, the wheel scrolls.
@Suite(.serialized) struct MouseEndToEndTests {
    /// The terminal's report of button `button` at 0-based `x`, `y` (`M` press, `m` release).
    static func report(_ button: Int, x: Int, y: Int, release: Bool = false) -> String {
        "\u{1B}[<\(button);\(x + 1);\(y + 1)" + (release ? "m" : "M")
    }

    static func selectedLine(_ screen: String) -> String? { screen.split(separator: "\n").first { $0.hasPrefix("▶") }.map(String.init) }

    @Test func aClickSelectsAStageAndTheWheelScrolls() throws {
        let dir = try Shell.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (path, funnel) = try DashboardEndToEndTests.snapshot("shop.sqlite", in: dir)
        let session = try TmuxSession(command: "\(TmuxSession.quote(Shell.clc)) --mouse \(TmuxSession.quote(path))",
                                      width: 120, height: 30, directory: dir, environment: ["TERM": "xterm-256color"])
        let screen = try session.waitFor(text: "Customers per stage")
        let third = funnel.stages[2].name
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        let y = try #require(lines.firstIndex { $0.contains(" \(third) ") && $0.contains("%") })
        try session.send("-l", Self.report(0, x: 40, y: y))
        try session.send("-l", Self.report(0, x: 40, y: y, release: true))
        let clicked = try session.waitFor("the click selected \(third)") { Self.selectedLine($0)?.contains(third) == true }
        #expect(Self.selectedLine(clicked)?.contains(third) == true)
        try session.send("-l", Self.report(64, x: 40, y: y))    // wheel up: three stages up, the first
        try session.waitFor("the wheel scrolled to the first stage") {
            Self.selectedLine($0)?.contains(funnel.stages[0].name) == true
        }
        try session.send("q")
    }
}
