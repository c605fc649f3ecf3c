import Foundation
import GRDBSQLite
import Testing
@testable import LifecycleKit

/// Small SQLite snapshots for the tests: written by `SQLiteSnapshotWriter`, or by raw SQL
/// for files the writer would never produce.
enum SQLiteFixtures {
    /// A fresh empty directory.
    static func directory() throws -> String {
        _ = Fixtures.sideCacheDirectory
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("clc-sqlite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.path
    }

    static func t(_ text: String) -> Timestamp { Timestamp(text)! }

    static let stages = [
        Stage(id: "awareness", name: "Awareness", description: "First contact"),
        Stage(id: "consideration", name: "Consideration"),
        Stage(id: "purchase", name: "Purchase"),
        Stage(id: "retention", name: "Retention"),
    ]

    static let customers = [
        Customer(id: "C-1", name: "anna", email: "Zed@x.de", stage: "purchase", stageEnteredAt: t("2026-03-01"),
                 createdAt: t("2026-01-01"), segment: "B2C", tags: ["vip"], attributes: [Attribute("city", .string("Bonn"))]),
        Customer(id: "C-2", name: "Bob", stage: "purchase", stageEnteredAt: t("2026-02-01"), segment: "B2B"),
        Customer(id: "C-3", name: "anna", email: "adam@x.de", stage: "purchase"),
        Customer(id: "C-10", name: "Carl", email: "bob@x.de", stage: "purchase", stageEnteredAt: t("2026-02-01"), segment: "B2C"),
        Customer(id: "C-4", name: "Dora", stage: "awareness", segment: ""),
        Customer(id: "C-5", name: "Eve", stage: "retention", segment: "b2c"),
    ]

    static let touchpoints = [
        Touchpoint(id: "T-1", customerID: "C-1", at: t("2026-01-01T10:00:00Z"), channel: "web", type: "visit"),
        Touchpoint(id: "T-2", customerID: "C-1", at: t("2026-03-01T10:00:00Z"), channel: "web", type: "purchase", value: 100),
        Touchpoint(id: "T-3", customerID: "C-2", at: t("2026-02-01T10:00:00Z"), channel: "email", type: "email_open"),
        Touchpoint(id: "T-5", customerID: "C-2", at: t("2026-02-02T10:00:00Z"), channel: "email", type: "email_click"),
        Touchpoint(id: "T-4", customerID: "C-2", at: t("2026-02-02T10:00:00Z"), channel: "web", type: "purchase", value: 50.5),
        Touchpoint(id: "T-6", customerID: "C-10", at: t("2026-02-05"), channel: "social", type: "ad_click", value: 100),
        Touchpoint(id: "T-0", customerID: "C-1", at: t("2026-01-01T10:00:00Z"), channel: "ads", type: "ad_click"),
    ]

    static let transitions = [
        Transition(customerID: "C-1", from: nil, to: "awareness", at: t("2026-01-01"), by: "import", id: 1),
        Transition(customerID: "C-5", from: nil, to: "awareness", at: t("2026-04-01"), by: "crm", note: "first", id: 2),
        Transition(customerID: "C-1", from: "awareness", to: "purchase", at: t("2026-03-01"), by: "crm-sync", note: "first order", id: 3),
        Transition(customerID: "C-5", from: "awareness", to: "retention", at: t("2026-04-01"), by: "crm", note: "second", id: 4),
        Transition(customerID: "C-2", from: nil, to: "purchase", at: t("2026-02-01"), by: "import", id: 5),
        Transition(customerID: "C-5", from: nil, to: "awareness", at: t("2026-03-15"), by: "crm", note: "earliest", id: 6),
    ]

    /// The hand-made snapshot above, written by the writer.
    static func write(to path: String, asOf: Timestamp? = t("2026-11-01"), name: String? = "Boutique Bonn",
                      customers: [Customer] = customers, touchpoints: [Touchpoint] = touchpoints,
                      transitions: [Transition] = transitions, stages: [Stage] = stages) throws {
        let writer = try SQLiteSnapshotWriter(path: path)
        try writer.begin(info: SnapshotInfo(name: name, declaredAsOf: asOf, asOf: asOf ?? Timestamp(microseconds: 0)),
                         stages: stages)
        for c in customers { try writer.add(c) }
        for tp in touchpoints { try writer.add(tp) }
        for tr in transitions { try writer.add(tr) }
        try writer.finish()
    }

    /// Runs SQL on a file (creating it if needed), outside the project's code.
    static func execute(_ path: String, _ sql: String) throws {
        var db: OpaquePointer?
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK else {
            throw OperationError("cannot open \(path)")
        }
        defer { sqlite3_close_v2(db) }
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(db, sql, nil, nil, &message) == SQLITE_OK else {
            defer { sqlite3_free(message) }
            throw OperationError(message.map { String(cString: $0) } ?? "SQL failed")
        }
    }

    /// The format's tables without types or constraints, so that any broken row can be
    /// inserted; one valid stage row per id given.
    static func looseSnapshot(_ path: String, meta: [(String, String)] = [("format", "lifecycle-snapshot"), ("version", "1")]) throws {
        var sql = """
            CREATE TABLE meta (key, value);
            CREATE TABLE stages (id, position, name, description);
            CREATE TABLE customers (id, name, email, stage, stage_entered_at, created_at, segment, tags, attributes);
            CREATE TABLE touchpoints (id, customer_id, at, channel, type, campaign, value, note);
            CREATE TABLE transitions (id INTEGER PRIMARY KEY, customer_id, from_stage, to_stage, at, by, note);
            INSERT INTO stages VALUES ('awareness', 1, 'Awareness', NULL), ('purchase', 2, 'Purchase', NULL);

            """
        for (key, value) in meta { sql += "INSERT INTO meta VALUES ('\(key)', '\(value)');\n" }
        try execute(path, sql)
    }
}

@Suite struct SQLiteStoreTests {
    let store: SQLiteSnapshotStore

    init() throws {
        let path = try SQLiteFixtures.directory() + "/shop.sqlite"
        try SQLiteFixtures.write(to: path)
        store = try SQLiteSnapshotStore(path: path)
    }

    func ids(_ sort: CustomerSort.Field, descending: Bool = false, filter: CustomerFilter = .none,
             offset: Int = 0, limit: Int = 100) throws -> [String] {
        try store.customers(inStage: "purchase", filter: filter, sort: CustomerSort(sort, descending: descending),
                            offset: offset, limit: limit).map(\.customer.id)
    }

    @Test func infoAndStages() {
        #expect(store.info.name == "Boutique Bonn")
        #expect(store.info.currency == "EUR")
        #expect(store.info.asOf.iso8601 == "2026-11-01T00:00:00Z")
        #expect(store.info.declaredAsOf == store.info.asOf)
        #expect(store.stages == SQLiteFixtures.stages)
        #expect(store.problems.errorCount == 0 && store.problems.warningCount == 0)
    }

    @Test func asOfDefaultsToTheLatestTimestamp() throws {
        let path = try SQLiteFixtures.directory() + "/no-as-of.sqlite"
        try SQLiteFixtures.write(to: path, asOf: nil, name: nil)
        let store = try SQLiteSnapshotStore(path: path)
        #expect(store.info.declaredAsOf == nil)
        #expect(store.info.name == nil)
        #expect(store.info.asOf.iso8601 == "2026-04-01T00:00:00Z")
    }

    @Test func emptySnapshotIsAtTheEpoch() throws {
        let path = try SQLiteFixtures.directory() + "/empty.sqlite"
        try SQLiteFixtures.write(to: path, asOf: nil, customers: [], touchpoints: [], transitions: [])
        let store = try SQLiteSnapshotStore(path: path)
        #expect(store.info.asOf == Timestamp(microseconds: 0))
        #expect(try store.stageCounts() == [0, 0, 0, 0])
        #expect(try store.totals() == SnapshotTotals(customers: 0, touchpoints: 0, transitions: 0, revenue: 0))
    }

    @Test func overview() throws {
        #expect(try store.stageCounts() == [1, 0, 4, 1])
        #expect(try store.segments() == ["B2B", "B2C", "b2c"])
        #expect(try store.channels() == ["ads", "email", "social", "web"])
        #expect(try store.totals() == SnapshotTotals(customers: 6, touchpoints: 7, transitions: 6, revenue: 250.5))
    }

    @Test func sortsAscendingWithNullsFirstAndIDTies() throws {
        #expect(try ids(.name) == ["C-1", "C-3", "C-2", "C-10"])
        #expect(try ids(.email) == ["C-2", "C-3", "C-10", "C-1"])
        #expect(try ids(.segment) == ["C-3", "C-2", "C-1", "C-10"])
        #expect(try ids(.stageEnteredAt) == ["C-3", "C-10", "C-2", "C-1"])
        #expect(try ids(.touchpointCount) == ["C-3", "C-10", "C-1", "C-2"])
        #expect(try ids(.lastTouchAt) == ["C-3", "C-2", "C-10", "C-1"])
        #expect(try ids(.revenue) == ["C-3", "C-2", "C-1", "C-10"])
        #expect(try ids(.id) == ["C-1", "C-10", "C-2", "C-3"])
    }

    @Test(arguments: CustomerSort.Field.allCases)
    func descendingIsTheExactReverse(_ field: CustomerSort.Field) throws {
        #expect(try ids(field, descending: true) == ids(field).reversed())
    }

    @Test func filtersAndCounts() throws {
        #expect(try ids(.id, filter: CustomerFilter(segment: "B2C")) == ["C-1", "C-10"])
        #expect(try ids(.id, filter: CustomerFilter(channel: "web")) == ["C-1", "C-2"])
        #expect(try ids(.id, filter: CustomerFilter(channel: "social")) == ["C-10"])
        #expect(try ids(.id, filter: CustomerFilter(segment: "B2C", channel: "web")) == ["C-1"])
        #expect(try ids(.id, filter: CustomerFilter(segment: "b2c")) == [])
        #expect(try store.customerCount(inStage: "purchase", filter: .none) == 4)
        #expect(try store.customerCount(inStage: "purchase", filter: CustomerFilter(segment: "B2C")) == 2)
        #expect(try store.customerCount(inStage: "purchase", filter: CustomerFilter(channel: "email")) == 1)
        #expect(try store.customerCount(inStage: "nirvana", filter: .none) == 0)
        #expect(try store.customers(inStage: "nirvana", filter: .none, sort: CustomerSort(), offset: 0, limit: 10) == [])
    }

    @Test func pages() throws {
        #expect(try ids(.name, offset: 1, limit: 2) == ["C-3", "C-2"])
        #expect(try ids(.name, descending: true, offset: 3, limit: 2) == ["C-1"])
        #expect(try ids(.name, offset: 4, limit: 2) == [])
        #expect(try ids(.name, limit: 0) == [])
    }

    @Test func summaries() throws {
        let page = try store.customers(inStage: "purchase", filter: .none, sort: CustomerSort(.id), offset: 0, limit: 4)
        #expect(page.map(\.touchpointCount) == [3, 1, 3, 0])
        #expect(page.map(\.revenue) == [100, 100, 50.5, 0])
        #expect(page.map { $0.lastTouchAt?.iso8601 } == ["2026-03-01T10:00:00Z", "2026-02-05T00:00:00Z", "2026-02-02T10:00:00Z", nil])
        #expect(page[0].customer == SQLiteFixtures.customers[0])
    }

    @Test func oneCustomer() throws {
        #expect(try store.customer(id: "C-10") == SQLiteFixtures.customers[3])
        #expect(try store.customer(id: "C-99") == nil)
        #expect(try store.touchpoints(ofCustomer: "C-1").map(\.id) == ["T-0", "T-1", "T-2"])
        #expect(try store.touchpoints(ofCustomer: "C-2").map(\.id) == ["T-3", "T-4", "T-5"])
        #expect(try store.touchpoints(ofCustomer: "C-3") == [])
        #expect(try store.transitions(ofCustomer: "C-5").map(\.note) == ["earliest", "first", "second"])
        #expect(try store.transitions(ofCustomer: "C-1") == [SQLiteFixtures.transitions[0], SQLiteFixtures.transitions[2]])
    }

    @Test func funnelFromTheJourneyScan() throws {
        let report = try store.funnelReport()
        #expect(report.stages.map(\.customers) == [1, 0, 4, 1])
        #expect(report.stages.map(\.reached) == [3, 0, 4, 1])
        #expect(report.stages.map(\.revenue) == [0, 0, 250.5, 0])
        #expect(report.totals.transitions == 6)
    }

    @Test func openingByKindGivesThisStore() throws {
        #expect(try SnapshotFile.open(store.path) is SQLiteSnapshotStore)
        #expect(SnapshotFile.validate(store.path).errorCount == 0)
    }

    @Test func aRowOutsideTheFormatIsRefusedWithItsPlace() throws {
        let path = try SQLiteFixtures.directory() + "/bad-row.sqlite"
        try SQLiteFixtures.write(to: path)
        try SQLiteFixtures.execute(path, "UPDATE customers SET created_at = 'soon' WHERE id = 'C-10'")
        let store = try SQLiteSnapshotStore(path: path)
        #expect(try store.customer(id: "C-1") == SQLiteFixtures.customers[0])
        let error = try #require(throws: SnapshotError.self) { try store.customer(id: "C-10") }
        #expect(error.problems.errors.map(\.description) == [#"customers row 4 (id C-10), column created_at: malformed timestamp "soon""#])
    }
}

@Suite struct SQLiteRoundTripTests {
    @Test func writerStoreExportPreservesEveryField() throws {
        let t = SQLiteFixtures.t
        let stages = [Stage(id: "a", name: "Ä – \u{1b}[31mred", description: "line\nbreak\u{0}nul"), Stage(id: "b-2_x", name: "B")]
        let odd = "Zoë 🙂 e\u{301} \u{0}\u{7}\t\u{7f}\u{85}\u{9f} \"q\" \\ /"
        let customers = [
            Customer(id: "C-é🙂", name: odd, email: "x@y", stage: "a", stageEnteredAt: t("2026-03-01T09:30:00.123456Z"),
                     createdAt: t("1969-12-31T23:59:59.5Z"), segment: "S\u{1}", tags: ["", odd, "[\"]"],
                     attributes: [Attribute("s", .string(odd)), Attribute("n", .number(3.25)), Attribute("neg", .number(-2)),
                                  Attribute("big", .number(1e21)), Attribute("tiny", .number(ExactNumber(Double.leastNonzeroMagnitude))),
                                  Attribute("t", .bool(true)), Attribute("f", .bool(false)), Attribute("", .string(""))]),
            Customer(id: "C-2", name: "", stage: "b-2_x"),
        ]
        let touchpoints = [
            Touchpoint(id: "T 1", customerID: "C-é🙂", at: t("2026-03-01T10:30:00+01:00"), channel: "web", type: "visit",
                       campaign: odd, value: 0.1, note: odd),
            Touchpoint(id: "T-2", customerID: "C-2", at: t("2026-03-01T09:30:00.5Z"), channel: "new-channel", type: "x", value: -0.0),
            Touchpoint(id: "T-3", customerID: "C-2", at: t("2026-03-02"), channel: "web", type: "visit"),
        ]
        let transitions = [
            Transition(customerID: "C-é🙂", from: nil, to: "a", at: t("2026-03-01T09:30:00.123456Z"), by: odd, note: odd, id: 7),
            Transition(customerID: "C-2", from: "a", to: "b-2_x", at: t("2026-03-01"), by: "me", id: 9, reverts: 7),
        ]
        let dir = try SQLiteFixtures.directory()
        let asOf = t("2026-11-01T12:00:00.25Z")
        let writer = try SQLiteSnapshotWriter(path: dir + "/rt.sqlite")
        try writer.begin(info: SnapshotInfo(name: odd, currency: "CHF", declaredAsOf: asOf, asOf: asOf), stages: stages)
        for c in customers { try writer.add(c) }
        for tp in touchpoints { try writer.add(tp) }
        for tr in transitions { try writer.add(tr) }
        try writer.finish()

        // The file is complete and nothing else is left in the directory.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["rt.sqlite"])
        #expect(SQLiteValidator.validate(path: dir + "/rt.sqlite").errorCount == 0)

        let store = try SQLiteSnapshotStore(path: dir + "/rt.sqlite")
        let sink = CollectingSink()
        try store.export(to: sink)
        #expect(sink.finished)
        #expect(sink.info == SnapshotInfo(name: odd, currency: "CHF", declaredAsOf: asOf, asOf: asOf))
        #expect(sink.stages == stages)
        #expect(sink.customers == customers)
        #expect(sink.touchpoints == touchpoints)
        #expect(sink.transitions == transitions)

        // SQLite → SQLite keeps everything too.
        try store.export(to: SQLiteSnapshotWriter(path: dir + "/copy.sqlite"))
        let again = CollectingSink()
        try SQLiteSnapshotStore(path: dir + "/copy.sqlite").export(to: again)
        #expect(again.customers == customers && again.touchpoints == touchpoints && again.transitions == transitions)
    }

    @Test func writesTheFormatSchemaInDeleteJournalMode() throws {
        let path = try SQLiteFixtures.directory() + "/schema.sqlite"
        try SQLiteFixtures.write(to: path)
        let store = try SQLiteSnapshotStore(path: path)
        _ = store
        var db: OpaquePointer?
        #expect(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK)
        defer { sqlite3_close_v2(db) }
        func strings(_ sql: String) throws -> [String] {
            let s = try SQLiteStatement(db!, sql)
            var out: [String] = []
            while try s.step() { out.append(s.string(0) ?? "NULL") }
            return out
        }
        #expect(try strings("PRAGMA journal_mode") == ["delete"])
        #expect(try strings("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
                == ["customers_by_stage", "touchpoints_by_customer", "transitions_by_customer"])
        #expect(try strings("SELECT key || '=' || value FROM meta ORDER BY key")
                == ["as_of=2026-11-01T00:00:00Z", "currency=EUR", "format=lifecycle-snapshot", "name=Boutique Bonn", "version=1"])
        #expect(try strings("SELECT tags || ' ' || attributes FROM customers WHERE id = 'C-1'") == [#"["vip"] {"city":"Bonn"}"#])
        #expect(try strings("SELECT quote(tags) || quote(attributes) FROM customers WHERE id = 'C-2'") == ["NULLNULL"])
    }

    @Test func aSinkErrorPassesThroughExportUnchanged() throws {
        final class FailingSink: SnapshotSink {
            func begin(info: SnapshotInfo, stages: [Stage]) throws {}
            func add(_ customer: Customer) throws {}
            func add(_ touchpoint: Touchpoint) throws { throw OperationError("disk full") }
            func add(_ transition: Transition) throws {}
            func finish() throws {}
        }
        let path = try SQLiteFixtures.directory() + "/src.sqlite"
        try SQLiteFixtures.write(to: path)
        let error = try #require(throws: OperationError.self) { try SQLiteSnapshotStore(path: path).export(to: FailingSink()) }
        #expect(error.message == "disk full")
    }

    @Test func aFailedWriterLeavesNothingBehind() throws {
        let dir = try SQLiteFixtures.directory()
        let writer = try SQLiteSnapshotWriter(path: dir + "/dup.sqlite")
        try writer.begin(info: SnapshotInfo(asOf: Timestamp(microseconds: 0)), stages: SQLiteFixtures.stages)
        try writer.add(SQLiteFixtures.customers[0])
        #expect(throws: OperationError.self) { try writer.add(SQLiteFixtures.customers[0]) }
        #expect(throws: OperationError.self) { try writer.finish() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == [])
    }

    @Test func anAbandonedWriterLeavesNothingBehind() throws {
        let dir = try SQLiteFixtures.directory()
        do {
            let writer = try SQLiteSnapshotWriter(path: dir + "/gone.sqlite")
            try writer.begin(info: SnapshotInfo(asOf: Timestamp(microseconds: 0)), stages: SQLiteFixtures.stages)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == [])
    }
}
