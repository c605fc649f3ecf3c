import Foundation
import Testing
@testable import LifecycleTUI

/// The built-in themes compiled in, config.toml, and what a broken theme or config does.
@Suite struct ThemeFileTests {
    static let themesDir = ThemeTests.themesDir

    /// A temporary home with `~/.config/clc`; the loader sees no themes folder unless one is given.
    struct Home {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("clc-home-\(UUID().uuidString)")
        var clc: URL { url.appendingPathComponent(".config/clc") }

        init() throws { try FileManager.default.createDirectory(at: clc.appendingPathComponent("themes"), withIntermediateDirectories: true) }

        func write(_ text: String, to relative: String) throws {
            try text.write(to: clc.appendingPathComponent(relative), atomically: true, encoding: .utf8)
        }

        /// A loader as a copied binary has it: no themes folder anywhere near the executable.
        func loader(themesDir: String? = nil) -> ThemeLoader {
            var environment = ["HOME": url.path]
            if let themesDir { environment["CLC_THEMES_DIR"] = themesDir }
            return ThemeLoader(environment: environment, executablePath: url.appendingPathComponent("bin/clc").path)
        }

        func remove() { try? FileManager.default.removeItem(at: url) }
    }

    @Test func theCompiledInThemesAreThoseOfTheThemesFolder() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.themesDir).filter { $0.hasSuffix(".toml") }
        var onDisk: [String: String] = [:]
        for file in files {
            onDisk[String(file.dropLast(5))] = try String(contentsOfFile: Self.themesDir + "/" + file, encoding: .utf8)
        }
        #expect(BuiltinThemes.files == onDisk, "themes/ changed: run scripts/generate-themes")
    }

    @Test func withoutAThemesFolderTheCompiledInThemesLoad() throws {
        let home = try Home()
        defer { home.remove() }
        let loader = home.loader()
        #expect(loader.themesDirectory == nil)
        #expect(loader.availableThemes() == ["default", "high-contrast", "light", "mono"])
        let light = try loader.load("light")
        #expect(light.style(.header).background == .rgb(0, 0x5f, 0x87))
        #expect(light.style(.error) == (try loader.load("default")).style(.error))   // inherited
        #expect(try loader.load("default") == ThemeLoader.compiledDefault)
    }

    @Test func aThemesFolderReplacesTheCompiledInFiles() throws {
        let home = try Home()
        defer { home.remove() }
        let dir = home.url.appendingPathComponent("share/clc/themes")   // ../share/clc/themes of bin/clc
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "[header]\nfg = \"red\"\n".write(to: dir.appendingPathComponent("default.toml"), atomically: true, encoding: .utf8)
        #expect(home.loader().themesDirectory == dir.path)
        #expect(try home.loader().load("default").style(.header).foreground == .indexed(1))
        #expect(try home.loader().load("mono").style(.selected).attributes == [.reverse])   // not in the folder: compiled in
        #expect(try home.loader(themesDir: Self.themesDir).load("default").style(.header).foreground == .rgb(255, 255, 255))
    }

    @Test func aConfigWithACommentPicksItsTheme() throws {
        let home = try Home()
        defer { home.remove() }
        try "# my settings\ntheme = \"light\"   # my choice\n".write(to: home.clc.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let selection = try ThemeSelection.resolve(option: nil, loader: home.loader())
        #expect(selection.warning == nil)
        #expect(selection.theme == (try home.loader().load("light")))
        #expect(try UserConfig.parse("theme = 'mono' # single quotes\n") == UserConfig(theme: "mono", themeLine: 1))
    }

    @Test func atRiskBelowSetsTheThresholdOfTheFunnelsAtRiskCount() throws {
        #expect(try UserConfig.parse("").atRiskBelow == 0.5)
        #expect(try UserConfig.parse("at_risk_below = 0.3\n").atRiskBelow == 0.3)
        #expect(try UserConfig.parse("at_risk_below = 1\n").atRiskBelow == 1)
        #expect(throws: TOMLProblem(line: 1, message: "at_risk_below must be a number above 0 and at most 1, like 0.5")) {
            try UserConfig.parse("at_risk_below = 1.5\n")
        }
        let home = try Home()
        defer { home.remove() }
        try "at_risk_below = 0.25\n".write(to: home.clc.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        #expect(try ThemeSelection.resolve(option: nil, loader: home.loader()).atRiskBelow == 0.25)
    }

    @Test func configErrorsNameTheLineAndProblem() throws {
        #expect(throws: TOMLProblem(line: 2, message: "unknown setting \"them\" (expected theme, mouse or at_risk_below)")) {
            try UserConfig.parse("# settings\nthem = \"light\"\n")
        }
        #expect(throws: TOMLProblem(line: 1, message: "theme must be a quoted name, like theme = \"light\"")) {
            try UserConfig.parse("theme = 3\n")
        }
        do {
            _ = try UserConfig.parse("\ntheme = \"light   # unterminated\n")
            Issue.record("an unterminated string parsed")
        } catch let problem as TOMLProblem {
            #expect(problem.line == 2)
            #expect(problem.column != nil)
            #expect(problem.message.hasPrefix("bad string: "), "\(problem)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func themeErrorsNameTheLineAndProblem() throws {
        #expect(throws: TOMLProblem(line: 4, message: "unknown attribute \"blink\" (use bold, reverse, underline, dim, italic)")) {
            try ThemeParser.parse("name = \"x\"\n[bar]\nfg = \"red\"  # red\nattrs = [\"bold\", \"blink\"]\n", defaultName: "x")
        }
        #expect(throws: TOMLProblem(line: 3, message: "unknown key \"colour\" in [bar] (expected fg, bg, attrs)")) {
            try ThemeParser.parse("[header]\n[bar]\ncolour = \"red\"\n", defaultName: "x")
        }
        #expect(throws: TOMLProblem(line: 1, message: "unknown top-level key \"nmae\" (expected name, inherits or a [role] section)")) {
            try ThemeParser.parse("nmae = \"x\"\n", defaultName: "x")
        }
        #expect(throws: TOMLProblem.self) { try ThemeParser.parse("[bar\nfg = \"red\"\n", defaultName: "x") }
        #expect(try ThemeParser.parse("[bar]\nfg = 208\n", defaultName: "x").theme.style(.bar).foreground == .indexed(208))
    }

    @Test func aBrokenConfigOpensTheDefaultThemeWithAWarning() throws {
        let home = try Home()
        defer { home.remove() }
        try "theme = \"light\"\ncolour = \"yes\"\n".write(to: home.clc.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let selection = try ThemeSelection.resolve(option: nil, loader: home.loader())
        #expect(selection.theme == (try home.loader().load("default")))
        #expect(selection.warning == "~/.config/clc/config.toml, line 2: unknown setting \"colour\" (expected theme, mouse or at_risk_below) — default theme used")
    }

    @Test func aConfigNamingNoThemeWarnsInsteadOfFailing() throws {
        let home = try Home()
        defer { home.remove() }
        try "\ntheme = \"nope\"\n".write(to: home.clc.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let selection = try ThemeSelection.resolve(option: nil, loader: home.loader())
        #expect(selection.theme.name == "default")
        #expect(selection.warning?.hasPrefix("~/.config/clc/config.toml, line 2: no theme \"nope\" (available: default, high-contrast") == true)
        // given on the command line it is a usage error
        #expect(throws: SettingsError.self) { try ThemeSelection.resolve(option: "nope", loader: home.loader()) }
    }

    @Test func aBrokenUserThemeOpensTheDefaultThemeWithAWarning() throws {
        let home = try Home()
        defer { home.remove() }
        try "inherits = \"light\"\n\n[bar]\nfg = \"purplish\"\n".write(to: home.clc.appendingPathComponent("themes/mine.toml"), atomically: true, encoding: .utf8)
        let selection = try ThemeSelection.resolve(option: "mine", loader: home.loader())
        #expect(selection.theme == (try home.loader().load("default")))
        #expect(selection.warning == "~/.config/clc/themes/mine.toml, line 4: unknown colour \"purplish\" (use a name, 0-255 or #rrggbb) — default theme used")
        // a broken override of the default itself falls back to the compiled-in default
        try "[header\n".write(to: home.clc.appendingPathComponent("themes/default.toml"), atomically: true, encoding: .utf8)
        let fallback = try ThemeSelection.resolve(option: nil, loader: home.loader())
        #expect(fallback.theme == ThemeLoader.compiledDefault)
        #expect(fallback.warning?.hasPrefix("~/.config/clc/themes/default.toml, line 1, column ") == true)
        // and so does a theme built on it
        let light = try ThemeSelection.resolve(option: "light", loader: home.loader())
        #expect(light.theme == ThemeLoader.compiledDefault)
        #expect(light.warning?.hasPrefix("~/.config/clc/themes/default.toml, line 1, column ") == true)
    }
}
