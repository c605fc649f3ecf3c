import Foundation

/// What a child mode prints for the parent: one JSON line on stdout.
protocol ChildReport: Codable {}

extension ChildReport {
    func print() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        FileHandle.standardOutput.write(try encoder.encode(self) + Data("\n".utf8))
    }

    /// The report in a child's captured stdout.
    static func parse(_ finished: Finished, _ what: String) throws -> Self {
        _ = try finished.checked(what)
        guard let line = finished.output.split(separator: "\n").last,
              let report = try? JSONDecoder().decode(Self.self, from: Data(line.utf8)) else {
            throw BenchError("\(what) printed no report")
        }
        return report
    }
}

/// `prepareListIndex()`: what it did and how long it took (all calls until not interrupted).
struct IndexReport: ChildReport {
    var preparation: String
    var seconds: Double
}

/// The `browse` child: key latencies by kind (seconds, in order) for each script.
struct BrowseReport: ChildReport {
    var index: IndexReport
    var values: ValuesReport
    var biggestStage: String
    var biggestStageCustomers: Int
    var navigation: [String: [Double]]
    var sortFilter: [String: [Double]]
    /// Keys not pressed because a script ran out of time.
    var skippedNavigation: Int
    var skippedSortFilter: Int
}

/// The `load-json` child: the time to open the store, measured inside the process.
struct LoadReport: ChildReport {
    var seconds: Double
}

/// The `moves` child: seconds per single-customer stage change, commit included.
struct MovesReport: ChildReport {
    var index: IndexReport?
    var seconds: [Double]
}

/// `valueTable()` in the `browse` child: its rows (buyers) and how long it took to have it.
struct ValuesReport: ChildReport {
    var buyers: Int
    var seconds: Double
}
