import Foundation

/// The readers of untrusted bytes, each as one entry point for fuzzing (`scripts/fuzz`, the
/// `clc-fuzz` executable) and for the seed tests (every file under `Tests/Fuzz/<target>/`).
/// An input may be refused with an error; it must never crash, hang or touch memory it
/// does not own.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// The JSON snapshot parser and validator, then the figures of what it accepts.
    case json
    /// A snapshot's journal (`FILE.clc-journal`), read and replayed onto a small snapshot.
    case journal
    /// A SQLite file: validated, opened, its figures, list index and export computed.
    case sqlite
    /// The side cache files (funnel figures, list index). First byte: bit 0 chooses the
    /// cache, bit 1 skips the checksums (so that the reader behind them is fuzzed too).
    case sideCache = "side-cache"
    /// `clc import`: a contacts CSV (HubSpot or Mautic, by its header) read, checked and
    /// written as a snapshot, the rows with problems skipped.
    case csv

    /// Runs `bytes` through the reader; errors are expected, nothing else.
    public func run(_ bytes: [UInt8]) {
        switch self {
        case .json: FuzzInputs.json(bytes)
        case .journal: FuzzInputs.journal(bytes)
        case .sqlite: FuzzInputs.sqlite(bytes)
        case .sideCache: FuzzInputs.sideCache(bytes)
        case .csv: FuzzInputs.csv(bytes)
        }
    }
}

/// What each target does with its input, and the scratch files it needs.
enum FuzzInputs {
    /// The directory for the inputs written to files: `$CLC_FUZZ_DIR` (`scripts/fuzz` makes
    /// one in memory), else a private temporary one.
    static let directory: String = {
        let dir = ProcessInfo.processInfo.environment["CLC_FUZZ_DIR"]
            ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("clc-fuzz-\(getpid())-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }()

    /// The snapshot journals are replayed onto.
    static let journalBase = """
        {"format":"lifecycle-snapshot","version":1,"as_of":"2026-11-01T00:00:00Z",
         "stages":[{"id":"a","name":"A"},{"id":"b","name":"B"}],
         "customers":[{"id":"C1","name":"Ann","stage":"a"},{"id":"C2","name":"Ben","stage":"b"}],
         "touchpoints":[],
         "transitions":[{"id":1,"customer_id":"C1","from":null,"to":"a","at":"2026-01-01T00:00:00Z","by":"x"}]}

        """

    static func json(_ bytes: [UInt8]) {
        guard let store = try? JSONSnapshotStore(bytes: bytes) else { return }
        exercise(store)
    }

    static func journal(_ bytes: [UInt8]) {
        let snapshot = directory + "/base.json"
        if !FileManager.default.fileExists(atPath: snapshot) {
            FileManager.default.createFile(atPath: snapshot, contents: Data(journalBase.utf8))
        }
        FileManager.default.createFile(atPath: JSONJournal.path(for: snapshot), contents: Data(bytes))
        guard let store = try? JSONSnapshotStore(path: snapshot, readOnly: true) else { return }
        exercise(store)
    }

    static func csv(_ bytes: [UInt8]) {
        let input = directory + "/contacts.csv"
        FileManager.default.createFile(atPath: input, contents: Data(bytes))
        var request = SnapshotImport(input: input, output: directory + "/imported.json", kind: .json)
        request.skipInvalid = true
        request.force = true
        _ = try? request.run()
    }

    static func sqlite(_ bytes: [UInt8]) {
        let path = directory + "/input.sqlite"
        for suffix in ["", "-journal", "-wal", "-shm"] { unlink(path + suffix) }
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let problems = SnapshotFile.validate(path)
        guard let store = try? SQLiteSnapshotStore(path: path, readOnly: true) else { return }
        // What validation passed, the figures and the index read (the figures of a refused file
        // are refused by the validator again: run the scan itself instead, once).
        _ = try? problems.hasErrors ? store.scannedFunnelReport() : store.funnelReport()
        try? store.export(to: NullSink())
        _ = try? store.prepareListIndex()
        _ = try? store.customers(inStage: store.stages.first?.id ?? "", filter: .none, sort: CustomerSort(.revenue),
                                 offset: 0, limit: 5)
    }

    /// The queries every store answers, on whatever the reader accepted.
    static func exercise(_ store: any SnapshotStore) {
        _ = try? store.funnelReport()
        _ = try? store.stageCounts()
        try? store.export(to: NullSink())
    }

    /// A sink that keeps nothing.
    final class NullSink: SnapshotSink {
        func begin(info: SnapshotInfo, stages: [Stage]) throws {}
        func add(_ customer: Customer) throws {}
        func add(_ touchpoint: Touchpoint) throws {}
        func add(_ transition: Transition) throws {}
        func finish() throws {}
    }
}
