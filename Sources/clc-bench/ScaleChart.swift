import Foundation

/// The scale run's chart: a PNG drawn by gnuplot, times on the left and peak memory on the
/// right, both against the number of customers on log scales.
enum ScaleChart {
    /// Columns of the data file gnuplot reads (times in seconds, memory in MB).
    static let columns = ["customers", "frame_warm", "sqlite3", "keys_p99", "sort_p99", "index_cold", "report_cold",
                          "index_peak_mb", "browse_peak_mb"]

    /// The data file's text: one line per size, `NaN` where not measured.
    static func data(_ points: [ScalePoint]) -> String {
        func v(_ x: Double?) -> String { x.map { String(format: "%.6g", $0) } ?? "NaN" }
        let lines = points.map { p in
            ["\(p.customers)", v(p.frameWarm), v(p.frameSQLite3), v(p.keysP99), v(p.sortP99), v(p.indexColdSeconds),
             v(p.reportCold), v(p.indexColdPeak.map { $0 / 1e6 }), v(p.browsePeakWarm.map { $0 / 1e6 })].joined(separator: " ")
        }
        return (["# " + columns.joined(separator: " ")] + lines).joined(separator: "\n") + "\n"
    }

    /// The gnuplot program drawing `dataFile` into `png`.
    static func script(dataFile: String, png: String) -> String {
        let quotedData = "'" + dataFile.replacingOccurrences(of: "'", with: "''") + "'"
        return """
            set terminal pngcairo size 1200,480 font 'sans,10'
            set output '\(png.replacingOccurrences(of: "'", with: "''"))'
            set datafile missing 'NaN'
            set logscale xy
            set xlabel 'customers'
            set format x '%.0s%c'
            set grid
            set key below
            set multiplot layout 1,2 title 'clc at scale (clc-bench --scale)'
            set title 'time (seconds)'
            set format y '%g'
            plot \(quotedData) using 1:2 with linespoints title 'first frame (warm)', \
                 '' using 1:3 with linespoints title 'sqlite3 (stage counts)', \
                 '' using 1:4 with linespoints title 'keys p99', \
                 '' using 1:5 with linespoints title 'sort p99', \
                 '' using 1:6 with linespoints title 'list index, cold build', \
                 '' using 1:7 with linespoints title 'clc report (cold)', \
                 0.016 with lines dashtype 2 title 'keys target 16 ms'
            set title 'peak memory (MB)'
            plot \(quotedData) using 1:8 with linespoints title 'list index, cold build', \
                 '' using 1:9 with linespoints title 'browsing (warm)', \
                 500 with lines dashtype 2 title 'browse target 500 MB'
            unset multiplot

            """
    }

    /// Writes the data and script as `base.dat` and `base.gnuplot` and runs gnuplot; says what
    /// it did (or why not).
    static func draw(_ points: [ScalePoint], png: String, base: String) -> String {
        guard let gnuplot = Programs.find("gnuplot") else {
            return "chart: not drawn, gnuplot not found (scripts/setup installs gnuplot-nox)"
        }
        do {
            try data(points).write(toFile: base + ".dat", atomically: true, encoding: .utf8)
            try script(dataFile: base + ".dat", png: png).write(toFile: base + ".gnuplot", atomically: true, encoding: .utf8)
            _ = try ChildProcess.run([gnuplot, base + ".gnuplot"], environment: ProcessInfo.processInfo.environment).checked("gnuplot")
            return "chart: \(png) (data \(base).dat, drawn by gnuplot from \(base).gnuplot)"
        } catch {
            return "chart: FAILED: \(error)"
        }
    }
}
