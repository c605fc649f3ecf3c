import Foundation
import Testing
@testable import LifecycleKit

/// `stream(_:shouldStop:)` stops the scan itself at its next check (Esc on an analysis screen),
/// rather than reading the rest of a big file for a result that is dropped.
@Suite(.serialized) struct CancelledPassTests {
    /// Counts the customers handed to any copy of it (copies share the box).
    final class Box: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        var count: Int { lock.withLock { n } }
        func add() { lock.withLock { n += 1 } }
    }

    struct Counter: Analysis {
        let box: Box
        var needs: JourneyNeeds { [.transitions, .touchpoints] }
        mutating func add(_ customer: CustomerRecord) { box.add() }
        func finish() -> Int { box.count }
    }

    static let customers = 12_000

    static func files() throws -> (sqlite: String, json: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("clc-cancel-\(getpid())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let files = (sqlite: dir + "/big.sqlite", json: dir + "/big.json")
        let generator = SnapshotGenerator(customers: customers, touchpointsPerCustomer: 3, seed: 13)
        if !FileManager.default.fileExists(atPath: files.sqlite) {
            try generator.generate(into: try SQLiteSnapshotWriter(path: files.sqlite))
        }
        if !FileManager.default.fileExists(atPath: files.json) {
            try generator.generate(into: try JSONSnapshotWriter(path: files.json))
        }
        return files
    }

    /// Stops at the second check: the pass has read one chunk (SQLite, 1,000 customers here)
    /// or 1,024 customers (JSON), never the whole file.
    @Test func aCancelledPassStopsAtItsNextCheck() throws {
        let files = try Self.files()
        let sqlite = try SQLiteSnapshotStore(path: files.sqlite)
        sqlite.journeyChunk = 1_000
        let stores: [(any SnapshotStore, Int)] = [(sqlite, 1_000), (try JSONSnapshotStore(path: files.json), 1_024)]
        for (store, firstChunk) in stores {
            let box = Box(), asked = Box()
            #expect(throws: CancellationError.self) {
                _ = try store.run(Counter(box: box), shouldStop: { asked.add(); return asked.count > 1 })
            }
            #expect(box.count == firstChunk)
            #expect(asked.count == 2)
            #expect(try store.run(Counter(box: Box())) == Self.customers)
        }
    }
}
