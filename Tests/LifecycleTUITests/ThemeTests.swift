import Foundation
import Testing
@testable import LifecycleTUI

@Suite struct ThemeTests {
    static let themesDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("themes").path

    @Test func theFourShippedThemesLoad() throws {
        let loader = ThemeLoader(environment: ["CLC_THEMES_DIR": Self.themesDir, "HOME": "/nonexistent"])
        #expect(loader.availableThemes() == ["default", "high-contrast", "light", "mono"])
        let dark = try loader.load("default")
        #expect(dark.style(.header).background == .rgb(0x1c, 0x4f, 0x7c))
        #expect(dark.style(.header).attributes == [.bold])
        let light = try loader.load("light")
        #expect(light.style(.bar).foreground == .rgb(0, 0x87, 0xaf))
        // light inherits default for roles it does not set
        #expect(light.style(.error) == dark.style(.error))
        let mono = try loader.load("mono")
        #expect(Role.allCases.allSatisfy { mono.style($0).foreground == .terminalDefault })
        #expect(try loader.load("high-contrast").style(.selected).background == .indexed(11))
    }

    @Test func aUserThemeOverridesSomeRoles() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("clc-theme-\(UUID().uuidString)")
        let dir = home.appendingPathComponent(".config/clc/themes")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        try "[header]\nfg = \"red\"\n".write(to: dir.appendingPathComponent("default.toml"), atomically: true, encoding: .utf8)
        try "inherits = \"light\"\n[bar]\nfg = \"208\"\nattrs = [\"bold\"]\n".write(to: dir.appendingPathComponent("mine.toml"), atomically: true, encoding: .utf8)
        let loader = ThemeLoader(environment: ["CLC_THEMES_DIR": Self.themesDir, "HOME": home.path])
        let d = try loader.load("default")
        #expect(d.style(.header).foreground == .indexed(1))
        #expect(d.style(.header).background == .terminalDefault)  // the user's [header] replaces the role
        #expect(d.style(.bar).foreground == .rgb(0x5f, 0xaf, 0xd7))  // other roles stay
        let mine = try loader.load("mine")
        #expect(mine.style(.bar) == RoleStyle(foreground: .indexed(208), attributes: [.bold]))
        #expect(mine.style(.selected) == (try loader.load("light")).style(.selected))
        #expect(loader.availableThemes().contains("mine"))
    }

    @Test func errorsNameTheFileAndLine() throws {
        #expect(throws: TOMLProblem(line: 2, message: "unknown colour \"purplish\" (use a name, 0-255 or #rrggbb)")) {
            try ThemeParser.parse("[bar]\nfg = \"purplish\"", defaultName: "x")
        }
        #expect(throws: TOMLProblem.self) { try ThemeParser.parse("[nonsense]", defaultName: "x") }
        #expect(throws: TOMLProblem.self) { try ThemeParser.parse("[bar]\nattrs = [\"blink\"]", defaultName: "x") }
        let loader = ThemeLoader(environment: ["CLC_THEMES_DIR": Self.themesDir, "HOME": "/nonexistent"])
        #expect(throws: SettingsError.self) { try loader.load("nope") }
        #expect(throws: SettingsError.self) { try loader.load("../etc/passwd") }
    }

    @Test func coloursDegradeToWhatTheTerminalHas() {
        let orange = ThemeColor.rgb(0xff, 0xaf, 0x00)
        #expect(orange.degraded(to: 256) == .indexed(214))
        #expect(orange.degraded(to: 16) == .indexed(11))
        #expect(orange.degraded(to: 8) == .indexed(3))
        #expect(ThemeColor.indexed(208).degraded(to: 8) == .indexed(3))
        #expect(ThemeColor.indexed(4).degraded(to: 8) == .indexed(4))
        #expect(ThemeColor.rgb(0x30, 0x30, 0x30).degraded(to: 256) == .indexed(236))
    }

    @Test func noColorKeepsAttributesAndDropsColours() {
        let t = Theme(name: "t", styles: [.header: RoleStyle(foreground: .indexed(1), background: .indexed(4), attributes: [.bold])])
        let plain = t.withoutColors
        #expect(plain.style(.header) == RoleStyle(attributes: [.bold, .reverse]))   // what mono shows
        #expect(plain.style(.selected).attributes == [.reverse])
    }
}
