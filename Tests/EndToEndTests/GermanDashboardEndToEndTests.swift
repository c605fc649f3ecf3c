import Foundation
import Testing

/// The real dashboard in tmux speaks German with `--lang de` and with a German locale.
@Suite(.serialized) struct GermanDashboardEndToEndTests {
    /// Opens `laden.json` with `arguments` and `environment`; the funnel's first screen.
    /// (The tmux server inherits the tests' `CLC_LANG=en`: the language variables not given are set empty, which counts as unset.)
    static func funnel(arguments: String, environment: [String: String]) throws -> String {
        let (dir, path) = try LanguageEndToEndTests.file()
        defer { try? FileManager.default.removeItem(at: dir) }
        var env = ["CLC_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "", "TERM": "xterm-256color"]
        env.merge(environment) { _, given in given }
        let session = try TmuxSession(command: "\(TmuxSession.quote(Shell.clc)) \(TmuxSession.quote(path)) \(arguments)",
                                      width: 100, height: 30, directory: dir, environment: env)
        let screen = try session.waitFor("the figures") { $0.contains("Umsatz 1.204,50 €") || $0.contains("revenue 1,204.50") }
        try session.send("q")
        _ = try session.exitStatus()
        return screen
    }

    static func expectGerman(_ screen: String) {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].contains("Stand 30.11.2026"), "\(screen)")
        #expect(lines[0].contains("2 Kunden") && lines[0].contains("Umsatz 1.204,50 €"), "\(screen)")
        #expect(screen.contains("Kunden je Phase") && screen.contains("Anteil") && screen.contains("100,0 %"), "\(screen)")
        #expect(lines.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }?.contains("? Hilfe  q beenden") == true, "\(screen)")
        #expect(!screen.contains("customers"), "\(screen)")
    }

    @Test func langDeShowsTheGermanFunnel() throws {
        Self.expectGerman(try Self.funnel(arguments: "--lang de", environment: ["LANG": "C.UTF-8"]))
    }

    @Test func aGermanLocaleShowsTheGermanFunnel() throws {
        Self.expectGerman(try Self.funnel(arguments: "", environment: ["LANG": "de_DE.UTF-8"]))
    }

    @Test func withoutAChoiceTheFunnelStaysEnglish() throws {
        let screen = try Self.funnel(arguments: "", environment: ["LANG": "C.UTF-8"])
        #expect(screen.contains("as of 2026-11-30") && screen.contains("2 customers") && screen.contains("revenue 1,204.50 EUR"), "\(screen)")
    }
}
