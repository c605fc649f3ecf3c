import Foundation
import Testing

/// `clc import` as the user runs it: exit codes, the file written (or not), `clc validate` of it.
@Suite struct ImportEndToEndTests {
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/import/\(name)").path
    }

    @Test(arguments: ["out.sqlite", "out.json"])
    func importsAHubSpotExportThatValidates(output: String) throws {
        let dir = try Shell.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent(output).path
        let r = try Shell.run([Shell.clc, "import", Self.fixture("hubspot-contacts.csv"), out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasSuffix("wrote \(out): 3 customers, 0 touchpoints, 6 transitions\n"), "\(r.stdout)")
        #expect(r.stdout.contains("hubspot-contacts.csv as utf-8, fields split by “,”"))
        let v = try Shell.run([Shell.clc, "validate", out])
        #expect(v.status == 0 && v.stdout.contains("0 errors, 0 warnings"), "\(v.stdout)")
    }

    @Test func importsAMappedExportWithTouchpoints() throws {
        let dir = try Shell.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("shop.json").path
        let r = try Shell.run([Shell.clc, "import", Self.fixture("kunden-1252.csv"), out, "--mapping", Self.fixture("kunden.toml"),
                               "--touchpoints", Self.fixture("bestellungen.csv")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("kunden-1252.csv as windows-1252, fields split by “;”"))
        #expect(r.stdout.hasSuffix("3 customers, 3 touchpoints, 0 transitions\n"))
        #expect(try Shell.run([Shell.clc, "validate", out]).status == 0)
        let report = try Shell.run([Shell.clc, "report", out])
        #expect(report.stdout.contains("Stammkunde"), "\(report.stdout)")
    }

    @Test func refusesABrokenFileListingEveryProblemAndWritesNothing() throws {
        let dir = try Shell.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out.sqlite").path
        let r = try Shell.run([Shell.clc, "import", Self.fixture("hubspot-broken.csv"), out])
        #expect(r.status == 1)
        let errors = r.stderr.split(separator: "\n").filter { $0.hasPrefix("error: hubspot-broken.csv row ") }
        #expect(errors.count == 5, "\(r.stderr)")
        #expect(r.stderr.hasSuffix("\(out): nothing written (5 errors; --skip-invalid leaves out the rows with errors)\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)

        let skipped = try Shell.run([Shell.clc, "import", Self.fixture("hubspot-broken.csv"), out, "--skip-invalid"])
        #expect(skipped.status == 0, "\(skipped.stderr)")
        #expect(skipped.stdout.contains("skipped hubspot-broken.csv row 3, column \"Lifecycle Stage\": unknown stage Prospect"))
        #expect(skipped.stdout.contains("skipped 5 rows with problems (--skip-invalid)"))
        #expect(skipped.stdout.hasSuffix("wrote \(out): 1 customer, 0 touchpoints, 0 transitions\n"))
        #expect(try Shell.run([Shell.clc, "validate", out]).status == 0)

        let again = try Shell.run([Shell.clc, "import", Self.fixture("mautic-contacts.csv"), out])
        #expect(again.status == 1 && again.stderr == "clc: \(out) exists; use --force to overwrite it\n")
        let forced = try Shell.run([Shell.clc, "import", Self.fixture("mautic-contacts.csv"), out, "--force"])
        #expect(forced.status == 0 && forced.stdout.hasSuffix("3 customers, 0 touchpoints, 0 transitions\n"))
    }

    @Test func hostileCellsAndGermanMessages() throws {
        let dir = try Shell.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("h.csv").path
        try Data("Record ID,Lifecycle Stage,\"\u{1b}]0;col\u{7}\"\n\"A\u{1b}[2J\",\"\u{9b}31m\",x\n".utf8).write(to: URL(fileURLWithPath: input))
        let r = try Shell.run([Shell.clc, "import", input, dir.appendingPathComponent("o.json").path, "--lang", "de"])
        #expect(r.status == 1)
        HostileTextTests.expectSafe(r, "import")
        #expect(r.stderr.contains("Fehler: h.csv row 2, column \"Lifecycle Stage\": unbekannte Phase"), "\(r.stderr)")
        #expect(r.stderr.contains("nichts geschrieben"))
    }
}
