import Foundation
import Testing
@testable import LifecycleKit

/// The store behind a slow network of the effects tests and the benchmark: every call
/// answers as the wrapped store does, `delay` later, and is counted.
@Suite struct DelayingStoreTests {
    @Test func forwardsEveryCallLateAndCountsIt() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = try SnapshotFile.open(try Fixtures.write(Fixtures.handMade, named: "shop.json", in: dir))
        let slow = DelayingStore(wrapping: base, delay: 0.05)
        #expect(slow.path == base.path && slow.stages == base.stages && slow.calls == 0)
        let start = Date()
        #expect(try slow.stageCounts() == base.stageCounts())
        #expect(Date().timeIntervalSince(start) >= 0.05)
        let stage = base.stages[0].id
        let page = try slow.customers(inStage: stage, filter: .none, sort: CustomerSort(.name), offset: 0, limit: 10)
        #expect(page.map(\.customer.id)
                    == (try base.customers(inStage: stage, filter: .none, sort: CustomerSort(.name), offset: 0, limit: 10)).map(\.customer.id))
        #expect(slow.calls == 2)
        let seen = Protected<[Int]>([])
        slow.onCall = { n in seen.withLock { $0.append(n) } }
        _ = try slow.totals()
        #expect(seen.withLock { $0 } == [3])
    }
}
