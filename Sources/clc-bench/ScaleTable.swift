import Foundation
import LifecycleKit

/// The scale run's table: one row per size, and the targets of issue 15 checked at the largest.
enum ScaleTable {
    static let header = ["customers", "file", "frame (warm)", "sqlite3", "ratio", "frame (cold)", "keys p99", "sort p99",
                         "index cold", "index peak", "browse peak", "report cold", "report warm", "load"]
    /// Issue 15's limits at ten million customers.
    static let frameRatioLimit = 1.5
    static let keysLimit = 0.016
    static let browseLimit = 500e6

    static func render(_ points: [ScalePoint]) -> [String] {
        ResultTable.grid(header, points.map(cells), leftAligned: [])
    }

    private static func cells(_ p: ScalePoint) -> [String] {
        func s(_ v: Double?) -> String { v.map { ResultTable.format($0, .seconds) } ?? "—" }
        func b(_ v: Double?) -> String { v.map { ResultTable.format($0, .bytes) } ?? "—" }
        return [NumberText.grouped(p.customers), b(p.fileBytes), s(p.frameWarm), s(p.frameSQLite3),
                p.frameRatio.map { String(format: "%.2f×", $0) } ?? "—", s(p.frameCold), s(p.keysP99), s(p.sortP99),
                s(p.indexColdSeconds), b(p.indexColdPeak), b(p.browsePeakWarm), s(p.reportCold), s(p.reportWarm),
                String(format: "%.1f–%.1f", p.loadStart, p.loadEnd)]
    }

    /// The lines under the table: what each column is, the targets at the largest size, failures.
    static func notes(_ points: [ScalePoint]) -> [String] {
        var lines = [
            "frame: the real clc on a 120×40 pty to its first frame (warm: side cache kept; cold: none), medians; "
                + "sqlite3 = \"\(OpenMeasurement.query)\"; ratio = frame (warm) / sqlite3",
            "keys p99: navigation keys (handle + render) in the biggest stage; sort p99: the sort key alone",
            "index cold / peak: building the list index with an empty side cache, its time and the process's peak RSS",
            "browse peak: peak RSS of the last browse run (list index and value figures read from the side cache)",
            "report: `clc report FILE --format json`, process start to exit (cold: empty side cache)",
            "load: 1-minute load average when the size started and ended (2 cores, shared machine)",
        ]
        if let big = points.last { lines.append(targets(big)) }
        for p in points {
            lines += p.failures.map { "\(NumberText.grouped(p.customers)): FAILED \($0)" }
            lines.append("\(NumberText.grouped(p.customers)): measured \(p.measuredAt), \(ResultTable.count(p.runs, "run"))")
        }
        return lines
    }

    /// The limits of issue 15 checked on `p` (meant for ten million customers).
    static func targets(_ p: ScalePoint) -> String {
        func check(_ value: Double?, _ limit: Double) -> String {
            guard let value else { return "not measured" }
            return value <= limit ? "met" : "MISSED"
        }
        return "targets at \(NumberText.grouped(p.customers)): first frame ≤ \(frameRatioLimit)× sqlite3 "
            + check(p.frameRatio, frameRatioLimit) + ", keys p99 ≤ 16 ms " + check(p.keysP99, keysLimit)
            + ", browse peak ≤ 500 MB " + check(p.browsePeakWarm, browseLimit)
    }

    /// Whether a target was missed at `p`, for `--check`.
    static func missed(_ p: ScalePoint) -> Bool {
        targets(p).contains("MISSED")
    }
}
