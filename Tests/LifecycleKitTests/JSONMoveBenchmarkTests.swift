import Foundation
import Testing
@testable import LifecycleKit

/// Measures stage changes on a large JSON snapshot. Skipped unless `CLC_JSON_MOVE_BENCH` is
/// set; run in release:
///
///     CLC_JSON_MOVE_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter JSONMoveBenchmark
///
/// `CLC_JSON_MOVE_BENCH_CUSTOMERS` (default 200,000) generated customers, 10 touchpoints each.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["CLC_JSON_MOVE_BENCH"] != nil))
struct JSONMoveBenchmarkTests {
    func time<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
        let start = Date()
        let value = try body()
        let seconds = String(format: "%9.4f", Date().timeIntervalSince(start))
        print("bench \(label.padding(toLength: 44, withPad: " ", startingAt: 0)) \(seconds) s")
        return value
    }

    @Test func movesOnALargeSnapshot() throws {
        let n = Int(ProcessInfo.processInfo.environment["CLC_JSON_MOVE_BENCH_CUSTOMERS"] ?? "") ?? 200_000
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("big.json").path
        try time("generate \(n) customers") { try SnapshotGenerator(customers: n).generate(into: JSONSnapshotWriter(path: path)) }
        let store = try time("open") { try JSONSnapshotStore(path: path) }
        let totals = try store.totals()
        print("bench customers \(totals.customers) touchpoints \(totals.touchpoints) transitions \(totals.transitions)")
        let stage = store.stages[0].id
        let target = store.stages[1].id
        // Fill a sort cache as the dashboard would.
        _ = try store.customers(inStage: stage, filter: .none, sort: CustomerSort(.name), offset: 0, limit: 40)
        let page = try store.customers(inStage: stage, filter: .none, sort: CustomerSort(.id), offset: 0, limit: 200)
        #expect(page.count == 200)

        var mover = StageMover(user: "bench")
        let rounds = 50
        let start = Date()
        for k in 0..<rounds {
            let outcome = try mover.move([(id: page[k].customer.id, seenIn: stage)], to: target, note: "bench", in: store)
            #expect(outcome.applied.count == 1)
        }
        let perMove = Date().timeIntervalSince(start) / Double(rounds)
        print("bench single apply incl. fsync (mean of \(rounds))        \(String(format: "%9.4f", perMove)) s")
        _ = try time("first page after a move (sort rebuilt)") {
            try store.customers(inStage: stage, filter: .none, sort: CustomerSort(.name), offset: 0, limit: 40)
        }
        let bulk = page[rounds...].map { (id: $0.customer.id, seenIn: stage) }
        let outcome = try time("bulk apply of \(bulk.count)") { try mover.move(bulk, to: target, note: "bulk", in: store) }
        #expect(outcome.applied.count == bulk.count)
        let reopened = try time("reopen with journal (\(rounds + 1) actions)") { try JSONSnapshotStore(path: path) }
        #expect(try reopened.stageCounts() == store.stageCounts())
        try time("save") { try store.save() }
        #expect(!FileManager.default.fileExists(atPath: store.journalPath))
    }
}
