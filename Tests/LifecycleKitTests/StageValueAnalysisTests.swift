import Foundation
import Testing
@testable import LifecycleKit

/// The value figures per stage, worked by hand on the hand-made snapshot (stages awareness,
/// consideration, purchase, retention, loyalty; C1, C2 in purchase, C3, C5 in consideration,
/// C4, C6 in awareness) with a value table made by hand, on both stores.
@Suite struct StageValueAnalysisTests {
    /// C25 is in the table but not in the file (skipped); C5 bought but has no P(alive) or CLV.
    static let table = CustomerValueTable(
        model: CustomerValueModel.fit([], observationEnd: Timestamp(microseconds: 0)).model,
        ids: ["C1", "C2", "C25", "C3", "C4", "C5", "C6"],
        purchases: [1, 2, 3, 2, 0, 1, 0],
        probabilityAlive: [0.95, 0.3, 0.1, 0.4, .nan, .nan, .nan],
        expectedPurchases90: .init(repeating: .nan, count: 7),
        clv: [100, 20, 5, .nan, .nan, .nan, .nan],
        rfm: [311, 322, 333, 442, 0, 111, 0])

    @Test func figuresPerStageOnBothStores() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (json, sqlite) = try Fixtures.handMadeFiles(in: dir)
        for store in [try JSONSnapshotStore(path: json) as any SnapshotStore, try SQLiteSnapshotStore(path: sqlite)] {
            let stages = try store.run(StageValueAnalysis(table: Self.table, stageCount: 5, atRiskBelow: 0.5))
            #expect(stages.count == 5)
            // Awareness: C4 and C6 bought nothing.
            #expect(stages[0].buyers == 0 && stages[0].meanProbabilityAlive == nil && stages[0].totalCLV == nil && stages[0].atRisk == 0)
            // Consideration: C3 (P 0.4: at risk, no CLV) and C5 (a buyer without figures).
            #expect(stages[1].buyers == 2 && abs(stages[1].meanProbabilityAlive! - 0.4) < 1e-6 && stages[1].atRisk == 1 && stages[1].totalCLV == nil)
            // Purchase: C1 (0.95, 100) and C2 (0.3: at risk, 20). The table keeps figures as Float: 6 digits.
            #expect(stages[2].buyers == 2 && stages[2].atRisk == 1 && stages[2].totalCLV == 120)
            #expect(abs(stages[2].meanProbabilityAlive! - 0.625) < 1e-6)
            #expect(stages[3] == StageValueFigures() && stages[4] == StageValueFigures())
            // A lower threshold: only C2 (0.3) is at risk below 0.35.
            let lower = try store.run(StageValueAnalysis(table: Self.table, stageCount: 5, atRiskBelow: 0.35))
            #expect(lower.map(\.atRisk) == [0, 0, 1, 0, 0])
        }
    }

    @Test func histogramsCountEveryBuyerOnce() {
        let p = Self.table.probabilityAliveHistogram()
        #expect(p.counts == [0, 1, 0, 1, 1, 0, 0, 0, 0, 1] && p.total == 4)
        let clv = Self.table.clvHistogram(bins: 4)!
        #expect(clv.lower == [0, 25, 50, 75] && clv.upper == 100)
        #expect(clv.counts == [2, 0, 0, 1])   // 5 and 20; 100 is the top bin's upper bound
    }
}
