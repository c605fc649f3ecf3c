import Testing
@testable import LifecycleKit

/// Every query on a small hand-made snapshot, with the expected answers worked out by hand.
@Suite struct JSONQueryTests {
    static let text = """
    {"format": "lifecycle-snapshot", "version": 1,
     "stages": [{"id": "lead", "name": "Lead"}, {"id": "customer", "name": "Customer", "description": "Bought"},
                {"id": "churned", "name": "Churned"}],
     "customers": [
      {"id": "C-3", "name": "bob", "email": "b@x", "stage": "lead", "stage_entered_at": "2026-03-01", "segment": "B2B"},
      {"id": "C-1", "name": "Alice", "stage": "lead", "stage_entered_at": "2026-01-01", "segment": "B2C",
       "tags": ["vip", "newsletter"], "attributes": {"city": "Bonn", "visits": 3, "optin": true}},
      {"id": "C-2", "name": "alice", "email": "A@x", "stage": "lead"},
      {"id": "C-10", "name": "Émile", "stage": "lead", "stage_entered_at": "2026-02-01", "segment": "B2C"},
      {"id": "C-4", "name": "Zed", "stage": "customer", "stage_entered_at": "2026-04-01T00:00:00Z"},
      {"id": "C-5", "name": "BOB", "stage": "lead", "segment": ""}
     ],
     "touchpoints": [
      {"id": "T-1", "customer_id": "C-1", "at": "2026-01-05", "channel": "web", "type": "visit", "value": 10},
      {"id": "T-2", "customer_id": "C-1", "at": "2026-01-03", "channel": "email", "type": "email_open", "value": 5.5},
      {"id": "T-3", "customer_id": "C-3", "at": "2026-04-01", "channel": "web", "type": "visit"},
      {"id": "T-4", "customer_id": "C-10", "at": "2026-02-10", "channel": "ads", "type": "ad_click", "value": 100, "campaign": "spring"},
      {"id": "T-5", "customer_id": "C-1", "at": "2026-01-05T01:00:00+01:00", "channel": "web", "type": "purchase"},
      {"id": "T-0", "customer_id": "C-4", "at": "2026-05-01", "channel": "store", "type": "purchase", "value": 7, "note": "Order 1"}
     ],
     "transitions": [
      {"customer_id": "C-1", "from": null, "to": "lead", "at": "2026-01-01", "by": "import"},
      {"customer_id": "C-4", "to": "customer", "at": "2026-04-01", "by": "crm"},
      {"customer_id": "C-1", "from": "lead", "to": "customer", "at": "2026-01-02", "by": "crm"},
      {"customer_id": "C-1", "from": "customer", "to": "lead", "at": "2026-01-02", "by": "crm", "note": "oops"}
     ]}
    """

    let store: JSONSnapshotStore

    init() throws { store = try JSONFixture.open(Self.text) }

    private func ids(_ sort: CustomerSort, filter: CustomerFilter = .none, offset: Int = 0, limit: Int = 100,
                     stage: String = "lead") throws -> [String] {
        try store.customers(inStage: stage, filter: filter, sort: sort, offset: offset, limit: limit).map(\.customer.id)
    }

    @Test func infoAndTotals() throws {
        #expect(store.problems.errorCount == 0 && store.problems.warningCount == 0)
        // No as_of: the latest timestamp anywhere (T-0).
        #expect(store.info == SnapshotInfo(name: nil, currency: "EUR", declaredAsOf: nil, asOf: Timestamp("2026-05-01")!))
        #expect(store.stages[1] == Stage(id: "customer", name: "Customer", description: "Bought"))
        #expect(try store.totals() == SnapshotTotals(customers: 6, touchpoints: 6, transitions: 4, revenue: 122.5))
        #expect(try store.stageCounts() == [5, 1, 0])
        #expect(try store.segments() == ["B2B", "B2C"])
        #expect(try store.channels() == ["ads", "email", "store", "web"])
    }

    @Test func emptySnapshotIsAsOfTheEpoch() throws {
        let empty = try JSONFixture.open(JSONFixture.document())
        #expect(empty.info.asOf == Timestamp(microseconds: 0))
        #expect(try empty.totals() == SnapshotTotals(customers: 0, touchpoints: 0, transitions: 0, revenue: 0))
        #expect(try empty.segments() == [] && empty.channels() == [])
    }

    @Test func sortByText() throws {
        // Root collation: "alice" < "Alice" (lower case first), "bob" < "BOB", "Émile" with the e's.
        #expect(try ids(CustomerSort(.name)) == ["C-2", "C-1", "C-3", "C-5", "C-10"])
        #expect(try ids(CustomerSort(.name, descending: true)) == ["C-10", "C-5", "C-3", "C-1", "C-2"])
        // nil first (ties by id bytes: "C-1" < "C-10" < "C-5"), then "A@x" < "b@x".
        #expect(try ids(CustomerSort(.email)) == ["C-1", "C-10", "C-5", "C-2", "C-3"])
        #expect(try ids(CustomerSort(.email, descending: true)) == ["C-3", "C-2", "C-5", "C-10", "C-1"])
        // nil, then "" (present but empty), then "B2B", "B2C".
        #expect(try ids(CustomerSort(.segment)) == ["C-2", "C-5", "C-3", "C-1", "C-10"])
        #expect(try ids(CustomerSort(.id)) == ["C-1", "C-10", "C-2", "C-3", "C-5"])
        #expect(try ids(CustomerSort(.id, descending: true)) == ["C-5", "C-3", "C-2", "C-10", "C-1"])
    }

    @Test func sortByLongTextAndNUL() throws {
        let store = try JSONFixture.open(JSONFixture.document(customers: """
        [{"id":"c1","name":"abcdefghijklmnopqrstB","stage":"lead"}, {"id":"c2","name":"ABCDEFGHIJKLMNOPQRSTa","stage":"lead"},
         {"id":"c3","name":"abcdefghijklmnopqrst","stage":"lead"}, {"id":"c5","name":"x\\u0000b","stage":"lead"},
         {"id":"c4","name":"x\\u0000a","stage":"lead"}, {"id":"c6","name":"x\\u0000","stage":"lead"}]
        """))
        // The shorter of two equal prefixes first; NUL is a byte like any other.
        let names = try store.customers(inStage: "lead", filter: .none, sort: CustomerSort(.name), offset: 0, limit: 10)
        #expect(names.map(\.customer.id) == ["c3", "c2", "c1", "c6", "c4", "c5"])
    }

    @Test func sortByFigures() throws {
        #expect(try ids(CustomerSort(.stageEnteredAt)) == ["C-2", "C-5", "C-1", "C-10", "C-3"])
        #expect(try ids(CustomerSort(.stageEnteredAt, descending: true)) == ["C-3", "C-10", "C-1", "C-5", "C-2"])
        #expect(try ids(CustomerSort(.touchpointCount)) == ["C-2", "C-5", "C-10", "C-3", "C-1"])
        #expect(try ids(CustomerSort(.lastTouchAt)) == ["C-2", "C-5", "C-1", "C-10", "C-3"])
        #expect(try ids(CustomerSort(.revenue)) == ["C-2", "C-3", "C-5", "C-1", "C-10"])
        #expect(try ids(CustomerSort(.revenue, descending: true)) == ["C-10", "C-1", "C-5", "C-3", "C-2"])
    }

    @Test func summariesCarryFigures() throws {
        let page = try store.customers(inStage: "lead", filter: .none, sort: CustomerSort(.revenue, descending: true), offset: 0, limit: 2)
        #expect(page.map(\.touchpointCount) == [1, 3])
        #expect(page.map(\.revenue) == [100, 15.5])
        // T-5 is 2026-01-05T01:00+01:00 = midnight UTC, the same moment as T-1.
        #expect(page.map(\.lastTouchAt) == [Timestamp("2026-02-10"), Timestamp("2026-01-05")])
        let none = try store.customers(inStage: "lead", filter: .none, sort: CustomerSort(.id), offset: 2, limit: 1)
        #expect(none == [CustomerSummary(customer: Customer(id: "C-2", name: "alice", email: "A@x", stage: "lead"),
                                         touchpointCount: 0, lastTouchAt: nil, revenue: 0)])
    }

    @Test func filters() throws {
        #expect(try ids(CustomerSort(.id), filter: CustomerFilter(segment: "B2C")) == ["C-1", "C-10"])
        #expect(try ids(CustomerSort(.id), filter: CustomerFilter(segment: "")) == ["C-5"])
        #expect(try ids(CustomerSort(.id), filter: CustomerFilter(channel: "web")) == ["C-1", "C-3"])
        #expect(try ids(CustomerSort(.id), filter: CustomerFilter(segment: "B2C", channel: "ads")) == ["C-10"])
        #expect(try ids(CustomerSort(.id), filter: CustomerFilter(channel: "phone")) == [])
        #expect(try ids(CustomerSort(.id), filter: CustomerFilter(segment: "web")) == [])
        #expect(try store.customerCount(inStage: "lead", filter: .none) == 5)
        #expect(try store.customerCount(inStage: "lead", filter: CustomerFilter(channel: "web")) == 2)
        #expect(try store.customerCount(inStage: "customer", filter: CustomerFilter(channel: "store")) == 1)
        #expect(try store.customerCount(inStage: "churned", filter: .none) == 0)
    }

    @Test func unknownStageIsEmpty() throws {
        #expect(try store.customerCount(inStage: "nirvana", filter: .none) == 0)
        #expect(try ids(CustomerSort(.name), stage: "nirvana") == [])
    }

    @Test func paging() throws {
        #expect(try ids(CustomerSort(.name), offset: 1, limit: 2) == ["C-1", "C-3"])
        #expect(try ids(CustomerSort(.name, descending: true), offset: 3, limit: 10) == ["C-1", "C-2"])
        #expect(try ids(CustomerSort(.name), offset: 5, limit: 10) == [])
        #expect(try ids(CustomerSort(.name), offset: 0, limit: 0) == [])
        #expect(try ids(CustomerSort(.name), offset: -3, limit: 1) == ["C-2"])
        #expect(try ids(CustomerSort(.name), offset: 4, limit: .max) == ["C-10"])
        // Pages of one list never overlap and cover it.
        let pages = try (0..<3).flatMap { try ids(CustomerSort(.email), offset: $0 * 2, limit: 2) }
        #expect(pages == ["C-1", "C-10", "C-5", "C-2", "C-3"])
    }

    @Test func oneCustomer() throws {
        #expect(try store.customer(id: "C-1") == Customer(
            id: "C-1", name: "Alice", stage: "lead", stageEnteredAt: Timestamp("2026-01-01"), segment: "B2C",
            tags: ["vip", "newsletter"],
            attributes: [Attribute("city", .string("Bonn")), Attribute("visits", .number(3)), Attribute("optin", .bool(true))]))
        #expect(try store.customer(id: "C-99") == nil)
        // Time order, ties by id.
        #expect(try store.touchpoints(ofCustomer: "C-1").map(\.id) == ["T-2", "T-1", "T-5"])
        #expect(try store.touchpoints(ofCustomer: "C-4") == [Touchpoint(
            id: "T-0", customerID: "C-4", at: Timestamp("2026-05-01")!, channel: "store", type: "purchase", value: 7, note: "Order 1")])
        // Time order, ties in file order; numbered in file order (the file gives no ids).
        #expect(try store.transitions(ofCustomer: "C-1") == [
            Transition(customerID: "C-1", from: nil, to: "lead", at: Timestamp("2026-01-01")!, by: "import", id: 1),
            Transition(customerID: "C-1", from: "lead", to: "customer", at: Timestamp("2026-01-02")!, by: "crm", id: 3),
            Transition(customerID: "C-1", from: "customer", to: "lead", at: Timestamp("2026-01-02")!, by: "crm", note: "oops", id: 4),
        ])
        #expect(try store.touchpoints(ofCustomer: "C-99") == [] && store.transitions(ofCustomer: "C-99") == [])
    }

    @Test func funnelScan() throws {
        let report = try store.funnelReport()
        #expect(report.stages.map(\.customers) == [5, 1, 0])
        #expect(report.stages.map(\.revenue) == [115.5, 7, 0])
        // Reached: lead = the 5 current; customer = C-4 (current) and C-1 (a transition into it).
        #expect(report.stages.map(\.reached) == [5, 2, 0])
    }
}
