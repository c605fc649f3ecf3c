import Foundation
import Testing
@testable import LifecycleKit

/// Lists by value figures worked by hand on five customers of one stage, in both stores:
/// which customers are at risk, the order by CLV (non-buyers and customers without a CLV
/// first, ties by id), what a store without a table answers, and a table that is refused.
@Suite struct ValueListTests {
    static let text = """
    {"format": "lifecycle-snapshot", "version": 1, "as_of": "2026-03-01T00:00:00Z",
     "stages": [{"id": "s", "name": "S"}, {"id": "t", "name": "T"}],
     "customers": [
       {"id": "E", "name": "Eve", "stage": "s"}, {"id": "A", "name": "Ada", "stage": "s"},
       {"id": "D", "name": "Di", "stage": "s"}, {"id": "C", "name": "Cy", "stage": "s"},
       {"id": "B", "name": "Bo", "stage": "s"}, {"id": "F", "name": "Fay", "stage": "t"}],
     "touchpoints": [], "transitions": []}
    """

    /// By hand: A Champions (clv 100, P(alive) 0.9); B no purchase; C Lost (20, 0.3); D
    /// Hibernating without a CLV (no Gamma-Gamma, 0.45); E Promising (20, 0.6); F (stage t) At risk.
    static func table() -> CustomerValueTable {
        CustomerValueTable(
            model: CustomerValueModel.fit([], observationEnd: Timestamp(microseconds: 0)).model,
            ids: ["A", "B", "C", "D", "E", "F"], purchases: [5, 0, 1, 1, 2, 3],
            probabilityAlive: [0.9, .nan, 0.3, 0.45, 0.6, 0.2], expectedPurchases90: .init(repeating: .nan, count: 6),
            clv: [100, .nan, 20, .nan, 20, 50], rfm: [555, 0, 111, 211, 415, 231])
    }

    static func stores() throws -> [any SnapshotStore] {
        let dir = try Fixtures.temporaryDirectory()
        let json = try Fixtures.write(text, named: "v.json", in: dir)
        let sqlite = dir.appendingPathComponent("v.sqlite").path
        try JSONSnapshotStore(path: json).export(to: try SQLiteSnapshotWriter(path: sqlite))
        return [try JSONSnapshotStore(path: json), try SQLiteSnapshotStore(path: sqlite), try Fixtures.indexedSQLiteStore(sqlite)]
    }

    static func ids(_ store: any SnapshotStore, _ sort: CustomerSort, _ filter: CustomerFilter = .none) throws -> [String] {
        try store.customers(inStage: "s", filter: filter, sort: sort, offset: 0, limit: 100).map(\.customer.id)
    }

    @Test func orderByCLVPutsNonBuyersFirst() throws {
        for store in try Self.stores() {
            try store.attachValues(Self.table())
            #expect(try Self.ids(store, CustomerSort(.clv)) == ["B", "D", "C", "E", "A"], "\(type(of: store))")
            #expect(try Self.ids(store, CustomerSort(.clv, descending: true)) == ["A", "E", "C", "D", "B"])
            #expect(try Self.ids(store, CustomerSort(.probabilityAlive)) == ["B", "C", "D", "E", "A"])
            // allCases order: Champions, …, Promising (4), …, Hibernating (9), Lost (10).
            #expect(try Self.ids(store, CustomerSort(.rfmSegment)) == ["B", "A", "E", "D", "C"])
            let page = try store.customers(inStage: "s", filter: .none, sort: CustomerSort(.clv), offset: 4, limit: 1)
            #expect(page.first?.value?.clv == 100 && page.first?.value?.rfmSegment == .champions)
            #expect(try store.customers(inStage: "s", filter: .none, sort: CustomerSort(.clv), offset: 0, limit: 1).first?.value == nil)
            #expect(try store.indexOfCustomer("E", inStage: "s", filter: .none, sort: CustomerSort(.clv)) == 3)
        }
    }

    @Test func atRiskAreTheBuyersBelowTheThreshold() throws {
        for store in try Self.stores() {
            try store.attachValues(Self.table())
            let atRisk = CustomerFilter(value: .atRisk(below: 0.5))
            #expect(try Self.ids(store, CustomerSort(.name), atRisk) == ["C", "D"])   // Cy 0.3, Di 0.45; Bo has no P(alive)
            #expect(try store.customerCount(inStage: "s", filter: atRisk) == 2)
            #expect(try store.customerCount(inStage: "t", filter: atRisk) == 1)
            #expect(try Self.ids(store, CustomerSort(.clv), CustomerFilter(value: .clv(min: 20, max: 100))) == ["C", "E"])
            #expect(try Self.ids(store, CustomerSort(.id), CustomerFilter(value: .rfmSegment(.lost))) == ["C"])
            #expect(try store.indexOfMatch("di", inStage: "s", filter: atRisk, sort: CustomerSort(.clv, descending: true),
                                           from: 0, forward: true) == 1)
        }
    }

    @Test func withoutATableValueSortsAreTheIdOrderAndValueFiltersMatchNobody() throws {
        for store in try Self.stores() {
            #expect(try Self.ids(store, CustomerSort(.clv)) == ["A", "B", "C", "D", "E"])
            #expect(try Self.ids(store, CustomerSort(.rfmSegment, descending: true)) == ["E", "D", "C", "B", "A"])
            #expect(try Self.ids(store, CustomerSort(.name), CustomerFilter(value: .atRisk(below: 0.5))).isEmpty)
            #expect(try store.customerCount(inStage: "s", filter: CustomerFilter(value: .atRisk(below: 0.5))) == 0)
            #expect(try store.customers(inStage: "s", filter: .none, sort: CustomerSort(.name), offset: 0, limit: 9).allSatisfy { $0.value == nil })
            // Attached, then taken away.
            try store.attachValues(Self.table())
            try store.attachValues(nil)
            #expect(try Self.ids(store, CustomerSort(.clv)) == ["A", "B", "C", "D", "E"])
        }
    }

    /// A table naming a customer the file does not have (Q) is refused; one of fewer customers is fine (buyers only).
    @Test func aTableOfOtherCustomersIsRefused() throws {
        let other = CustomerValueTable(
            model: CustomerValueModel.fit([], observationEnd: Timestamp(microseconds: 0)).model,
            ids: ["A", "Q"], purchases: [1, 1], probabilityAlive: [0.1, 0.1], expectedPurchases90: [0, 0], clv: [1, 2], rfm: [111, 111])
        for store in try Self.stores() {
            try store.attachValues(Self.table())
            #expect(throws: ValueTableRefused.self) { try store.attachValues(other) }
            // The store keeps no table: no figures, value filters match nobody.
            #expect(try store.customers(inStage: "s", filter: .none, sort: CustomerSort(.name), offset: 0, limit: 9).allSatisfy { $0.value == nil })
            #expect(try store.customerCount(inStage: "s", filter: CustomerFilter(value: .atRisk(below: 0.5))) == 0)
        }
    }

    /// A SQLite store given the table before its list index exists makes the value orders
    /// when the index arrives.
    @Test func anIndexBuiltAfterTheTableGetsItsValueOrders() throws {
        let dir = try Fixtures.temporaryDirectory()
        let json = try Fixtures.write(Self.text, named: "v.json", in: dir)
        let sqlite = dir.appendingPathComponent("v.sqlite").path
        try JSONSnapshotStore(path: json).export(to: try SQLiteSnapshotWriter(path: sqlite))
        let store = try SQLiteSnapshotStore(path: sqlite)
        try store.attachValues(Self.table())
        #expect(store.indexWithValues(filter: .none, field: .clv) == nil)
        #expect(try Self.ids(store, CustomerSort(.clv)) == ["B", "D", "C", "E", "A"])   // by SQL
        _ = try store.prepareListIndex()
        #expect(store.indexWithValues(filter: .none, field: .clv)?.1 != nil)
        #expect(try Self.ids(store, CustomerSort(.clv)) == ["B", "D", "C", "E", "A"])   // by the index
    }
}
