import Foundation
import Testing
@testable import LifecycleKit

/// Measures the writer and the store on a large file. Skipped unless `CLC_SQLITE_BENCH` is
/// set; run in release:
///
///     CLC_SQLITE_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter SQLiteBenchmark
///
/// `CLC_SQLITE_BENCH_PATH` (default /tmp/clc-bench.sqlite) is reused when it exists unless
/// `CLC_SQLITE_BENCH_REBUILD` is set; `CLC_SQLITE_BENCH_CUSTOMERS` (default 1,000,000) with
/// 10 touchpoints and 3 transitions each.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["CLC_SQLITE_BENCH"] != nil))
struct SQLiteBenchmarkTests {
    static let environment = ProcessInfo.processInfo.environment

    func time<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
        let start = Date()
        let value = try body()
        let seconds = String(format: "%8.3f", Date().timeIntervalSince(start))
        print("bench \(label.padding(toLength: 40, withPad: " ", startingAt: 0)) \(seconds) s")
        return value
    }

    /// Customers first, then touchpoints in a scattered customer order (the hard case for
    /// the per-customer index), then transitions.
    func write(_ path: String, customers n: Int) throws {
        let stages = ["awareness", "consideration", "purchase", "retention", "expansion", "churn-risk", "winback", "loyalty"]
            .map { Stage(id: $0, name: $0.capitalized) }
        let channels = SnapshotFormat.channels
        let types = SnapshotFormat.touchpointTypes
        var seed: UInt64 = 42
        func random(_ bound: Int) -> Int {
            seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17
            return Int(seed % UInt64(bound))
        }
        let base = Timestamp("2024-01-01")!
        func id(_ prefix: String, _ i: Int) -> String { prefix + String(i + 1_000_000) }
        let writer = try SQLiteSnapshotWriter(path: path)
        let asOf = Timestamp("2026-11-01")!
        try writer.begin(info: SnapshotInfo(name: "bench", declaredAsOf: asOf, asOf: asOf), stages: stages)
        var stageOf: [Int] = []
        stageOf.reserveCapacity(n)
        for i in 0..<n {
            let s = random(stages.count)
            stageOf.append(s)
            let created = base.adding(seconds: Int64(random(60_000_000)))
            try writer.add(Customer(id: id("C-", i), name: "Customer \(random(100_000))", email: i % 3 == 0 ? nil : "c\(i)@example.com",
                                    stage: stages[s].id, stageEnteredAt: created.adding(seconds: 86_400 * Int64(random(30))),
                                    createdAt: created, segment: ["B2C", "B2B", "SMB", nil][random(4)],
                                    tags: i % 5 == 0 ? ["newsletter", "vip"] : [],
                                    attributes: i % 7 == 0 ? [Attribute("city", .string("Bonn")), Attribute("score", .number(3.5))] : []))
        }
        let step = 7_919 // prime: visits every customer once per round, scattered
        for round in 0..<10 {
            var c = round
            for k in 0..<n {
                c = (c + step) % n
                let value: Double? = random(4) == 0 ? Double(random(20_000)) / 100 : nil
                try writer.add(Touchpoint(id: id("T-", round * n + k), customerID: id("C-", c),
                                          at: base.adding(seconds: Int64(random(60_000_000))), channel: channels[random(channels.count)],
                                          type: types[random(types.count)], campaign: random(3) == 0 ? "spring" : nil, value: value))
            }
        }
        for i in 0..<n {
            let s = stageOf[i]
            try writer.add(Transition(customerID: id("C-", i), from: nil, to: stages[0].id, at: base, by: "import"))
            try writer.add(Transition(customerID: id("C-", i), from: stages[0].id, to: stages[random(stages.count)].id,
                                      at: base.adding(seconds: 1_000), by: "crm"))
            try writer.add(Transition(customerID: id("C-", i), from: stages[0].id, to: stages[s].id,
                                      at: base.adding(seconds: 2_000), by: "crm"))
        }
        try writer.finish()
    }

    @Test func largeFile() throws {
        let env = Self.environment
        let path = env["CLC_SQLITE_BENCH_PATH"] ?? "/tmp/clc-bench.sqlite"
        let n = Int(env["CLC_SQLITE_BENCH_CUSTOMERS"] ?? "") ?? 1_000_000
        if env["CLC_SQLITE_BENCH_REBUILD"] != nil || !FileManager.default.fileExists(atPath: path) {
            try time("write \(n) customers, \(10 * n) tp, \(3 * n) tr") { try write(path, customers: n) }
        }
        let counts = try time("open + stageCounts") { try SQLiteSnapshotStore(path: path).stageCounts() }
        print("bench stage counts \(counts)")
        let store = try SQLiteSnapshotStore(path: path)
        _ = try time("stageCounts (warm)") { try store.stageCounts() }
        let totals = try time("totals") { try store.totals() }
        print("bench totals \(totals)")
        _ = try time("segments") { try store.segments() }
        _ = try time("channels") { try store.channels() }
        let stage = store.stages[2].id
        _ = try time("customerCount") { try store.customerCount(inStage: stage, filter: .none) }
        _ = try time("customerCount segment+channel") {
            try store.customerCount(inStage: stage, filter: CustomerFilter(segment: "B2B", channel: "web"))
        }
        for field in CustomerSort.Field.allCases {
            _ = try time("page 1 by \(field.rawValue)") {
                try store.customers(inStage: stage, filter: .none, sort: CustomerSort(field), offset: 0, limit: 50)
            }
        }
        _ = try time("page 1000 by name desc") {
            try store.customers(inStage: stage, filter: .none, sort: CustomerSort(.name, descending: true), offset: 50_000, limit: 50)
        }
        _ = try time("page 1 by name, channel filter") {
            try store.customers(inStage: stage, filter: CustomerFilter(channel: "web"), sort: CustomerSort(), offset: 0, limit: 50)
        }
        _ = try time("customer + touchpoints + transitions") {
            (try store.customer(id: "C-1500000"), try store.touchpoints(ofCustomer: "C-1500000"), try store.transitions(ofCustomer: "C-1500000"))
        }
        let report = try time("funnelReport (stream)") { try store.funnelReport() }
        print("bench reached \(report.stages.map(\.reached))")
        let problems = time("validate") { SQLiteValidator.validate(path: path) }
        print("bench validate: \(problems.errorCount) errors, \(problems.warningCount) warnings")
        if env["CLC_SQLITE_BENCH_EXPORT"] != nil {
            try time("export SQLite → SQLite") { try store.export(to: SQLiteSnapshotWriter(path: path + ".copy")) }
        }
    }

    /// The list index on an existing file (`CLC_SQLITE_BENCH_PATH`): cold build, warm load,
    /// then every order of the biggest stage.
    @Test func listIndex() throws {
        let path = Self.environment["CLC_SQLITE_BENCH_PATH"] ?? "/tmp/clc-bench.sqlite"
        let cache = try Fixtures.temporaryDirectory().path
        setenv("CLC_CACHE_DIR", cache, 1)
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let cold = try SQLiteSnapshotStore(path: path)
        #expect(try time("prepareListIndex cold") { try cold.prepareListIndex() } == .built)
        let warm = try SQLiteSnapshotStore(path: path)
        _ = try time("stageCounts from cache header") { try warm.stageCounts() }
        #expect(try time("prepareListIndex warm") { try warm.prepareListIndex() } == .loadedFromCache)
        let counts = try warm.stageCounts()
        let biggest = warm.stages[counts.firstIndex(of: counts.max()!)!].id
        for field in CustomerSort.Field.allCases {
            _ = try time("\(biggest) (\(counts.max()!)) by \(field)") {
                try warm.customers(inStage: biggest, filter: .none, sort: CustomerSort(field), offset: 0, limit: 40)
            }
        }
        let segment = try warm.segments().first
        _ = try time("filter segment") { try warm.customers(inStage: biggest, filter: CustomerFilter(segment: segment), sort: CustomerSort(.name), offset: 0, limit: 40) }
        let channel = try warm.channels().first
        _ = try time("filter channel") { try warm.customers(inStage: biggest, filter: CustomerFilter(channel: channel), sort: CustomerSort(.name), offset: 0, limit: 40) }
        _ = try time("last page") { try warm.customers(inStage: biggest, filter: .none, sort: CustomerSort(.name), offset: counts.max()! - 40, limit: 40) }
    }
}
