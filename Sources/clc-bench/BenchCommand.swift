import ArgumentParser
import Foundation

/// `clc-bench [--data-dir DIR] [--runs N] [--only NAMES] [--markdown FILE] [--smoke] [--check]`: makes the
/// data sets if needed, runs every measurement with its reference, prints the table (and
/// keeps it in `DIR/last-run.md`, or FILE). Exit 1 when a measurement could not run, 3 when
/// `--check` finds a limit missed. `--scale [--scale-sizes N,…] [--chart PNG]`: the scale run
/// instead (see `ScaleRun`), its table in `DIR/scale.md` (or FILE) and its chart in `DIR/scale.png`.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clc-bench",
        abstract: "Measure clc against reference programs in the same run and print a table (issue 5).",
        discussion: "Data sets: DIR/customers-1m.sqlite and DIR/customers-200k.json, generated once by the clc "
            + "next to this program. Run it with scripts/bench (release build).",
        subcommands: [ChildCommand.self])

    @Option(help: "Where the data sets and the side cache are kept (default: bench-data/ in the repository).")
    var dataDir: String?

    @Option(help: "Runs of the quick measurements (default 7; the long ones run at most twice, JSON at most 5 times).")
    var runs: Int?

    @Option(help: "Only these measurements, comma-separated: \(Self.measurementNames.joined(separator: ", ")) (default: all).")
    var only: String?

    @Option(help: "Where to keep the table as Markdown (default: DIR/last-run.md).")
    var markdown: String?

    @Flag(help: "Tiny data sets in a temporary directory, two runs each: checks that every measurement runs.")
    var smoke = false

    @Flag(help: "Exit 3 when a limit of the issue is missed.")
    var check = false

    @Flag(help: "The scale run instead (issue 15): list index, open, browse and report at each of --scale-sizes customers.")
    var scale = false

    @Option(help: "Customers of each size of --scale, comma-separated (10k, 1m allowed; default 10k,100k,1m,10m).")
    var scaleSizes: String?

    @Option(help: "Where --scale draws its chart (PNG, by gnuplot; default: DIR/scale.png).")
    var chart: String?

    func validate() throws {
        if let runs, runs < 1 { throw ValidationError("--runs must be 1 or more") }
        for name in selected where !Self.measurementNames.contains(name) {
            throw ValidationError("unknown measurement \(name) (measurements: \(Self.measurementNames.joined(separator: ", ")))")
        }
        if let scaleSizes, ScaleRun.parseSizes(scaleSizes) == nil {
            throw ValidationError("--scale-sizes wants positive counts, comma-separated (got \(scaleSizes))")
        }
        if !scale && (scaleSizes != nil || chart != nil) { throw ValidationError("--scale-sizes and --chart go with --scale") }
        if scale && only != nil { throw ValidationError("--only does not go with --scale") }
    }

    static let measurements: [(name: String, targets: [String], measure: @Sendable (BenchContext) throws -> Measured)] = [
        ("index", IndexMeasurement.targets, IndexMeasurement.measure),
        ("open", OpenMeasurement.targets, OpenMeasurement.measure),
        ("browse", BrowseMeasurement.targets, BrowseMeasurement.measure),
        ("moves", MovesMeasurement.targets, MovesMeasurement.measure),
        ("follow", FollowMeasurement.targets, FollowMeasurement.measure),
        ("json", JSONMeasurement.targets, JSONMeasurement.measure),
        ("effects", EffectsMeasurement.targets, EffectsMeasurement.measure),
        ("model", ModelMeasurement.targets, ModelMeasurement.measure),
        ("import", ImportMeasurement.targets, ImportMeasurement.measure),
        ("export", ExportMeasurement.targets, ExportMeasurement.measure),
        ("analysis", AnalysisMeasurement.targets, AnalysisMeasurement.measure),
        ("analysis-keys", AnalysisKeysMeasurement.targets, AnalysisKeysMeasurement.measure),
    ]
    static var measurementNames: [String] { measurements.map(\.name) }

    /// Runs each of `list` on `context`; a measurement that throws gives failed rows and a note.
    static func collect(_ list: [(name: String, targets: [String], measure: @Sendable (BenchContext) throws -> Measured)],
                        _ context: BenchContext) -> Measured {
        var result = Measured()
        for m in list {
            do {
                let measured = try m.measure(context)
                result.rows += measured.rows
                result.notes += measured.notes
            } catch {
                result.rows += m.targets.map { ResultRow.failed($0, "\(error)") }
                result.notes.append("\(m.targets[0]): FAILED: \(error)")
            }
        }
        return result
    }

    /// The measurement names of `--only`, empty for all.
    private var selected: [String] {
        only?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } ?? []
    }

    func run() throws {
        let programs = try Programs.locate()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("clc-bench-\(getpid())").path
        let dataDirectory = smoke ? scratch : (dataDir ?? Self.defaultDataDirectory(bench: programs.bench))
        let settings = BenchSettings(dataDirectory: dataDirectory, runs: runs ?? (smoke ? 2 : scale ? 3 : 7), smoke: smoke)
        defer { if smoke { try? FileManager.default.removeItem(atPath: scratch) } }
        if scale { return try runScale(settings, programs) }
        let data = try BenchData.ensure(settings, clc: programs.clc)
        let work = dataDirectory + "/work"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let context = BenchContext(settings: settings, programs: programs, data: data,
                                   cacheDirectory: dataDirectory + "/cache", workDirectory: work)

        let result = Self.collect(Self.measurements.filter { selected.isEmpty || selected.contains($0.name) }, context)

        let report = ResultReport(rows: result.rows, notes: result.notes, data: data, settings: settings)
        print(report.text)
        if !smoke {
            try report.markdown.write(toFile: markdown ?? dataDirectory + "/last-run.md", atomically: true, encoding: .utf8)
        }
        if result.rows.contains(where: { $0.failure != nil }) { throw ExitCode(1) }
        if check && result.rows.contains(where: { $0.met == false }) { throw ExitCode(3) }
    }

    /// The scale run: prints its table; exit 1 when something failed, 3 when `--check` finds
    /// a target missed at the largest size.
    private func runScale(_ settings: BenchSettings, _ programs: Programs) throws {
        let sizes = scaleSizes.flatMap(ScaleRun.parseSizes) ?? ScaleRun.defaultSizes
        let dir = settings.dataDirectory
        let (report, failed) = try ScaleRun(sizes: sizes, settings: settings, programs: programs,
                                            markdown: markdown ?? dir + "/scale.md", chart: chart ?? dir + "/scale.png").run()
        print(report.text)
        if failed { throw ExitCode(1) }
        if check, let largest = report.points.last, ScaleTable.missed(largest) { throw ExitCode(3) }
    }

    /// `bench-data/` at the root of the repository this program was built in (it lives in
    /// `.build/…`), else in the current directory.
    static func defaultDataDirectory(bench: String) -> String {
        if let range = bench.range(of: "/.build/") { return String(bench[..<range.lowerBound]) + "/bench-data" }
        return FileManager.default.currentDirectoryPath + "/bench-data"
    }
}
