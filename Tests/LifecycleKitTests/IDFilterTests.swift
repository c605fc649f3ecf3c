import Foundation
import Testing
@testable import LifecycleKit

/// `CustomerFilter.ids` (the dashboard's "changed since OLD"): the same lists in the JSON
/// store, the SQLite store by SQL and the SQLite store through its list index.
@Suite(.serialized) struct IDFilterTests {
    /// Every third customer of the generated snapshot, and an id no file has.
    static func idSet(_ store: any SnapshotStore) throws -> CustomerIDSet {
        var ids: Set<String> = ["no-such-customer"]
        for stage in store.stages {
            let all = try store.customers(inStage: stage.id, filter: .none, sort: CustomerSort(.id), offset: 0, limit: 10_000)
            for (i, row) in all.enumerated() where i % 3 == 0 { ids.insert(row.customer.id) }
        }
        return CustomerIDSet(ids, label: Message(.uiFilterChangedSince, .text("old.json")))
    }

    @Test(arguments: [CustomerSort.Field.name, .id, .revenue, .stageEnteredAt])
    func everyStoreKeepsOnlyTheSetsCustomers(field: CustomerSort.Field) throws {
        let j = try JSONSnapshotStore(path: StoreEquivalenceTests.files.json)
        let s = try SQLiteSnapshotStore(path: StoreEquivalenceTests.files.sqlite)
        let x = try Fixtures.indexedSQLiteStore(StoreEquivalenceTests.files.sqlite)
        let ids = try Self.idSet(j)
        let segment = try j.segments().first
        for stage in j.stages {
            for filter in [CustomerFilter(ids: ids), CustomerFilter(segment: segment, ids: ids)] {
                var plain = filter
                plain.ids = nil
                let expected = try j.customers(inStage: stage.id, filter: plain, sort: CustomerSort(field), offset: 0, limit: 10_000)
                    .map(\.customer.id).filter { ids.contains($0) }
                for store in [j, s, x] as [any SnapshotStore] {
                    #expect(try store.customerCount(inStage: stage.id, filter: filter) == expected.count)
                    let rows = try store.customers(inStage: stage.id, filter: filter, sort: CustomerSort(field), offset: 0, limit: 10_000)
                    #expect(rows.map(\.customer.id) == expected, "\(type(of: store)) \(stage.id) \(field)")
                    let back = try store.customers(inStage: stage.id, filter: filter, sort: CustomerSort(field, descending: true),
                                                   offset: 0, limit: 10_000)
                    #expect(back.map(\.customer.id) == expected.reversed())
                }
            }
        }
    }

    /// Two sets with the same ids are two filters (compared by identity: a cheap cache key),
    /// and an empty set keeps nobody.
    @Test func setsCompareByIdentityAndAnEmptySetKeepsNobody() throws {
        let a = CustomerIDSet(["C-1"], label: Message(.uiFilterAddedSince, .text("x"))), b = CustomerIDSet(["C-1"], label: a.label)
        #expect(a == a && a != b)
        #expect(!CustomerFilter(ids: a).isEmpty)
        let empty = CustomerIDSet([], label: a.label)
        for store in [try JSONSnapshotStore(path: StoreEquivalenceTests.files.json),
                      try Fixtures.indexedSQLiteStore(StoreEquivalenceTests.files.sqlite)] as [any SnapshotStore] {
            let stage = store.stages[0].id
            #expect(try store.customerCount(inStage: stage, filter: CustomerFilter(ids: empty)) == 0)
        }
    }
}
