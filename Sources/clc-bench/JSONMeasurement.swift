import Foundation

/// Target 4: loading the JSON snapshot (the `load-json` child, process start to exit)
/// against `python3`'s `json.load` of the same file; peak memory against the file size.
/// Without python3 (scripts/bench installs it; CI's smoke run may lack it) only ours is shown.
enum JSONMeasurement {
    static let targets = ["JSON load", "JSON peak RSS"]

    static func measure(_ c: BenchContext) throws -> Measured {
        let runs = c.settings.jsonRuns
        c.progress("JSON load: \(ResultTable.count(runs, "run")) each of python3 json.load and clc")
        let file = c.data.json
        let reference = c.programs.python3.map { [$0, "-c", "import json, sys; json.load(open(sys.argv[1]))", file] }
        BenchData.readThrough(file)  // into the page cache, not counted
        var ours: [Finished] = [], theirs: [Finished] = []
        for run in 0..<runs {
            let runOurs = { ours.append(try c.child(["load-json", file]).checked("load-json")) }
            let runPython = {
                if let reference { theirs.append(try ChildProcess.run(reference, environment: c.environment()).checked("python3")) }
            }
            if run % 2 == 0 { try runOurs(); try runPython() } else { try runPython(); try runOurs() }
        }
        let size = BenchData.size(of: file)
        let python = Samples(theirs.map(\.seconds)), pythonMemory = Samples(theirs.map(\.peakRSS))
        let note = reference == nil ? "JSON: python3 not found, no reference"
            : String(format: "JSON: clc = SnapshotFile.open in a process of its own; python3 = json.load of the same file "
                     + "(peak RSS %@, %.1f× the file)", ResultTable.format(pythonMemory.median, .bytes), pythonMemory.median / size)
        return Measured(
            rows: [ResultRow(target: targets[0], unit: .seconds, ours: Samples(ours.map(\.seconds)),
                             reference: reference == nil ? "no python3" : "python3",
                             referenceMedian: reference == nil ? nil : python.median, limit: .ratio(1.0)),
                   ResultRow(target: targets[1], unit: .bytes, ours: Samples(ours.map(\.peakRSS)), reference: "file size",
                             referenceMedian: size, limit: .ratio(2.0))],
            notes: [note])
    }
}
