import Foundation
import Testing
@testable import LifecycleKit

/// Every seed and every crasher the fuzzer found (`Tests/Fuzz/`, see `scripts/fuzz`) runs
/// through its reader here, in every test run: what once crashed never comes back.
/// `CLC_WRITE_FUZZ_SEEDS=1` writes the side-cache seeds afresh (after a format change).
@Suite(.serialized) struct FuzzSeedTests {
    static func fuzzDirectory(file: String = #filePath) -> URL {
        URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz")
    }

    static func inputs(_ target: FuzzTarget) -> [URL] {
        let fm = FileManager.default
        let dirs = [fuzzDirectory().appendingPathComponent(target.rawValue),
                    fuzzDirectory().appendingPathComponent("crashers").appendingPathComponent(target.rawValue)]
        return dirs.flatMap { dir in
            ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
                .map { dir.appendingPathComponent($0) }
        }
    }

    @Test(arguments: FuzzTarget.allCases)
    func everySeedAndCrasherRunsThroughItsReader(target: FuzzTarget) throws {
        _ = Fixtures.sideCacheDirectory
        if target == .sideCache, ProcessInfo.processInfo.environment["CLC_WRITE_FUZZ_SEEDS"] == "1" { try Self.writeSideCacheSeeds() }
        let inputs = Self.inputs(target)
        #expect(inputs.count >= 2)
        for url in inputs { target.run([UInt8](try Data(contentsOf: url))) }
    }

    /// The seeds reach deep: the caches are read whole, the journal is replayed.
    @Test func theSeedsAreAcceptedByTheirReaders() throws {
        _ = Fixtures.sideCacheDirectory
        let seeds = Self.fuzzDirectory().appendingPathComponent(FuzzTarget.sideCache.rawValue)
        let report = try #require(SQLiteReportCache(snapshotPath: FuzzInputs.cacheSnapshotPath))
        try Data(contentsOf: seeds.appendingPathComponent("seed-0")).dropFirst().write(to: report.file.url)
        #expect(report.read(fingerprint: FuzzInputs.cacheFingerprint, stages: FuzzInputs.cacheStages) != nil)
        let index = try #require(SQLiteListIndexCache(snapshotPath: FuzzInputs.cacheSnapshotPath))
        try Data(contentsOf: seeds.appendingPathComponent("seed-1")).dropFirst().write(to: index.file.url)
        #expect(index.read(fingerprint: FuzzInputs.cacheFingerprint, stageIDs: FuzzInputs.cacheStages.map(\.id)) != nil)
        let dir = try Fixtures.temporaryDirectory()
        let base = try Fixtures.write(FuzzInputs.journalBase, named: "base.json", in: dir)
        try Data(contentsOf: Self.fuzzDirectory().appendingPathComponent("journal/two-moves.journal"))
            .write(to: URL(fileURLWithPath: base + ".clc-journal"))
        #expect(try JSONSnapshotStore(path: base, readOnly: true).customer(id: "C1")?.stage == "b")
    }

    /// The side-cache and journal seeds: a report cache and a list index cache as the store writes them
    /// for the fuzz target's fixed snapshot, each checked (mode 0, 1) and unchecked (2, 3).
    static func writeSideCacheSeeds() throws {
        let dir = try Fixtures.temporaryDirectory()
        let json = try Fixtures.write("""
            {"format":"lifecycle-snapshot","version":1,"as_of":"2026-11-01T00:00:00Z",
             "stages":[{"id":"a","name":"A"},{"id":"b","name":"B"},{"id":"c","name":"C"}],
             "customers":[{"id":"C1","name":"Ann","stage":"a","segment":"x"},{"id":"C2","name":"Ben","stage":"b"},
                          {"id":"C3","name":"Cem","stage":"c","segment":"y","stage_entered_at":"2026-02-01T00:00:00Z"}],
             "touchpoints":[{"id":"T1","customer_id":"C1","at":"2026-01-01T00:00:00Z","channel":"web","type":"visit","value":3}],
             "transitions":[{"id":1,"customer_id":"C3","from":"a","to":"c","at":"2026-02-01T00:00:00Z","by":"x"}]}
            """, named: "seed.json", in: dir)
        let sqlite = dir.appendingPathComponent("seed.sqlite").path
        try JSONSnapshotStore(path: json).export(to: try SQLiteSnapshotWriter(path: sqlite))
        let store = try SQLiteSnapshotStore(path: sqlite)
        let index = try store.read { db in
            try SQLiteListIndexBuilder(stageIndex: store.stageIndex, stageCount: store.stages.count).build(db).grouped()
        }
        let report = try store.scannedFunnelReport()
        let reportCache = try #require(SQLiteReportCache(snapshotPath: FuzzInputs.cacheSnapshotPath))
        reportCache.write(report, fingerprint: FuzzInputs.cacheFingerprint)
        let indexCache = try #require(SQLiteListIndexCache(snapshotPath: FuzzInputs.cacheSnapshotPath))
        indexCache.write(index, fingerprint: FuzzInputs.cacheFingerprint, stageIDs: store.stages.map(\.id))
        // The journal seed: two actions on the journal target's snapshot.
        let base = try Fixtures.write(FuzzInputs.journalBase, named: "base.json", in: dir)
        let journaled = try JSONSnapshotStore(path: base)
        var mover = StageMover(user: "u", clock: { Timestamp("2026-11-02T00:00:00Z")! })
        _ = try mover.move([("C1", "a")], to: "b", note: "n1", in: journaled)
        _ = try mover.move([("C2", "b")], to: "a", note: nil, in: journaled)
        try Data(contentsOf: URL(fileURLWithPath: base + ".clc-journal"))
            .write(to: fuzzDirectory().appendingPathComponent("journal/two-moves.journal"))
        let out = fuzzDirectory().appendingPathComponent(FuzzTarget.sideCache.rawValue)
        for (mode, url) in [(0, reportCache.file.url), (1, indexCache.file.url)] {
            let bytes = try Data(contentsOf: url)
            try (Data([UInt8(mode)]) + bytes).write(to: out.appendingPathComponent("seed-\(mode)"))
            try (Data([UInt8(mode | 2)]) + bytes).write(to: out.appendingPathComponent("seed-\(mode | 2)"))
        }
    }
}

extension FuzzTarget: CustomTestStringConvertible {
    public var testDescription: String { rawValue }
}
