import Foundation
import Testing
@testable import LifecycleKit

/// Two stores (two connections, as two running dashboards have) on one file, moving the
/// same customers back and forth at the same time.
@Suite struct SQLiteMoveConcurrencyTests {
    typealias F = SQLiteMoveFixtures

    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var applied: [Transition] = []
        private(set) var conflicts = 0
        private(set) var failures: [String] = []
        func add(_ outcome: MoveOutcome) { lock.withLock { applied += outcome.applied; conflicts += outcome.conflicts.count } }
        func fail(_ message: String) { lock.withLock { failures.append(message) } }
    }

    @Test func twoStoresMovingTheSameCustomersLoseNoAcknowledgedMove() throws {
        let path = try F.file()
        let customers = ["C-1", "C-2", "C-10", "C-3"]
        let rounds = 60
        let before = try F.count(path, "transitions")
        let results = Results()
        let group = DispatchGroup()
        for worker in 0..<2 {
            let thread = Thread {
                defer { group.leave() }
                do {
                    let store = try SQLiteSnapshotStore(path: path)
                    var tick: Int64 = 0
                    for round in 0..<rounds {
                        // What this dashboard sees now, then a move of every customer to the other stage.
                        let seen = try customers.map { try store.customer(id: $0)?.stage ?? "?" }
                        let changes = zip(customers, seen).map { id, stage in
                            StageChange(customerID: id, expectedStage: stage, targetStage: stage == "purchase" ? "retention" : "purchase")
                        }
                        // Alternate single and bulk actions.
                        let batches = round % 2 == 0 ? [changes] : changes.map { [$0] }
                        for batch in batches {
                            tick += 1
                            do {
                                results.add(try store.apply(MoveRequest(changes: batch, note: "w\(worker)", user: "worker\(worker)",
                                                                       at: Timestamp(microseconds: 1_800_000_000_000_000 + tick * 1000 + Int64(worker)))))
                            } catch let error as MoveError where error.reason == .busy {
                                // Not acknowledged: nothing was written.
                            }
                        }
                    }
                } catch {
                    results.fail("worker \(worker): \(error)")
                }
            }
            group.enter()
            thread.start()
        }
        group.wait()

        #expect(results.failures == [])
        #expect(results.applied.count > 0)
        let rows = try F.rows(path, "SELECT customer_id, from_stage, to_stage, at, by FROM transitions WHERE id > \(before) ORDER BY id")
        // Every acknowledged move is in the file, once; nothing else was added.
        #expect(rows.count == results.applied.count)
        let written = Set(rows.map { $0.map { $0 ?? "" }.joined(separator: "|") })
        let acknowledged = Set(results.applied.map { [$0.customerID, $0.from ?? "", $0.to, $0.at.iso8601, $0.by].joined(separator: "|") })
        #expect(written == acknowledged)
        #expect(written.count == rows.count)
        // In commit order, each customer's moves form one chain ending at its stage: no lost update.
        for id in customers {
            let chain = rows.filter { $0[0] == id }
            var stage: String? = "purchase"
            for row in chain {
                #expect(row[1] == stage, "\(id): moved from \(row[1] ?? "nil") while in \(stage ?? "nil")")
                stage = row[2]
            }
            #expect(try F.rows(path, "SELECT stage FROM customers WHERE id = '\(id)'") == [[stage]])
            let last = try F.rows(path, "SELECT to_stage FROM transitions WHERE customer_id = '\(id)' ORDER BY id DESC LIMIT 1")
            #expect(last == [[stage]])
        }
        print("concurrency: \(results.applied.count) moves applied, \(results.conflicts) conflicts")
    }
}
