import Foundation
import LifecycleKit

/// Single-customer stage changes, each to the next stage in funnel order, on a copy of a
/// snapshot: through the app (`StageMover`, commit included), or as the reference, the same
/// SQL straight through the C API with `synchronous = FULL` (the disk's floor).
enum StageChanges {
    typealias Pick = (id: String, stage: String)

    static func throughApp(path: String, count: Int, seed: UInt64) throws -> MovesReport {
        let (customers, stages) = try pick(path, count: count, seed: seed)
        let store = try SnapshotFile.open(path)
        let index = try ListIndex.prepare(store)
        var mover = StageMover(user: "clc-bench")
        var seconds: [Double] = []
        for c in customers {
            let target = next(after: c.stage, in: stages)
            let (outcome, s) = try Monotonic.time { try mover.move([(c.id, c.stage)], to: target, note: "clc-bench", in: store) }
            guard outcome.applied.count == 1 else { throw BenchError("\(c.id) was not moved: \(outcome.conflicts)") }
            seconds.append(s)
        }
        return MovesReport(index: index, seconds: seconds)
    }

    static func reference(path: String, count: Int, seed: UInt64) throws -> MovesReport {
        let (customers, stages) = try pick(path, count: count, seed: seed)
        let db = try RawSQLite(path, readOnly: false)
        try db.execute("PRAGMA synchronous = FULL")
        let begin = try db.prepare("BEGIN IMMEDIATE"), commit = try db.prepare("COMMIT")
        let current = try db.prepare("SELECT stage FROM customers WHERE id = ?1")
        let update = try db.prepare("UPDATE customers SET stage = ?1, stage_entered_at = ?2 WHERE id = ?3")
        let insert = try db.prepare("""
            INSERT INTO transitions(customer_id, from_stage, to_stage, at, by, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            """)
        var seconds: [Double] = []
        for c in customers {
            let target = next(after: c.stage, in: stages)
            let at = StageMover.now().iso8601
            let ((), s) = try Monotonic.time {
                try begin.run()
                current.bind(c.id)
                guard try current.step(), let from = current.text(0) else { throw BenchError("no customer \(c.id)") }
                current.reset()
                update.bind(target, at, c.id)
                try update.run()
                insert.bind(c.id, from, target, at, "clc-bench", "reference")
                try insert.run()
                try commit.run()
            }
            seconds.append(s)
        }
        return MovesReport(index: nil, seconds: seconds)
    }

    /// `count` distinct customers drawn by `seed`, with their stages, and the stage ids in
    /// funnel order; read with the C API, not through the store under test.
    static func pick(_ path: String, count: Int, seed: UInt64) throws -> (customers: [Pick], stages: [String]) {
        let db = try RawSQLite(path, readOnly: true)
        let stages = try db.rows("SELECT id FROM stages ORDER BY position").compactMap { $0[0] }
        let last = Int(try db.rows("SELECT max(rowid) FROM customers").first?[0] ?? "0") ?? 0
        guard last > 0, stages.count > 1 else { throw BenchError("\(path): needs customers and two stages") }
        var state = seed | 1
        var rowids = Set<Int>()
        while rowids.count < min(count, last) {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            rowids.insert(1 + Int(state % UInt64(last)))
        }
        let list = rowids.sorted().map(String.init).joined(separator: ",")
        let customers = try db.rows("SELECT id, stage FROM customers WHERE rowid IN (\(list))").compactMap { row -> Pick? in
            guard let id = row[0], let stage = row[1] else { return nil }
            return (id, stage)
        }
        return (customers, stages)
    }

    private static func next(after stage: String, in stages: [String]) -> String {
        stages[((stages.firstIndex(of: stage) ?? -1) + 1) % stages.count]
    }
}
