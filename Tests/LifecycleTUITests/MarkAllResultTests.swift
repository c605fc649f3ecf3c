import Foundation
import Testing
@testable import LifecycleKit
@testable import LifecycleTUI

/// `*` merges the marks off the input thread: its effect hands back the marks complete, and the
/// list takes them with an assignment (no pass over the customers while keys wait).
@Suite struct MarkAllResultTests {
    static func list(_ d: Dashboard) -> StageListState? { (d.state.top as? StageListScreen)?.list }

    /// The awareness list of the hand-made snapshot (dora, Frida) with dora marked, and `*` issued.
    static func markingAll() throws -> (d: Dashboard, markAll: IssuedEffect) {
        var d = try TUITest.dashboard()
        TUITest.press("<Enter><Space>", &d)
        let markAll = try #require(d.update(.key(.char("*"))).first)
        return (d, markAll)
    }

    @Test func theEffectHandsBackTheMarksMerged() throws {
        var (d, markAll) = try Self.markingAll()
        guard case .effectDone(_, .success(let value)) = markAll.run(store: d.store),
              let result = value.value as? StageListLoading.MarkAll else { Issue.record("no marks"); return }
        let ids = ["C4", "C6"]   // dora, Frida
        #expect(result.fromVersion == Self.list(d)?.marksVersion)
        #expect(Set(result.merged.keys) == Set(ids) && Set(result.found.keys) == Set(ids))
        d.handle(.effectDone(markAll.id, .success(value)))
        #expect(Self.list(d)?.marked == result.merged)
        #expect(RootView.render(d.state).lines[1].contains("2 marked"))
    }

    /// 500,000 marks are taken in a few milliseconds, even in a debug build (merging them took
    /// hundreds on the 1M file in release).
    @Test func takingHalfAMillionMarksIsAnAssignment() throws {
        let (d, markAll) = try Self.markingAll()
        let version = try #require(Self.list(d)?.marksVersion)
        var found: [String: String] = [:]
        found.reserveCapacity(500_000)
        for i in 0..<500_000 { found["S-\(i)"] = "awareness" }
        var merged = found
        merged["C4"] = "awareness"
        let result = StageListLoading.MarkAll(fromVersion: version, found: found, merged: merged, mergedPerStage: ["awareness": 500_001])
        let event = Event.effectDone(markAll.id, .success(EffectValue(result)))
        let seconds = (0..<3).map { _ in
            var copy = d
            let start = DispatchTime.now().uptimeNanoseconds
            _ = copy.update(event)
            let took = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            #expect(Self.list(copy)?.marked.count == 500_001)
            return took
        }.min()!
        #expect(seconds < 0.005, "\(seconds) s")
    }

    /// The title counts the marks of this stage and of the others without a pass over them:
    /// a frame with 500,000 marks draws about as fast as with one.
    @Test func theTitleCountsHalfAMillionMarksWithoutAPass() throws {
        var (d, markAll) = try Self.markingAll()
        func drawing() -> Double {
            (0..<3).map { _ in
                let start = DispatchTime.now().uptimeNanoseconds
                _ = RootView.render(d.state)
                return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            }.min()!
        }
        let one = drawing()
        var found: [String: String] = [:]
        for i in 0..<500_000 { found["S-\(i)"] = i < 1_000 ? "awareness" : "loyalty" }
        let result = StageListLoading.MarkAll(fromVersion: try #require(Self.list(d)?.marksVersion), found: found,
                                              merged: found, mergedPerStage: StageListState.perStage(found))
        d.handle(.effectDone(markAll.id, .success(EffectValue(result))))
        #expect(RootView.render(d.state).lines[1].contains("1,000 marked · 499,000 marked in other stages"))
        let many = drawing()
        #expect(many < max(0.005, 3 * one), "\(many) s with 500,000 marks, \(one) s with one")
    }

    /// Marks changed while `*` ran (here one in the next stage) are kept: the result is merged into them.
    @Test func marksChangedMeanwhileAreKept() throws {
        var (d, markAll) = try Self.markingAll()
        let result = markAll.run(store: d.store)
        TUITest.press("<Tab><Space>", &d)                     // Consideration: marks its first row
        let other = try #require(Self.list(d)?.marked.first { $0.value == "consideration" })
        d.handle(result)
        let marked = try #require(Self.list(d)?.marked)
        #expect(marked[other.key] == "consideration")
        #expect(marked.values.filter { $0 == "awareness" }.count == 2)
        #expect(Self.list(d)?.markedPerStage == ["awareness": 2, "consideration": 1])
    }
}
