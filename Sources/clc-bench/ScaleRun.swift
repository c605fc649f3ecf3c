import Foundation
import LifecycleKit

/// `clc-bench --scale`: for each size, a SQLite snapshot of that many customers (generated once,
/// `DIR/customers-N.sqlite`, ten touchpoints each), measured by the benchmark's own list index,
/// open, browse and report measurements; each size's figures are kept in `DIR/scale/`, and the
/// table and chart show every size kept there (sizes may be measured in separate runs).
struct ScaleRun {
    var sizes: [Int]
    var settings: BenchSettings
    var programs: Programs
    /// Where the Markdown table and the PNG chart go.
    var markdown: String
    var chart: String

    static let defaultSizes = [10_000, 100_000, 1_000_000, 10_000_000]
    static let measurements = BenchCommand.measurements.filter { ["index", "open", "browse"].contains($0.name) }
        + [("report", ReportMeasurement.targets, ReportMeasurement.measure)]

    /// Measures every size, then writes the table (Markdown) and draws the chart; `failed`
    /// when a measurement or the chart failed.
    func run() throws -> (report: ScaleReport, failed: Bool) {
        var failed = false
        for customers in sizes {
            let point = try measure(customers)
            failed = failed || !point.failures.isEmpty
            try point.save(in: settings.dataDirectory)
        }
        let points = ScalePoint.loadAll(from: settings.dataDirectory)
        let chartNote = ScaleChart.draw(points, png: chart, base: ScalePoint.directory(settings.dataDirectory) + "/chart")
        let report = ScaleReport(points: points, chartNote: chartNote)
        try report.markdown.write(toFile: markdown, atomically: true, encoding: .utf8)
        return (report, failed || chartNote.contains("FAILED"))
    }

    /// One size: its snapshot (generated when missing), then the measurements.
    private func measure(_ customers: Int) throws -> ScalePoint {
        let dir = settings.dataDirectory
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let file = dir + "/" + BenchData.fileName(customers, "sqlite")
        try BenchData.generate(file, customers: customers, clc: programs.clc)
        let work = dir + "/work-\(customers)"  // per size: runs of other sizes may go on beside it
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let data = BenchData(sqlite: file, json: "", sqliteCustomers: customers, jsonCustomers: 0)
        let context = BenchContext(settings: settings, programs: programs, data: data,
                                   cacheDirectory: dir + "/cache", workDirectory: work)
        context.progress("scale: \(NumberText.grouped(customers)) customers (\(file))")
        let loadStart = ScalePoint.loadAverage()
        let measured = BenchCommand.collect(Self.measurements, context)
        return ScalePoint(customers: customers, file: file, measured: measured,
                          load: (loadStart, ScalePoint.loadAverage()), runs: settings.runs)
    }

    /// `10000,100000` or `10k,100k,1m,10m`; nil when a size is not a positive count.
    static func parseSizes(_ text: String) -> [Int]? {
        let sizes = text.split(separator: ",").map { item -> Int? in
            let s = item.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "_", with: "")
            let (digits, factor) = s.hasSuffix("m") ? (s.dropLast(), 1_000_000) : s.hasSuffix("k") ? (s.dropLast(), 1_000) : (Substring(s), 1)
            guard let n = Int(digits), n > 0 else { return nil }
            return n * factor
        }
        guard !sizes.isEmpty, sizes.allSatisfy({ $0 != nil }) else { return nil }
        return sizes.compactMap { $0 }
    }
}

/// The scale table with its notes: printed, and kept as Markdown.
struct ScaleReport {
    var points: [ScalePoint]
    var chartNote: String

    var footer: [String] { ScaleTable.notes(points) + [chartNote, "machine: \(Machine.line())"] }

    var text: String {
        (ScaleTable.render(points) + [""] + footer.flatMap { ResultReport.wrap($0) }).joined(separator: "\n")
    }

    var markdown: String {
        (["# clc benchmark: scale", "", "`scripts/bench --scale` (issue 15), release build.", ""]
            + ScaleTable.render(points) + [""] + footer.map { "- " + $0 }).joined(separator: "\n") + "\n"
    }
}
