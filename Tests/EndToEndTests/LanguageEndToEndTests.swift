import Foundation
import Testing

/// The real binary in German and English: `--lang`, `CLC_LANG` and `LANG` choose the
/// language of messages and tables; machine formats stay the same in every language.
@Suite struct LanguageEndToEndTests {
    static let snapshot = """
        {"format": "lifecycle-snapshot", "version": 1, "name": "Laden", "currency": "EUR", "as_of": "2026-11-30T00:00:00Z",
         "stages": [{"id": "new", "name": "New"}, {"id": "loyal", "name": "Loyal"}],
         "customers": [
           {"id": "C-1", "name": "Jürgen Groß", "stage": "new", "stage_entered_at": "2026-10-01T00:00:00Z"},
           {"id": "C-2", "name": "Ana", "stage": "new", "stage_entered_at": "2026-11-01T00:00:00Z"}],
         "touchpoints": [{"id": "T1", "customer_id": "C-1", "at": "2026-10-02T00:00:00Z", "channel": "web",
                          "type": "purchase", "value": 1204.5}],
         "transitions": [{"customer_id": "C-1", "from": null, "to": "new", "at": "2026-10-01T00:00:00Z", "by": "ben"}]}
        """

    /// A copy of the snapshot in a fresh directory.
    static func file() throws -> (URL, String) {
        let dir = try Shell.temporaryDirectory()
        let path = dir.appendingPathComponent("laden.json").path
        try snapshot.write(toFile: path, atomically: true, encoding: .utf8)
        return (dir, path)
    }

    /// The test environment with `changes` applied (nil removes a variable).
    static func environment(_ changes: [String: String?]) -> [String: String] {
        var environment = Shell.testEnvironment
        for name in ["CLC_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] { environment[name] = nil }
        for (name, value) in changes { environment[name] = value }
        return environment
    }

    @Test func reportWithLangDeIsGerman() throws {
        let (dir, path) = try Self.file()
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = try Shell.run([Shell.clc, "report", path, "--lang", "de"], environment: Self.environment([:]))
        #expect(report.status == 0)
        let lines = report.stdout.components(separatedBy: "\n")
        #expect(lines[0] == "Laden — Stand 30.11.2026, 00:00 UTC")
        #expect(lines[1] == "2 Kunden · 1 Kontaktpunkt · 1 Phasenwechsel · Umsatz 1.204,50 €")
        #expect(lines[3].split(separator: " ") == ["Phase", "Kunden", "Anteil", "Erreicht", "Konversion", "Median", "Tage", "Umsatz"])
        #expect(lines[5].hasPrefix("New") && lines[5].contains("100,0 %") && lines[5].contains("1.204,50"))
        let english = try Shell.run([Shell.clc, "report", path], environment: Self.environment(["LANG": "C.UTF-8"]))
        #expect(english.stdout.hasPrefix("Laden — as of 2026-11-30T00:00:00Z\n2 customers · 1 touchpoint · 1 transition · revenue 1,204.50 EUR\n"))
    }

    @Test func validateWithClcLangDeIsGerman() throws {
        let (dir, path) = try Self.file()
        defer { try? FileManager.default.removeItem(at: dir) }
        let broken = dir.appendingPathComponent("broken.json").path
        try Self.snapshot.replacingOccurrences(of: "\"id\": \"C-2\", \"name\": \"Ana\", \"stage\": \"new\"",
                                                with: "\"id\": \"C-2\", \"name\": \"Ana\", \"stage\": \"nirvana\"")
            .write(toFile: broken, atomically: true, encoding: .utf8)
        let run = try Shell.run([Shell.clc, "validate", broken], environment: Self.environment(["CLC_LANG": "de", "LANG": "en_US.UTF-8"]))
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Fehler: customers[1].stage: unbekannte Phase \"nirvana\"")
        #expect(lines.last == "\(broken): 1 Fehler, 0 Warnungen")
        let opened = try Shell.run([Shell.clc, "report", broken], environment: Self.environment(["CLC_LANG": "de"]))
        #expect(opened.status == 1)
        #expect(opened.stderr == "\(broken): Snapshot kann nicht geöffnet werden (1 Fehler)\n  Fehler: customers[1].stage: unbekannte Phase \"nirvana\"\n")
        let missing = try Shell.run([Shell.clc, "validate", broken + ".nope"], environment: Self.environment(["CLC_LANG": "de"]))
        #expect(missing.stdout == "Fehler: Datei nicht gefunden\n\(broken).nope: 1 Fehler, 0 Warnungen\n")
    }

    @Test func moveWithAGermanLocaleIsGerman() throws {
        let (dir, path) = try Self.file()
        defer { try? FileManager.default.removeItem(at: dir) }
        let german = Self.environment(["LANG": "de_DE.UTF-8", "CLC_USER": "anna"])
        let moved = try Shell.run([Shell.clc, "move", path, "C-1", "loyal"], environment: german)
        #expect(moved.status == 0)
        #expect(moved.stdout.range(of: #"^Jürgen Groß \(C-1\) verschoben: New → Loyal am \d\d\.\d\d\.\d{4}, \d\d:\d\d(:\d\d)? UTC von anna\n$"#,
                                   options: .regularExpression) != nil, "\(moved.stdout)")
        let again = try Shell.run([Shell.clc, "move", path, "C-1", "loyal"], environment: german)
        #expect(again.stdout.hasPrefix("Jürgen Groß (C-1) ist bereits in Loyal: nichts aufgezeichnet (dorthin verschoben von anna am "))
        let unknown = try Shell.run([Shell.clc, "move", path, "C-9", "loyal"], environment: german)
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "clc: unbekannter Kunde \"C-9\"\n")
        let english = try Shell.run([Shell.clc, "move", path, "C-9", "loyal", "--lang", "en"], environment: german)
        #expect(english.stderr == "clc: unknown customer \"C-9\"\n")
    }

    @Test func machineFormatsAreTheSameInEveryLanguage() throws {
        let (dir, path) = try Self.file()
        defer { try? FileManager.default.removeItem(at: dir) }
        for command in [["report", path, "--format", "json"], ["report", path, "--format", "csv"],
                        ["history", path, "C-1", "--format", "json"]] {
            let de = try Shell.run([Shell.clc] + command + ["--lang", "de"], environment: Self.environment([:]))
            let en = try Shell.run([Shell.clc] + command + ["--lang", "en"], environment: Self.environment([:]))
            #expect(de.status == 0 && !de.stdout.isEmpty)
            #expect(de.stdout == en.stdout, "\(command)")
        }
    }

    @Test func anUnknownLanguageIsAUsageError() throws {
        let run = try Shell.run([Shell.clc, "report", "x.json", "--lang", "fr"], environment: Self.environment([:]))
        #expect(run.status == 2)
        #expect(run.stderr.contains("'en'") && run.stderr.contains("'de'"))
    }
}
