import Foundation

/// The figures of one size of the scale run (`clc-bench --scale`), kept as JSON in
/// `DIR/scale/customers-N.json` so that sizes measured in separate runs make one table.
/// Seconds and bytes; nil where the measurement failed.
struct ScalePoint: Codable {
    var customers: Int
    var fileBytes: Double
    /// Medians of the open measurement: clc with the side cache kept, with none, and sqlite3.
    var frameWarm: Double?
    var frameCold: Double?
    var frameSQLite3: Double?
    /// p99 of the navigation keys, and of the sort key alone.
    var keysP99: Double?
    var sortP99: Double?
    var indexColdSeconds: Double?
    var indexColdPeak: Double?
    /// The last browse run's peak RSS: list index and value figures read from the side cache.
    var browsePeakWarm: Double?
    var reportCold: Double?
    var reportWarm: Double?
    /// The 1-minute load average when this size started and when it ended.
    var loadStart: Double
    var loadEnd: Double
    var measuredAt: String
    var runs: Int
    var failures: [String]

    /// The figures of `measured` (rows found by their targets).
    init(customers: Int, file: String, measured: Measured, load: (Double, Double), runs: Int) {
        func row(_ target: String) -> ResultRow? {
            measured.rows.first { $0.target == target && $0.failure == nil && $0.ours.count > 0 }
        }
        self.customers = customers
        fileBytes = BenchData.size(of: file)
        frameWarm = row(OpenMeasurement.targets[0])?.ours.median
        frameCold = row(OpenMeasurement.targets[1])?.ours.median
        frameSQLite3 = row(OpenMeasurement.targets[0])?.referenceMedian
        keysP99 = row(BrowseMeasurement.navigationTarget)?.ours.p99
        sortP99 = (row("  " + KeyKind.sort.rawValue) ?? row(BrowseMeasurement.sortFilterTarget))?.ours.p99
        indexColdSeconds = row(IndexMeasurement.targets[0])?.ours.median
        indexColdPeak = row(IndexMeasurement.targets[2])?.ours.max
        browsePeakWarm = row(BrowseMeasurement.memoryTarget)?.ours.values.last
        reportCold = row(ReportMeasurement.targets[0])?.ours.median
        reportWarm = row(ReportMeasurement.targets[1])?.ours.median
        (loadStart, loadEnd) = load
        measuredAt = ISO8601DateFormatter().string(from: Date())
        self.runs = runs
        failures = measured.rows.compactMap { row in row.failure.map { "\(row.target): \($0)" } }
    }

    /// clc's warm first frame over sqlite3's.
    var frameRatio: Double? {
        guard let frameWarm, let frameSQLite3, frameSQLite3 > 0 else { return nil }
        return frameWarm / frameSQLite3
    }

    static func directory(_ dataDirectory: String) -> String { dataDirectory + "/scale" }

    func save(in dataDirectory: String) throws {
        let dir = Self.directory(dataDirectory)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: URL(fileURLWithPath: dir + "/customers-\(customers).json"))
    }

    /// Every size kept in `dataDirectory`, smallest first.
    static func loadAll(from dataDirectory: String) -> [ScalePoint] {
        let dir = directory(dataDirectory)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { $0.hasSuffix(".json") }
            .compactMap { try? JSONDecoder().decode(ScalePoint.self, from: Data(contentsOf: URL(fileURLWithPath: dir + "/" + $0))) }
            .sorted { $0.customers < $1.customers }
    }

    /// The 1-minute load average (`/proc/loadavg`), 0 where unknown.
    static func loadAverage() -> Double {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").first.flatMap { Double($0) } ?? 0
    }
}
