import Foundation
import Testing
@testable import LifecycleKit

/// Measures stage changes (commit included) on a large file. Skipped unless
/// `CLC_SQLITE_BENCH` is set; run in release:
///
///     CLC_SQLITE_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter SQLiteMoveBenchmark
///
/// Works on a copy it may alter: `CLC_SQLITE_MOVE_BENCH_PATH` (default /tmp/clc-move-bench.sqlite),
/// written like `SQLiteBenchmarkTests` does (1,000,000 customers unless
/// `CLC_SQLITE_BENCH_CUSTOMERS`) when it does not exist, e.g. `clc generate` output.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["CLC_SQLITE_BENCH"] != nil))
struct SQLiteMoveBenchmarkTests {
    static let environment = ProcessInfo.processInfo.environment

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
    }

    static func report(_ label: String, _ samples: [Double]) -> (p50: Double, p99: Double) {
        let s = samples.sorted()
        let p50 = percentile(s, 0.5), p99 = percentile(s, 0.99)
        print(String(format: "bench %@ n=%d p50 %.2f ms  p99 %.2f ms  max %.2f ms", label, s.count, p50 * 1000, p99 * 1000, s.last! * 1000))
        return (p50, p99)
    }

    @Test func stageChangesOnAMillionCustomers() throws {
        let path = Self.environment["CLC_SQLITE_MOVE_BENCH_PATH"] ?? "/tmp/clc-move-bench.sqlite"
        if !FileManager.default.fileExists(atPath: path) {
            try SQLiteBenchmarkTests().write(path, customers: Int(Self.environment["CLC_SQLITE_BENCH_CUSTOMERS"] ?? "") ?? 1_000_000)
        }
        let store = try SQLiteSnapshotStore(path: path)
        #expect(!store.isReadOnly)
        let stages = store.stages.map(\.id)
        let total = try SQLiteMoveFixtures.count(path, "customers")
        var seed: UInt64 = 7
        func random(_ bound: Int) -> Int {
            seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17
            return Int(seed % UInt64(bound))
        }
        let rowids = (0..<300).map { _ in String(1 + random(total)) }.joined(separator: ",")
        var customers = try SQLiteMoveFixtures.rows(path, "SELECT id, stage FROM customers WHERE rowid IN (\(rowids))")
            .map { (id: $0[0]!, stage: $0[1]!) }
        print("bench customers \(total), sample \(customers.count), journal \(try SQLiteMoveFixtures.rows(path, "PRAGMA journal_mode")[0][0]!)")

        func move(_ indexes: [Int], at: Timestamp) throws -> Double {
            let changes = indexes.map { i -> StageChange in
                let c = customers[i]
                return StageChange(customerID: c.id, expectedStage: c.stage, targetStage: stages[(stages.firstIndex(of: c.stage)! + 1) % stages.count])
            }
            let start = DispatchTime.now().uptimeNanoseconds
            let outcome = try store.apply(MoveRequest(changes: changes, note: "bench", user: "bench", at: at))
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            #expect(outcome.applied.count == changes.count)
            for (i, change) in zip(indexes, changes) { customers[i].stage = change.targetStage }
            return seconds
        }

        var at = StageMover.now()
        var single: [Double] = []
        for n in 0..<1000 {
            at = at.adding(seconds: 1)
            single.append(try move([n % customers.count], at: at))
        }
        let (_, p99) = Self.report("single stage change", single)
        var bulk: [Double] = []
        for n in 0..<50 {
            at = at.adding(seconds: 1)
            bulk.append(try move((0..<100).map { (n * 100 + $0) % customers.count }, at: at))
        }
        _ = Self.report("bulk change of 100", bulk)
        var refresh: [Double] = []
        for _ in 0..<1000 {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try store.refresh()
            refresh.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        _ = Self.report("refresh()", refresh)
        // The disk's floor: a commit in a rollback journal with synchronous=FULL makes about
        // four fsyncs (journal twice, database, directory).
        let probe = (path as NSString).deletingLastPathComponent + "/clc-fsync-probe-\(getpid())"
        let fd = open(probe, O_RDWR | O_CREAT, 0o644)
        defer { close(fd); unlink(probe) }
        var block = [UInt8](repeating: 120, count: 4096)
        var fsyncs: [Double] = []
        for n in 0..<300 {
            _ = pwrite(fd, &block, block.count, off_t(n % 10 * 4096))
            let start = DispatchTime.now().uptimeNanoseconds
            fsync(fd)
            fsyncs.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        _ = Self.report("fsync of 4 KiB (disk floor)", fsyncs)
        #expect(p99 <= 0.010)
    }
}
