import Foundation
import LifecycleKit

/// `e` on a list: what to export (the list as shown, or its marked customers) and where by
/// default. The path prompt (`ExportPathScreen`) turns it into an `ExportJob`.
public struct ExportRequest: Sendable {
    public var export: CustomerExport
    /// How many marked customers it holds (nil: the list as it is shown).
    public var marked: Int?
    /// `~/clc-exports/lead-2026-11-30.csv`, the first such name not taken.
    public var defaultPath: String
    /// Finishes `export` off the input thread (a set of a million marked ids, a drill-down
    /// list's ids) before it runs.
    var prepare: (@Sendable (inout CustomerExport) -> Void)?

    public init(export: CustomerExport, marked: Int?, defaultPath: String) {
        self.export = export
        self.marked = marked
        self.defaultPath = defaultPath
    }
}

/// An export on its way: the request, the file (`~` expanded) and whether it may replace one.
public struct ExportJob: Sendable {
    public var request: ExportRequest
    public var path: String
    /// The user said yes to replacing the file.
    public var replacing = false

    /// Writes the file (a temporary file beside it, renamed at the end: nothing half-written),
    /// creating the default folder if missing; reports the rows written and stops when cancelled.
    func run(_ env: EffectEnvironment) throws -> ExportDone {
        let folder = (path as NSString).deletingLastPathComponent
        if folder == ExportPaths.expand(ExportPaths.folder) {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        var export = request.export
        request.prepare?(&export)
        let output = try ExportOutput.file(path, force: replacing)
        let rows = try export.write(from: env.store, to: output) { rows in
            try env.checkCancelled()
            env.token.report(rows)
        }
        return ExportDone(rows: rows, path: path)
    }
}

/// An export written: how many rows went where.
struct ExportDone: Sendable {
    var rows: Int
    var path: String
}

/// Where exports go by default, and `~` in a typed path.
public enum ExportPaths {
    /// The default folder, as the prompt shows it.
    public static let folder = "~/clc-exports"

    /// `path` with a leading `~` replaced by the home folder (`$HOME` unless given).
    public static func expand(_ path: String, home: String? = nil) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        return (home ?? ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()) + path.dropFirst()
    }

    /// `path` with the home folder written `~` (shorter in the status bar).
    public static func abbreviate(_ path: String, home: String? = nil) -> String {
        let home = home ?? ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        guard home.count > 1, path.hasPrefix(home + "/") else { return path }
        return "~" + path.dropFirst(home.count)
    }

    /// `~/clc-exports/STEM-DATE.csv` (today, UTC), with `-2`, `-3`… until no file has the name.
    public static func suggested(_ stem: String, today: Timestamp = StageMover.now(), home: String? = nil) -> String {
        let safe = String(stem.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
        let base = "\(folder)/\(safe.isEmpty ? "customers" : safe)-\(today.dateString)"
        var path = base + ".csv"
        var n = 2
        while FileManager.default.fileExists(atPath: expand(path, home: home)) {
            path = "\(base)-\(n).csv"
            n += 1
        }
        return path
    }
}

extension Dashboard {
    /// Runs `job` on the worker (its progress in the status bar, Esc cancels it).
    mutating func startExport(_ job: ExportJob) {
        issueApp("export", Message.inProgress(.prExporting, .text(job.path)), cancellable: true) { env in try job.run(env) }
    }

    mutating func exported(_ done: ExportDone) {
        state.status = StatusMessage(.stExported, .count(done.rows), .text(ExportPaths.abbreviate(done.path)))
    }
}
