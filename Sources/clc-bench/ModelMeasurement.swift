import Foundation
import LifecycleKit

/// Issue 12: `clc model FILE --format json` (process start to exit: reading the purchases,
/// the summaries, both fits) against the Python pipeline of `scripts/lifetimes-pipeline`
/// (lifetimes 0.11.3: reading the purchases with sqlite3 into pandas, the summary, BG/NBD
/// and Gamma-Gamma fits; Python's start and imports not counted). Without lifetimes, pip
/// installs it; when that fails, only ours is shown and a note says why.
enum ModelMeasurement {
    static let targets = ["clc model"]
    static let lifetimesVersion = "0.11.3"

    struct PipelineReport: Decodable {
        var seconds: Double
        var steps: [String: Double]
        var buyers: Int
        var bgnbd: [String: Double]
        var gamma_gamma: [String: Double]
    }

    static func measure(_ c: BenchContext) throws -> Measured {
        let runs = c.settings.heavyRuns
        c.progress("clc model: \(ResultTable.count(runs, "run")) of clc model and of the lifetimes pipeline")
        let python = lifetimesPython(c)
        var ours: [Double] = [], theirs: [PipelineReport] = []
        var last = ""
        for _ in 0..<runs {
            let run = try ChildProcess.run([c.programs.clc, "model", c.data.sqlite, "--format", "json"],
                                           environment: c.environment(), stdout: .capture).checked("clc model")
            ours.append(run.seconds)
            last = run.output
            guard let python else { continue }
            let script = repository(c.programs.bench) + "/scripts/lifetimes-pipeline"
            let pipeline = try ChildProcess.run([python, script, c.data.sqlite], environment: c.environment(), stdout: .capture)
                .checked("scripts/lifetimes-pipeline")
            guard let line = pipeline.output.split(separator: "\n").last,
                  let report = try? JSONDecoder().decode(PipelineReport.self, from: Data(line.utf8)) else {
                throw BenchError("scripts/lifetimes-pipeline printed no report")
            }
            theirs.append(report)
        }
        let reference = Samples(theirs.map(\.seconds))
        let row = ResultRow(target: targets[0], unit: .seconds, ours: Samples(ours),
                            reference: python == nil ? "no lifetimes" : "lifetimes \(lifetimesVersion)",
                            referenceMedian: python == nil ? nil : reference.median, limit: .ratio(0.2))
        return Measured(rows: [row], notes: [note(theirs.last, clcOutput: last, python: python)])
    }

    /// The note under the table: what is counted, and the parameters both found.
    private static func note(_ report: PipelineReport?, clcOutput: String, python: String?) -> String {
        let counted = "clc model: clc = `clc model FILE --format json`, process start to exit; lifetimes = "
            + "scripts/lifetimes-pipeline, from reading the purchases (sqlite3 → pandas) to the end of GammaGammaFitter.fit, "
            + "Python's start and imports not counted"
        guard let report else {
            return counted + (python == nil ? "; lifetimes \(lifetimesVersion) not available (pip failed): no reference" : "")
        }
        let steps = ["read", "summary", "bgnbd", "gamma_gamma"].map { "\($0) \(ResultTable.format(report.steps[$0] ?? .nan, .seconds))" }
        let theirs = ["r", "alpha", "a", "b"].map { String(format: "%@ %.4g", $0, report.bgnbd[$0] ?? .nan) }.joined(separator: ", ")
        var ours = ""
        if let json = try? JSONSerialization.jsonObject(with: Data(clcOutput.utf8)) as? [String: Any],
           let bg = json["bgnbd"] as? [String: Any] {
            ours = "; clc: " + ["r", "alpha", "a", "b"].map { String(format: "%@ %.4g", $0, (bg[$0] as? Double) ?? .nan) }
                .joined(separator: ", ")
        }
        return counted + " (\(steps.joined(separator: ", "))); \(NumberText.grouped(report.buyers)) buyers; lifetimes: "
            + theirs + ours
    }

    /// The checkout this program was built in (it lives in `.build/…`), else the current directory.
    static func repository(_ bench: String) -> String {
        if let range = bench.range(of: "/.build/") { return String(bench[..<range.lowerBound]) }
        return FileManager.default.currentDirectoryPath
    }

    /// A python3 that imports lifetimes (installed with pip when missing); nil when there is none.
    private static func lifetimesPython(_ c: BenchContext) -> String? {
        guard let python = c.programs.python3 else { return nil }
        func has() -> Bool {
            (try? ChildProcess.run([python, "-c", "import lifetimes, pandas"], environment: c.environment()))?.status == 0
        }
        if has() { return python }
        c.progress("clc model: installing lifetimes==\(lifetimesVersion) with pip")
        _ = try? ChildProcess.run([python, "-m", "pip", "install", "--quiet", "lifetimes==\(lifetimesVersion)"],
                                  environment: c.environment(), stdout: .inherit)
        return has() ? python : nil
    }
}
