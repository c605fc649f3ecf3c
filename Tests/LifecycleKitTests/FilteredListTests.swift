import Foundation
import Testing
@testable import LifecycleKit

/// A filtered list of the list index (issue 15 point 4, filters at ten million): counted by
/// a pass in slot order, its pages found by walking the ordered run from the nearer end only
/// as far as the page needs, rare values gathered and placed by rank; always the very list SQL gives.
@Suite struct FilteredListTests {
    /// An index of `n` customers in `stages` stages, with random segments, channels and orders.
    static func index(_ n: Int, stages stageCount: Int = 3, seed: UInt64) -> SQLiteListIndex {
        var random = SeededRandom(seed: seed)
        let stages = (0..<n).map { _ in UInt8(random.next() % UInt64(stageCount)) }
        // Segment 3 is rare: one customer in 2,000.
        let segments = (0..<n).map { _ in random.next() % 2_000 == 0 ? Int32(3) : Int32(random.next() % 3) - 1 }
        let channels = (0..<n).map { _ in random.next() % 8 }
        var orders: [CustomerSort.Field: [Int32]] = [:]
        for field in [CustomerSort.Field.name, .stageEnteredAt, .revenue] {
            orders[field] = (0..<Int32(n)).shuffled(using: &random)
        }
        return SQLiteListIndex(rowids: SlotRowids((1...Int64(n)).map { $0 }), stages: stages, segments: segments, channels: channels,
                               touchpointCounts: .init(repeating: 0, count: n), lastTouches: .init(repeating: 0, count: n),
                               revenues: .init(repeating: 0, count: n), segmentNames: ["a", "b", "c", "d"], channelNames: ["x", "y", "z"],
                               channelsComplete: true, orders: orders, latestEntered: 0, stageCount: stageCount)
    }

    /// The list by definition: the stage's unfiltered list (read where it lies, moved
    /// customers placed by rank), kept where the filter matches.
    static func expected(_ index: SQLiteListIndex, stage: Int, segment: Int32?, mask: UInt64, field: CustomerSort.Field) -> [Int32] {
        var out: [Int32] = []
        index.list(stage: stage, filter: .none, field: field, values: nil)!.forEach { slot in
            let s = Int(slot)
            if (segment == nil || index.segments[s] == segment!) && (mask == 0 || index.channels[s] & mask != 0) { out.append(slot) }
        }
        return out
    }

    @Test func aFilteredPageIsFoundWithoutAPassOverTheStagesRun() throws {
        let index = Self.index(200_000, seed: 1)
        let run = index.orders[.name]!.run(0).count
        let list = try #require(index.list(stage: 0, filter: CustomerFilter(segment: "b", channel: "y"), field: .name, values: nil))
        let want = Self.expected(index, stage: 0, segment: 1, mask: 2, field: .name)
        #expect(list.count == want.count)
        // The first and the last page (a flipped sort shows the end first).
        #expect((0..<40).map { list[$0] } == Array(want.prefix(40)))
        #expect((0..<40).map { list[list.count - 1 - $0] } == Array(want.suffix(40).reversed()))
        #expect(index.walked < 2_000, "walked \(index.walked) of a run of \(run)")
        // Counted by a look-up (customers per stage, segment and channel), not a pass.
        #expect(index.slotPasses == 0)
    }

    @Test func aRareValueIsGatheredNotWalked() throws {
        let index = Self.index(200_000, seed: 2)
        let list = try #require(index.list(stage: 1, filter: CustomerFilter(segment: "d"), field: .revenue, values: nil))
        let want = Self.expected(index, stage: 1, segment: 3, mask: 0, field: .revenue)
        #expect(!want.isEmpty && list.count == want.count)
        #expect((0..<list.count).map { list[$0] } == want)
        #expect(index.walked == 0 && index.slotPasses == 1)
    }

    /// Every filter, every field, read in a random order of positions (from either end and
    /// the middle), before and after customers moved: the list by definition.
    @Test(arguments: [3, 4, 5])
    func anyPositionInAnyOrderIsTheListByDefinition(seed: UInt64) throws {
        let index = Self.index(3_000, seed: seed)
        var random = SeededRandom(seed: seed)
        let filters: [(CustomerFilter, Int32?, UInt64)] = [(CustomerFilter(segment: "a"), 0, 0), (CustomerFilter(channel: "z"), nil, 4),
                                                          (CustomerFilter(segment: "b", channel: "x"), 1, 1), (CustomerFilter(segment: "d"), 3, 0)]
        for round in 0..<3 {
            for stage in 0..<3 {
                for field in [CustomerSort.Field.name, .stageEnteredAt, .revenue] {
                    for (filter, segment, mask) in filters {
                        let list = try #require(index.list(stage: stage, filter: filter, field: field, values: nil))
                        let want = Self.expected(index, stage: stage, segment: segment, mask: mask, field: field)
                        #expect(list.count == want.count)
                        #expect(index.count(stage: stage, filter: filter, values: nil) == want.count)
                        // The pass in slot order (what counts when the look-up cannot) agrees.
                        let keep = SlotFilter(segments: index.segments, channels: index.channels, value: nil, values: nil,
                                              segment: segment, mask: mask)
                        #expect(keep.count(stage: UInt8(stage), stages: index.stages) == want.count)
                        var got = [Int32?](repeating: nil, count: list.count)
                        for i in (0..<list.count).shuffled(using: &random) { got[i] = list[i] }
                        #expect(got == want, "round \(round) stage \(stage) \(field) \(filter)")
                    }
                }
            }
            // Some customers change stage, entered later than any other.
            let moves = (0..<40).map { k in
                let slot = Int(random.next() % 3_000)
                return SQLiteListIndex.Move(rowid: Int64(slot + 1), customerID: "c\(slot)", stage: Int(random.next() % 3),
                                            enteredAt: Timestamp(microseconds: Int64(1_000 * (round + 1) + k)))
            }
            #expect(index.follow(moves))
        }
    }

    /// On a generated snapshot (hostile names among them): every segment, channel, a pair and
    /// a value filter, in every order and both directions, counted and paged as SQL does.
    @Test func everyFilteredListIsSQLs() throws {
        let path = try SQLiteListIndexTests.file()
        let indexed = try Fixtures.indexedSQLiteStore(path)
        let sql = try SQLiteSnapshotStore(path: path, readOnly: true)
        let table = try indexed.valueTable()
        for store in [indexed, sql] { try store.attachValues(table) }
        let segments = try sql.segments(), channels = try sql.channels()
        var filters = segments.map { CustomerFilter(segment: $0) } + channels.map { CustomerFilter(channel: $0) }
        filters += [CustomerFilter(segment: segments.first, channel: channels.last), CustomerFilter(segment: "nobody's"),
                    CustomerFilter(value: .atRisk(below: 0.5)), CustomerFilter(segment: segments.last, value: .atRisk(below: 0.5))]
        for stage in sql.stages.map(\.id) {
            for filter in filters {
                let count = try sql.customerCount(inStage: stage, filter: filter)
                #expect(try indexed.customerCount(inStage: stage, filter: filter) == count)
                for field in CustomerSort.Field.allCases {
                    for descending in [false, true] {
                        let sort = CustomerSort(field, descending: descending)
                        for offset in Set([0, 3, count / 2, max(0, count - 4)]) {
                            let page = { (store: SQLiteSnapshotStore) in
                                try store.customers(inStage: stage, filter: filter, sort: sort, offset: offset, limit: 7).map(\.customer.id)
                            }
                            #expect(try page(indexed) == page(sql), "\(stage) \(filter) \(sort) \(offset)")
                        }
                    }
                }
            }
        }
    }
}
