import Foundation
import Testing
@testable import LifecycleKit

/// Test fixtures: small snapshots written to temporary files.
enum Fixtures {
    /// A hand-made snapshot whose report figures are worked out by hand in `ReportFiguresTests`:
    /// a linear journey (C1), a skip (C2), a backwards move (C3), customers with no transitions
    /// (C4 with, C5 without `stage_entered_at`), a current stage entered without a date (C6)
    /// and two empty stages.
    static let handMade = try! String(contentsOfFile: fixturePath("hand-made.json"), encoding: .utf8)

    /// A file in `Tests/Fixtures`.
    static func fixturePath(_ name: String, file: String = #filePath) -> String {
        URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name).path
    }

    /// Points the side cache of SQLite list indexes (`CLC_CACHE_DIR`) at one temporary
    /// directory for the whole test run, so that tests never write into the user's cache.
    static let sideCacheDirectory: String = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("clc-tests-cache-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        setenv("CLC_CACHE_DIR", dir, 1)
        return dir
    }()

    /// A SQLite store at `path` whose list index is ready (built, or read from the side cache).
    static func indexedSQLiteStore(_ path: String) throws -> SQLiteSnapshotStore {
        _ = sideCacheDirectory
        let store = try SQLiteSnapshotStore(path: path)
        let done = try store.prepareListIndex()
        #expect(done == .built || done == .loadedFromCache)
        return store
    }

    /// A fresh temporary directory, removed by the caller with `cleanUp`.
    static func temporaryDirectory() throws -> URL {
        _ = sideCacheDirectory
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("clc-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `text` to `name` in `dir` and returns the path.
    static func write(_ text: String, named name: String, in dir: URL) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The touchpoint-analysis snapshot worked out by hand (`AttributionTests`, `FlowTests`,
    /// `CohortTests`) as both a JSON and a SQLite file.
    static func touchpointFiles(in dir: URL) throws -> (json: String, sqlite: String) {
        let json = try write(String(contentsOfFile: fixturePath("touchpoints-hand-made.json"), encoding: .utf8), named: "touch.json", in: dir)
        let sqlite = dir.appendingPathComponent("touch.sqlite").path
        try JSONSnapshotStore(path: json).export(to: try SQLiteSnapshotWriter(path: sqlite))
        return (json, sqlite)
    }

    /// The hand-made snapshot as both a JSON and a SQLite file.
    static func handMadeFiles(in dir: URL) throws -> (json: String, sqlite: String) {
        let json = try write(handMade, named: "hand.json", in: dir)
        let sqlite = dir.appendingPathComponent("hand.sqlite").path
        try JSONSnapshotStore(path: json).export(to: try SQLiteSnapshotWriter(path: sqlite))
        return (json, sqlite)
    }
}

/// A sink that keeps everything, in order, and checks the sink protocol's order: `begin`
/// once, then records, then `finish` once.
final class CollectingSink: SnapshotSink {
    var info: SnapshotInfo?
    var stages: [Stage] = []
    var customers: [Customer] = []
    var touchpoints: [Touchpoint] = []
    var transitions: [Transition] = []
    var finished = false

    func begin(info: SnapshotInfo, stages: [Stage]) throws {
        #expect(self.info == nil)
        self.info = info
        self.stages = stages
    }
    func add(_ customer: Customer) throws { #expect(info != nil && !finished); customers.append(customer) }
    func add(_ touchpoint: Touchpoint) throws { #expect(info != nil && !finished); touchpoints.append(touchpoint) }
    func add(_ transition: Transition) throws { #expect(info != nil && !finished); transitions.append(transition) }
    func finish() throws { #expect(!finished); finished = true }
}
