import Foundation
import Testing
@testable import LifecycleKit

/// The list index at ten million customers (issue 15): read from the side cache as views on
/// the mapped file (a session holds only the pages it touches), each order grouped by stage so
/// that a stage's list is read where it lies (a sort costs nothing that grows with the file),
/// and customers moved since placed by their rank in every order.
@Suite(.serialized) struct MappedListIndexTests {
    typealias Index = SQLiteListIndexTests

    /// Every stage's whole list in every order and both directions, unfiltered and by a segment.
    static func lists(_ store: SnapshotStore) throws -> [String] {
        var out = try Index.lists(store)
        let segment = CustomerFilter(segment: try store.segments().first)
        for stage in store.stages {
            out.append("\(stage.id) count \(try store.customerCount(inStage: stage.id, filter: segment))")
            for field in CustomerSort.Field.allCases {
                let page = try store.customers(inStage: stage.id, filter: segment, sort: CustomerSort(field), offset: 0, limit: 10_000)
                out.append("\(stage.id) \(field) segment: " + page.map(\.customer.id).joined(separator: ","))
            }
        }
        return out
    }

    @Test func theIndexIsMappedFromTheSideCacheAndAStagesListIsItsRun() throws {
        let path = try Index.file()
        let built = try SQLiteSnapshotStore(path: path)
        #expect(try built.prepareListIndex() == .built)
        let loaded = try SQLiteSnapshotStore(path: path)
        #expect(try loaded.prepareListIndex() == .loadedFromCache)
        let expected = try Self.lists(SQLiteSnapshotStore(path: path, readOnly: true))
        for store in [built, loaded] {
            // Read back mapped after a build too: the same memory as a warm open.
            let index = try #require(store.listIndex.current)
            #expect(index.segments.isMapped && index.channels.isMapped && index.revenues.isMapped)
            let order = try #require(index.orders[.name])
            #expect(order.runs.isMapped && order.ranks.isMapped)
            #expect(!index.stages.isEmpty)
            let list = try #require(index.list(stage: 1, filter: .none, field: .name, values: nil))
            #expect(list.column.buffer.baseAddress == order.runs.buffer.baseAddress && list.range == order.run(1))
            #expect(try Self.lists(store) == expected)
        }
    }

    @Test func movedCustomersArePlacedByRankInEveryOrderAndKeptSo() throws {
        let path = try Index.file()
        do {
            let store = try Fixtures.indexedSQLiteStore(path)
            let stages = store.stages.map(\.id)
            var day = 1
            func move(_ count: Int, from: Int, to: Int, sort: CustomerSort.Field) throws {
                let at = Timestamp(String(format: "2031-01-%02dT00:00:00Z", day))!
                var mover = StageMover(user: "ana", clock: { at })
                day += 1
                let some = try store.customers(inStage: stages[from], filter: .none, sort: CustomerSort(sort), offset: 2, limit: count)
                _ = try mover.move(some.map { ($0.customer.id, $0.customer.stage) }, to: stages[to], note: nil, in: store)
                #expect(store.listIndex.current != nil)
                #expect(try Self.lists(store) == Self.lists(SQLiteSnapshotStore(path: path, readOnly: true)))
            }
            try move(5, from: 0, to: 2, sort: .name)
            try move(3, from: 2, to: 0, sort: .stageEnteredAt)  // back where they were, entered anew
            try move(2, from: 0, to: 1, sort: .revenue)
            try move(4, from: 1, to: 3, sort: .id)
        }
        // Saved grouped by the stages as they are now, ranks renumbered.
        let next = try SQLiteSnapshotStore(path: path)
        #expect(try next.prepareListIndex() == .loadedFromCache)
        #expect(next.listIndex.current?.moved.isEmpty == true)
        #expect(try Self.lists(next) == Self.lists(SQLiteSnapshotStore(path: path, readOnly: true)))
    }

    /// A run with some positions left out and slots placed in between reads as the merge.
    @Test(arguments: [0, 1, 2, 3, 4, 5, 6, 7])
    func aSlotListSkipsAndPlacesAsTheMergeWould(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let run = (0..<Int32(30)).map { $0 * 2 }
        let skipped = (0..<30).filter { _ in random.next() % 4 == 0 }
        var merged = run.enumerated().filter { !skipped.contains($0.offset) }.map(\.element)
        var added: [(at: Int, slot: Int32)] = []
        for i in 0..<Int(random.next() % 6) {
            let at = Int(random.next() % UInt64(merged.count + 1))
            merged.insert(Int32(1000 + i), at: at)
            added = added.map { $0.at >= at ? ($0.at + 1, $0.slot) : $0 }
            added.append((at, Int32(1000 + i)))
        }
        added.sort { $0.at < $1.at }
        let list = SlotList(column: SlotColumn([7, 7] + run), range: 2..<32, skipped: skipped, added: added)
        #expect(list.count == merged.count)
        #expect((0..<list.count).map { list[$0] } == merged)
        var walked: [Int32] = []
        list.forEach { walked.append($0) }
        #expect(walked == merged)
    }
}
