import Foundation
import Testing
@testable import LifecycleKit

/// The value figures' side cache: a warm open reads them without a pass, stage changes keep
/// them without a refit, a purchase makes them refit, damage is ignored, and a refit that
/// does not converge falls back to the last good parameters kept in the cache.
@Suite(.serialized) struct SQLiteValueCacheTests {
    /// 1,500 customers with BG/NBD purchases (about 500 buyers), in a SQLite file of its own.
    static func file() throws -> String {
        _ = Fixtures.sideCacheDirectory
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("values.sqlite").path
        var generator = SnapshotGenerator(customers: 1_500, touchpointsPerCustomer: 4, seed: 11)
        generator.purchases = .bgnbd(.cdnowDays)
        try generator.generate(into: try SQLiteSnapshotWriter(path: path))
        return path
    }

    static func values(_ path: String, lifetime: LifetimeValue = LifetimeValue(),
                       refit: (CustomerValueModel) -> CustomerValueModel = { $0 }) throws -> (table: CustomerValueTable, source: SQLiteSnapshotStore.ValueTableSource) {
        try SQLiteSnapshotStore(path: path).valueTable(lifetime: lifetime, refit: refit)
    }

    /// Two tables hold the same model and the same figures (NaN equal to NaN).
    static func same(_ a: CustomerValueTable, _ b: CustomerValueTable) -> Bool {
        func bits(_ v: [Float]) -> [UInt32] { v.map(\.bitPattern) }
        let (x, y) = (a.columns, b.columns)
        return a.model == b.model && a.ids == b.ids && x.purchases == y.purchases && x.rfm == y.rfm
            && bits(x.probabilityAlive) == bits(y.probabilityAlive) && bits(x.expectedPurchases90) == bits(y.expectedPurchases90)
            && bits(x.clv) == bits(y.clv)
    }

    @Test func aWarmOpenReadsTheTableWithoutAPass() throws {
        let path = try Self.file()
        let computed = try Self.values(path)
        #expect(computed.source == .computed)
        #expect(computed.table.model.bgnbd?.converged == true && computed.table.model.buyers > 300)
        // The pass of the table itself (ids and buyers only) gives what `clc scores` gives.
        let fresh = CustomerValueTable(try SQLiteSnapshotStore(path: path).customerValues())
        let same0 = Self.same(computed.table, fresh)
        #expect(same0)
        let warm = try Self.values(path)
        #expect(warm.source == .cache)
        let sameWarm = Self.same(warm.table, computed.table)
        #expect(sameWarm)
        // Through the protocol, as the dashboard asks: the cache too.
        let store: any SnapshotStore = try SQLiteSnapshotStore(path: path)
        let viaProtocol = try store.valueTable()
        let sameViaProtocol = Self.same(viaProtocol, computed.table)
        #expect(sameViaProtocol)
        // Other CLV settings are other figures.
        #expect(try Self.values(path, lifetime: LifetimeValue(months: 6)).source == .computed)
    }

    @Test func stageChangesKeepTheFiguresWithoutARefit() throws {
        let path = try Self.file()
        let computed = try Self.values(path).table
        // What `clc move` or another dashboard writes: the stage, when, one transition.
        var mover = StageMover(user: "ana", clock: SQLiteMoveFixtures.clock())
        let other = try SQLiteSnapshotStore(path: path)
        let id = try #require(computed.ids.first { computed.figures(of: $0) != nil })
        let stage = try #require(try other.customer(id: id)).stage
        let outcome = try mover.move([(id: id, seenIn: stage)], to: stage == "loyalty" ? "awareness" : "loyalty", note: "x", in: other)
        #expect(outcome.applied.count == 1)
        _ = try mover.undo(in: other)
        let after = try Self.values(path)
        #expect(after.source == .cacheKeyMatched)
        let same0 = Self.same(after.table, computed)
        #expect(same0)
        // Stamped again for this state: the next open reads it at once.
        #expect(try Self.values(path).source == .cache)
    }

    @Test func anAddedPurchaseRefits() throws {
        let path = try Self.file()
        let before = try Self.values(path).table
        let id = try #require(before.ids.first { before.figures(of: $0) != nil })
        try SQLiteListIndexTests.sql(path, """
            INSERT INTO touchpoints (id, customer_id, at, channel, type, value) VALUES ('T-new', '\(id)', '2026-10-30T12:00:00Z', 'web', 'purchase', 20)
            """)
        let after = try Self.values(path)
        #expect(after.source == .computed)
        #expect(after.table.figures(of: id)?.purchases == (before.figures(of: id)?.purchases ?? 0) + 1)
        // An edited amount, with the same count and rowids, refits too.
        try SQLiteListIndexTests.sql(path, "UPDATE touchpoints SET value = 99 WHERE id = 'T-new'")
        #expect(try Self.values(path).source == .computed)
    }

    @Test func aDamagedCacheIsIgnoredAndRebuilt() throws {
        let path = try Self.file()
        let computed = try Self.values(path).table
        let url = try #require(SQLiteValueCache(snapshotPath: path)).file.url
        let original = try Data(contentsOf: url)
        for position in SideCacheDamageTests.positions(original.count) {
            var damaged = original
            damaged[position] ^= 0x01
            try damaged.write(to: url)
            let again = try Self.values(path)
            #expect(again.source == .computed, "byte \(position)")
            let same = Self.same(again.table, computed)
            #expect(same, "byte \(position)")
        }
        #expect(try Self.values(path).source == .cache)
    }

    @Test func aRefitThatDoesNotConvergeKeepsTheLastGoodParameters() throws {
        let path = try Self.file()
        let good = try Self.values(path).table
        let goodFit = try #require(good.model.bgnbd)
        try SQLiteListIndexTests.sql(path, "DELETE FROM touchpoints WHERE rowid = (SELECT max(rowid) FROM touchpoints WHERE type = 'purchase')")
        // The refit "fails": its parameters are off and it says it did not converge.
        let failing: (CustomerValueModel) -> CustomerValueModel = { model in
            var m = model
            m.bgnbd?.converged = false
            m.bgnbd?.model.r *= 3
            m.bgnbdProblem = .bgnbdNotConverged
            return m
        }
        let refit = try Self.values(path, refit: failing)
        #expect(refit.source == .computed)
        #expect(refit.table.model.bgnbd == goodFit)
        #expect(refit.table.model.bgnbdProblem == .bgnbdLastGood)
        let id = try #require(good.ids.first { (good.figures(of: $0)?.purchases ?? 0) > 2 })
        let report = try SQLiteSnapshotStore(path: path).customerValues()
        let row = try #require(report.customers.ids.firstIndex(of: id))
        let h = try #require(report.scores[row]).summary.history
        #expect(refit.table.figures(of: id)?.probabilityAlive == Double(Float(goodFit.model.probabilityAlive(h))))
        // Kept in the cache: another failing refit (after another purchase change) still has them.
        try SQLiteListIndexTests.sql(path, "DELETE FROM touchpoints WHERE rowid = (SELECT max(rowid) FROM touchpoints WHERE type = 'purchase')")
        let again = try Self.values(path, refit: failing)
        #expect(again.source == .computed && again.table.model.bgnbd == goodFit && again.table.model.bgnbdProblem == .bgnbdLastGood)
        // Without a last good fit, the unconverged one is shown as it is.
        try FileManager.default.removeItem(at: try #require(SQLiteValueCache(snapshotPath: path)).file.url)
        let bare = try Self.values(path, refit: failing).table.model
        #expect(bare.bgnbd?.converged == false && bare.bgnbdProblem == .bgnbdNotConverged)
    }
}
