import Foundation
import Testing

/// `clc-bench --smoke`: every measurement of the benchmark still runs (tiny data, two runs;
/// limits are not checked, a debug build is far slower than release).
struct BenchmarkSmokeTests {
    static let targets = ["list index (cold)", "list index (warm)", "open→frame (warm)", "open→frame (cold)",
                          "navigation keys", "sort/filter keys", "browse peak RSS", "stage change",
                          "follow: change on screen", "follow: RSS growth",
                          "JSON load", "JSON peak RSS", "keys, 200 ms store", "j right after *", "clc model", "import 1M-row CSV", "export 1M rows CSV",
                          "clc attribution", "clc flows", "clc cohorts", "clc diff"]

    @Test func everyMeasurementRunsAndHasFigures() throws {
        let run = try Shell.run([Shell.clcBench, "--smoke"])
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        Self.expectFigures(Self.targets, in: Self.rows(run.stdout), run.stdout)
    }

    /// `--only effects`: the key tour on a store 200 ms late per call and `*` then `j`, each
    /// screen right once its results are in (else the measurement fails), and nothing else.
    @Test func onlyTheEffectsMeasurement() throws {
        let run = try Shell.run([Shell.clcBench, "--smoke", "--only", "effects"])
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        let rows = Self.rows(run.stdout)
        #expect(rows.dropFirst().map { $0.first ?? "" } == ["keys, 200 ms store", "j right after *"])
        Self.expectFigures(["keys, 200 ms store", "j right after *"], in: rows, run.stdout)
        #expect(run.stdout.replacingOccurrences(of: "\n  ", with: " ").contains("every screen right once its results were in"))
        let wrong = try Shell.run([Shell.clcBench, "--smoke", "--only", "nothing"])
        #expect(wrong.status != 0 && wrong.stderr.contains("unknown measurement nothing"))
    }

    static func rows(_ stdout: String) -> [[String]] {
        stdout.split(separator: "\n").filter { $0.hasPrefix("| ") }
            .map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
    }

    static func expectFigures(_ targets: [String], in rows: [[String]], _ stdout: String) {
        for target in targets {
            let row = rows.first { $0.first == target }
            #expect(row != nil, "no row \"\(target)\" in:\n\(stdout)")
            guard let row, row.count >= 3 else { continue }
            for figure in row[1...2] {
                #expect(figure.range(of: "^[0-9]+(\\.[0-9]+)? (ms|s|MB|GB)$", options: .regularExpression) != nil,
                        "\"\(target)\": \"\(figure)\" is not a figure")
            }
        }
    }
}
