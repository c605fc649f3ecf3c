import Foundation
import Testing
@testable import LifecycleKit

/// Any valid snapshot converts JSON → SQLite → JSON without changing a value: random ids,
/// times across the whole valid range (years 0001–9999), text with controls, bidi controls
/// and emoji, integers beyond 2^53 and beyond 64 bits, decimals beyond a double's precision.
/// Seeded: a failure names its seed, and `RoundTripPropertyTests.check(seed:)` replays it.
@Suite struct RoundTripPropertyTests {
    /// 4 batches of 50 seeds, run in parallel (the time goes to syncing files).
    static let batches = 4, perBatch: UInt64 = 50

    @Test(arguments: 0..<batches)
    func jsonToSQLiteToJSONChangesNoValue(batch: Int) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("clc-roundtrip-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = UInt64(batch) * Self.perBatch + 1
        for seed in first..<(first + Self.perBatch) {
            try Self.check(seed: seed, in: dir)
        }
    }

    /// One generated snapshot through JSON → SQLite → JSON → SQLite → JSON.
    static func check(seed: UInt64, in dir: String) throws {
        var random = SeededRandom(seed: seed)
        let snapshot = RandomSnapshot.make(&random)
        let base = "\(dir)/\(seed)"
        let gen1 = base + "-1.json", sqlite1 = base + "-1.sqlite", gen2 = base + "-2.json"
        let sqlite2 = base + "-2.sqlite", gen3 = base + "-3.json"
        try snapshot.write(to: JSONSnapshotWriter(path: gen1))
        for path in [gen1] {
            let problems = SnapshotFile.validate(path)
            #expect(problems.errorCount == 0, "seed \(seed): \(path): \(problems.errors.prefix(3))")
        }
        try JSONSnapshotStore(path: gen1).export(to: SQLiteSnapshotWriter(path: sqlite1))
        #expect(SQLiteValidator.validate(path: sqlite1).errorCount == 0, "seed \(seed): \(SQLiteValidator.validate(path: sqlite1).errors.prefix(3))")
        try SQLiteSnapshotStore(path: sqlite1).export(to: JSONSnapshotWriter(path: gen2))
        try JSONSnapshotStore(path: gen2).export(to: SQLiteSnapshotWriter(path: sqlite2))
        try SQLiteSnapshotStore(path: sqlite2).export(to: JSONSnapshotWriter(path: gen3))

        // Every store gives back exactly the values generated.
        for path in [gen1, sqlite1, gen2, sqlite2, gen3] {
            let exported = CollectingSink()
            try SnapshotFile.open(path).export(to: exported)
            #expect(RandomSnapshot(exported) == snapshot, "seed \(seed): \(path) differs from what was generated")
        }
        // The JSON text is stable from the first generation on.
        let bytes = try [gen1, gen2, gen3].map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        #expect(bytes[1] == bytes[2], "seed \(seed): the second and third generation differ")
        #expect(bytes[0] == bytes[1], "seed \(seed): the first and second generation differ")
        for path in [gen1, sqlite1, gen2, sqlite2, gen3] { unlink(path) }
    }

    /// The values the extremes of the format must keep, written once by hand.
    @Test func extremeValuesSurviveByteForByte() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("clc-extremes-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let text = #"""
            {"format":"lifecycle-snapshot","version":1,"stages":[{"id":"a","name":"A"}],
             "customers":[{"id":"C-1","name":"X","stage":"a","created_at":"0001-01-01T00:00:00Z",
               "stage_entered_at":"9999-12-31T23:59:59.999999Z",
               "attributes":{"a":9007199254740993,"b":12345678901234567890,"c":-9223372036854775808,
                             "d":0.1000000000000000000001,"e":1.5e-300,"f":-0.0,"g":1E+21}}],
             "touchpoints":[{"id":"T-1","customer_id":"C-1","at":"2026-03-01T10:30:00.1234567+01:00","channel":"web",
               "type":"visit","value":0.1},
              {"id":"T-2","customer_id":"C-1","at":"2026-03-01","channel":"web","type":"visit","value":1e300}]}
            """#
        let json = dir + "/in.json", sqlite = dir + "/out.sqlite", back = dir + "/back.json"
        try text.write(toFile: json, atomically: true, encoding: .utf8)
        try JSONSnapshotStore(path: json).export(to: SQLiteSnapshotWriter(path: sqlite))
        try SQLiteSnapshotStore(path: sqlite).export(to: JSONSnapshotWriter(path: back))
        let written = try String(contentsOfFile: back, encoding: .utf8)
        #expect(written.contains(#""attributes": {"a":9007199254740993,"b":12345678901234567890,"c":-9223372036854775808,"d":0.1000000000000000000001,"e":1.5e-300,"f":-0.0,"g":1E+21}"#)
                || written.contains(#""attributes":{"a":9007199254740993,"b":12345678901234567890,"c":-9223372036854775808,"d":0.1000000000000000000001,"e":1.5e-300,"f":-0.0,"g":1E+21}"#),
                "\(written)")
        #expect(written.contains(#""created_at": "0001-01-01T00:00:00Z""#) || written.contains(#""created_at":"0001-01-01T00:00:00Z""#))
        #expect(written.contains("9999-12-31T23:59:59.999999Z"))
        #expect(written.contains("2026-03-01T09:30:00.123456Z"))
        #expect(written.contains("0.1") && written.contains("1e+300"))
        let attributes = try SnapshotFile.open(sqlite).customer(id: "C-1")?.attributes.map { $0.value }
        #expect(attributes?.first == .number(ExactNumber(text: "9007199254740993")!))
    }

    /// A move and a save (`w`) rewrite the whole JSON file: every number keeps its digits.
    @Test func aMoveAndASaveKeepEveryDigit() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("clc-save-digits-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/shop.json"
        try #"""
            {"format":"lifecycle-snapshot","version":1,"stages":[{"id":"a","name":"A"},{"id":"b","name":"B"}],
             "customers":[{"id":"C-1","name":"X","stage":"a","attributes":{"n":9007199254740993}},
                          {"id":"C-2","name":"Y","stage":"a","created_at":"9999-12-31T18:59:59.5-05:00",
                           "attributes":{"n":12345678901234567890,"d":1.10}}]}
            """#.write(toFile: path, atomically: true, encoding: .utf8)
        let store = try JSONSnapshotStore(path: path)
        var mover = StageMover(user: "ana")
        _ = try mover.move([("C-1", "a")], to: "b", note: nil, in: store)
        try store.save()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(#"{"n":9007199254740993}"#) && text.contains(#"{"n":12345678901234567890,"d":1.10}"#), "\(text)")
        #expect(text.contains(#""9999-12-31T23:59:59.500000Z""#), "\(text)")
    }
}

/// SplitMix64: small, fast, and the same sequence for a seed on every platform.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
