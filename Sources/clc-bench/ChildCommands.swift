import ArgumentParser
import Foundation
import LifecycleKit

/// `clc-bench child …`: the measurements that run in a process of their own, so that wall
/// time and peak memory (`wait4`) are theirs alone. Each prints one JSON line.
struct ChildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "child", abstract: "Measurements run as subprocesses by the benchmark.", shouldDisplay: false,
        subcommands: [AnalysisKeysCommand.self, BrowseCommand.self, EffectsCommand.self, LoadJSONCommand.self, MovesCommand.self, PrepareCommand.self, ValueListsCommand.self])
}

/// Key latency while browsing a snapshot (see `BrowseChild`).
struct BrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "browse")
    @Argument var file: String
    @Option var tours = 10
    @Option var passes = 2
    @Option(help: "Seconds each key script may take.") var budget: Double = 60

    func run() throws {
        try BrowseChild.run(path: file, tours: tours, passes: passes, budget: budget).print()
    }
}

/// Key frames with the store work off the input thread (see `EffectsChild`).
struct EffectsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "effects")
    @Argument var file: String
    @Option(help: "Milliseconds each store call is delayed (a store behind a slow network).") var delayMs: Double = 0
    @Flag(help: "`*` in the biggest stage, then `j` at once (instead of the effects tour).") var markThenMove = false

    func run() throws {
        try EffectsChild.run(path: file, delay: delayMs / 1000, markThenMove: markThenMove).print()
    }
}

/// Key frames while each analysis screen computes (see `AnalysisKeysChild`).
struct AnalysisKeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "analysis-keys")
    @Argument var file: String
    @Option(help: "Keys pressed at most per analysis (one every 50 ms while it runs).") var limit = 400

    func run() throws {
        try AnalysisKeysChild.run(path: file, limit: limit).print()
    }
}

/// Opens a JSON snapshot (parsed whole) and exits.
struct LoadJSONCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "load-json")
    @Argument var file: String

    func run() throws {
        let (_, seconds) = try Monotonic.time { try SnapshotFile.open(file) }
        try LoadReport(seconds: seconds).print()
    }
}

/// Single-customer stage changes on a copy of a SQLite snapshot (see `StageChanges`).
struct MovesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "moves")
    @Argument var file: String
    @Option var count = 200
    @Option var seed: UInt64 = 1
    @Flag(help: "The reference: the same SQL through the SQLite C API.") var reference = false

    func run() throws {
        let report = reference ? try StageChanges.reference(path: file, count: count, seed: seed)
            : try StageChanges.throughApp(path: file, count: count, seed: seed)
        try report.print()
    }
}

/// Opens a snapshot and prepares its list index (cold or warm, by the side cache given).
struct PrepareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "prepare")
    @Argument var file: String

    func run() throws {
        try ListIndex.prepare(try SnapshotFile.open(file)).print()
    }
}
