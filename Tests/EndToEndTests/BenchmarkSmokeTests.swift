import Foundation
import Testing

/// `clc-bench --smoke`: every measurement of the benchmark still runs (tiny data, two runs;
/// limits are not checked, a debug build is far slower than release).
struct BenchmarkSmokeTests {
    static let targets = ["list index (cold)", "list index (warm)", "list index (cold) peak RSS", "open→frame (warm)", "open→frame (cold)",
                          "navigation keys", "sort/filter keys", "browse peak RSS", "stage change",
                          "follow: change on screen", "follow: RSS, moves 10→100",
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

    /// `--scale` at two tiny sizes: a row per size with every figure, the Markdown table, and a
    /// PNG chart drawn by gnuplot (which scripts/setup installs).
    @Test func scaleRunHasARowPerSizeAndAChart() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("clc-scale-smoke-\(getpid())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try Shell.run([Shell.clcBench, "--smoke", "--scale", "--scale-sizes", "200,2k",
                                 "--markdown", dir + "/scale.md", "--chart", dir + "/scale.png"])
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        let rows = Self.rows(run.stdout)
        #expect(rows.map { $0.first ?? "" } == ["customers", "200", "2,000"], "\(run.stdout)")
        let figure = "^[0-9]+(\\.[0-9]+)? (ms|s|MB|GB)$"
        for row in rows.dropFirst() {
            // file, frame (warm), sqlite3, frame (cold), keys p99, sort p99, index cold, index peak,
            // browse peak, report cold, report warm
            for column in [1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12] where column < row.count {
                #expect(row[column].range(of: figure, options: .regularExpression) != nil,
                        "\(row[0]) customers, \(ScaleColumns.names[column]): \"\(row[column])\" is not a figure")
            }
            #expect(row.count == ScaleColumns.names.count)
        }
        let markdown = try String(contentsOfFile: dir + "/scale.md", encoding: .utf8)
        #expect(markdown.contains("| customers |") && markdown.contains("|     2,000 |"))
        let png = try Data(contentsOf: URL(fileURLWithPath: dir + "/scale.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "scale.png is not a PNG (\(png.count) bytes)")
        let wrong = try Shell.run([Shell.clcBench, "--scale", "--scale-sizes", "10,zero"])
        #expect(wrong.status != 0 && wrong.stderr.contains("--scale-sizes wants positive counts"))
    }

    /// The scale table's header, as `clc-bench --scale` prints it.
    enum ScaleColumns {
        static let names = ["customers", "file", "frame (warm)", "sqlite3", "ratio", "frame (cold)", "keys p99", "sort p99",
                            "index cold", "index peak", "browse peak", "report cold", "report warm", "load"]
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
