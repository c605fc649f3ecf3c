import Foundation
import Testing

/// `clc-bench --smoke`: every measurement of the benchmark still runs (tiny data, two runs;
/// limits are not checked, a debug build is far slower than release).
struct BenchmarkSmokeTests {
    static let targets = ["list index (cold)", "list index (warm)", "open→frame (warm)", "open→frame (cold)",
                          "navigation keys", "sort/filter keys", "browse peak RSS", "stage change",
                          "JSON load", "JSON peak RSS", "clc model"]

    @Test func everyMeasurementRunsAndHasFigures() throws {
        let run = try Shell.run([Shell.clcBench, "--smoke"])
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        let rows = run.stdout.split(separator: "\n").filter { $0.hasPrefix("| ") }
            .map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
        for target in Self.targets {
            let row = rows.first { $0.first == target }
            #expect(row != nil, "no row \"\(target)\" in:\n\(run.stdout)")
            guard let row, row.count >= 3 else { continue }
            for figure in row[1...2] {
                #expect(figure.range(of: "^[0-9]+(\\.[0-9]+)? (ms|s|MB|GB)$", options: .regularExpression) != nil,
                        "\"\(target)\": \"\(figure)\" is not a figure")
            }
        }
    }
}
