import Foundation
import LifecycleKit
import Testing

/// The real binary as a user installs it: copied to a folder outside the checkout, run from
/// there with a home of its own (no themes folder, no `CLC_THEMES_DIR`).
@Suite(.serialized) struct InstalledBinaryTests {
    /// A folder in /tmp holding `bin/clc` (a copy), `home/` and a small snapshot.
    struct Install {
        let dir: URL
        var binary: String { dir.appendingPathComponent("bin/clc").path }
        var home: URL { dir.appendingPathComponent("home") }
        var snapshot: String { dir.appendingPathComponent("small.json").path }

        init() throws {
            dir = try Shell.temporaryDirectory()
            try FileManager.default.createDirectory(at: dir.appendingPathComponent("bin"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: home.appendingPathComponent(".config/clc"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: Shell.clc, toPath: binary)
            let gen = try run([binary, "generate", snapshot, "--customers", "40", "--seed", "5"])
            #expect(gen.status == 0, "\(gen.stderr)")
        }

        /// Runs the copy. Status 126 is ETXTBSY: a process another test forked while the copy
        /// was still open for writing holds its descriptor until it execs; that passes.
        func run(_ arguments: [String]) throws -> Shell.Result {
            for _ in 0..<50 {
                let r = try Shell.run(arguments)
                if r.status != 126 { return r }
                Thread.sleep(forTimeInterval: 0.1)
            }
            return try Shell.run(arguments)
        }

        func writeConfig(_ text: String) throws {
            try text.write(to: home.appendingPathComponent(".config/clc/config.toml"), atomically: true, encoding: .utf8)
        }

        /// The copied binary in tmux, started from the install folder (not the checkout).
        func open(_ arguments: String = "", file: String = "small.json") throws -> TmuxSession {
            let command = "cd \(TmuxSession.quote(dir.path)) && env -u CLC_THEMES_DIR -u XDG_CONFIG_HOME -u XDG_DATA_HOME -u NO_COLOR "
                + "HOME=\(TmuxSession.quote(home.path)) ./bin/clc \(arguments) \(file)"
            try? FileManager.default.removeItem(at: dir.appendingPathComponent("exit-status"))   // of an earlier session
            return try TmuxSession(command: command, width: 120, height: 30, directory: dir, environment: ["TERM": "xterm-256color"])
        }

        /// Waits for the funnel, checks the program still runs, and returns the coloured screen.
        func funnel(_ session: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
            try session.waitFor(text: "Customers per stage", sourceLocation: sourceLocation)
            #expect(!FileManager.default.fileExists(atPath: session.statusFile), "clc ended", sourceLocation: sourceLocation)
            return try session.screenWithEscapes()
        }

        /// Quits with `q` and returns the exit status.
        func quit(_ session: TmuxSession) throws -> Int32? {
            try session.send("q")
            return try session.exitStatus()
        }

        /// The colour codes of the funnel's column headers when opened with `arguments`.
        func columnHeaderCodes(_ arguments: String) throws -> Set<String> {
            let session = try open(arguments)
            let codes = InstalledBinaryTests.columnHeaderCodes(try funnel(session))
            #expect(try quit(session) == 0)
            return codes
        }

        func remove() { try? FileManager.default.removeItem(at: dir) }
    }

    /// The escape sequences of 256-colour foregrounds and backgrounds in a captured screen.
    static func colourCodes(_ screen: String) -> Set<String> {
        var codes = Set<String>()
        for part in screen.components(separatedBy: "\u{1b}[").dropFirst() {
            guard let end = part.firstIndex(of: "m") else { continue }
            let sgr = part[..<end]
            if sgr.contains("38;5;") || sgr.contains("48;5;") { codes.insert(String(sgr)) }
        }
        return codes
    }

    /// The colour codes of the funnel's column headers, which every theme colours.
    static func columnHeaderCodes(_ screen: String) -> Set<String> {
        colourCodes(screen.split(separator: "\n").first { $0.contains("Customers per stage") }.map(String.init) ?? "")
    }

    @Test func aCopiedBinaryHasItsThemes() throws {
        let install = try Install()
        defer { install.remove() }
        let session = try install.open("--theme light")
        let screen = try install.funnel(session)
        #expect(!screen.contains("no theme"))
        // light's header: white on #005f87 (palette 24 on a 256-colour terminal)
        let header = screen.split(separator: "\n").first { $0.contains("customers") } ?? ""
        #expect(header.contains("48;5;24"), "header without light's background: \(header.debugDescription)")
        #expect(Self.colourCodes(screen).count >= 4)
        #expect(try install.quit(session) == 0)
        // the default theme has its colours too
        let plain = try install.open()
        #expect(Self.colourCodes(try install.funnel(plain)).count >= 4)
        #expect(try install.quit(plain) == 0)
    }

    /// `clc demo` and a bare `clc` open the dashboard on the demo in the user's data folder
    /// (`clc demo` once stopped with ArgumentParser's "Can't read a value" before any screen).
    @Test(arguments: ["demo", ""]) func theDemoOpens(_ command: String) throws {
        let install = try Install()
        defer { install.remove() }
        let session = try install.open(command, file: "")
        let screen = try session.waitFor(text: "Customers per stage", timeout: 60)
        #expect(screen.contains("Demo shop"), "\(screen)")
        #expect(!screen.contains("parsable argument"))
        #expect(try install.quit(session) == 0)
        #expect(FileManager.default.fileExists(atPath: install.home.appendingPathComponent(".local/share/clc/demo.sqlite").path))
    }

    @Test func versionPrintsTheVersion() throws {
        let install = try Install()
        defer { install.remove() }
        let r = try install.run([install.binary, "--version"])
        #expect(r.status == 0)
        #expect(r.stdout == "clc \(ClcVersion.current)\n")
    }

    @Test func aConfigWithACommentWorksAndABrokenOneOpensWithAWarning() throws {
        let install = try Install()
        defer { install.remove() }
        let light = try install.columnHeaderCodes("--theme light")
        let dark = try install.columnHeaderCodes("--theme default")
        #expect(!light.isEmpty && !dark.isEmpty && light != dark)

        try install.writeConfig("# clc settings\ntheme = \"light\"   # my choice\n")
        let session = try install.open()
        let screen = try install.funnel(session)
        #expect(Self.columnHeaderCodes(screen) == light)
        #expect(!screen.contains("config.toml"))   // no warning
        #expect(try install.quit(session) == 0)

        try install.writeConfig("theme = \"light\"\ncolour = yes\n")
        let broken = try install.open()
        #expect(Self.columnHeaderCodes(try install.funnel(broken)) == dark)   // the default theme, not light
        let text = try broken.screen()
        #expect(text.contains("~/.config/clc/config.toml, line 2"), "no warning naming the file and line:\n\(text)")
        #expect(try install.quit(broken) == 0)
        try broken.waitFor(text: "clc: ~/.config/clc/config.toml, line 2, column ")   // whole, on stderr, once the screen is gone
    }

    /// In a container: no USER or LOGNAME and no controlling terminal, so `getlogin` fails;
    /// the move is recorded by the effective user from the password database.
    @Test func aMoveWithoutUserOrTerminalNamesTheEffectiveUser() throws {
        let install = try Install()
        defer { install.remove() }
        let environment = ["PATH": "/usr/bin:/bin", "CLC_CACHE_DIR": install.dir.appendingPathComponent("cache").path]
        let move = try Shell.run([install.binary, "move", install.snapshot, "C-0000001", "loyalty"], environment: environment)
        #expect(move.status == 0, "\(move.stderr)")
        let expected = try Shell.run(["id", "-un"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(move.stdout.hasSuffix(" by \(expected)\n"), "\(move.stdout)")
        #expect(!expected.isEmpty && expected != "unknown")
    }
}
