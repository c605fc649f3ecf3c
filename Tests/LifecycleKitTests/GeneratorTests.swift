import Testing
@testable import LifecycleKit

/// Generated data shared by the generator tests.
enum GeneratorFixture {
    static func generate(customers: Int, touchpointsPerCustomer: Int = 10, seed: UInt64 = 1) throws -> CollectingSink {
        let sink = CollectingSink()
        try SnapshotGenerator(customers: customers, touchpointsPerCustomer: touchpointsPerCustomer, seed: seed)
            .generate(into: sink)
        return sink
    }

    /// A 2,000-customer set shared by the tests that only read it.
    nonisolated(unsafe) static let standard: CollectingSink = try! generate(customers: 2_000, seed: 7)   // read only

    static let stageOrder = ["awareness", "acquisition", "conversion", "retention", "reengagement", "loyalty"]
}

@Suite struct GeneratorDeterminismTests {
    @Test func sameSeedGivesIdenticalRecords() throws {
        let a = try GeneratorFixture.generate(customers: 300, seed: 42)
        let b = try GeneratorFixture.generate(customers: 300, seed: 42)
        #expect(a.info == b.info)
        #expect(a.stages == b.stages)
        #expect(a.customers == b.customers)
        #expect(a.touchpoints == b.touchpoints)
        #expect(a.transitions == b.transitions)
    }

    @Test func differentSeedGivesDifferentRecords() throws {
        let a = try GeneratorFixture.generate(customers: 300, seed: 42)
        let b = try GeneratorFixture.generate(customers: 300, seed: 43)
        #expect(a.customers != b.customers)
        #expect(a.touchpoints != b.touchpoints)
        #expect(a.transitions != b.transitions)
        // Same ids, different content.
        #expect(a.customers.map(\.id) == b.customers.map(\.id))
    }

    @Test func randomStreamIsReproducibleAndInRange() {
        var a = GeneratorRandom(seed: 9)
        var b = GeneratorRandom(seed: 9)
        var c = GeneratorRandom(seed: 10)
        let first = (0..<100).map { _ in a.next() }
        #expect(first == (0..<100).map { _ in b.next() })
        #expect(first != (0..<100).map { _ in c.next() })
        for _ in 0..<10_000 {
            let n = a.below(7)
            #expect(n >= 0 && n < 7)
            let u = a.unit()
            #expect(u >= 0 && u < 1)
        }
    }
}

@Suite struct GeneratorShapeTests {
    @Test func writesInfoAndTheSixStages() throws {
        let s = try GeneratorFixture.generate(customers: 3)
        #expect(s.finished)
        #expect(s.info?.name == "Demo shop")
        #expect(s.info?.currency == "EUR")
        #expect(s.info?.declaredAsOf == Timestamp("2026-11-01T00:00:00Z"))
        #expect(s.info?.asOf == Timestamp("2026-11-01T00:00:00Z"))
        #expect(s.stages.map(\.id) == GeneratorFixture.stageOrder)
        #expect(s.stages.map(\.name) == ["Awareness", "Acquisition", "Conversion", "Retention", "Re-engagement", "Loyalty"])
        #expect(s.stages.allSatisfy { SnapshotFormat.isValidStageID($0.id) && $0.description?.isEmpty == false })
    }

    @Test func emptySnapshotStillBeginsAndFinishes() throws {
        let s = try GeneratorFixture.generate(customers: 0)
        #expect(s.info != nil)
        #expect(s.finished)
        #expect(s.customers.isEmpty && s.touchpoints.isEmpty && s.transitions.isEmpty)
    }

    @Test func negativeCountsAreRefused() {
        #expect(throws: OperationError.self) { try GeneratorFixture.generate(customers: -1) }
        #expect(throws: OperationError.self) { try GeneratorFixture.generate(customers: 5, touchpointsPerCustomer: -1) }
    }

    @Test func exactCustomerCountAndSequentialIDs() throws {
        let s = GeneratorFixture.standard
        #expect(s.customers.count == 2_000)
        #expect(s.customers.first?.id == "C-0000001")
        #expect(s.customers.last?.id == "C-0002000")
        #expect(s.touchpoints.first?.id == "T-00000001")
        #expect(s.touchpoints.last?.id == GeneratorDigits.id("T-", s.touchpoints.count, width: 8))
        #expect(Set(s.touchpoints.map(\.id)).count == s.touchpoints.count)
        #expect(s.customers.allSatisfy { SnapshotFormat.isValidIdentifier($0.id) })
    }

    @Test(arguments: [(2_000, 10), (1_000, 3), (500, 25)])
    func touchpointsAverageK(customers: Int, perCustomer: Int) throws {
        let s = try GeneratorFixture.generate(customers: customers, touchpointsPerCustomer: perCustomer, seed: 3)
        let expected = Double(customers * perCustomer)
        #expect(Double(s.touchpoints.count) > expected * 0.9)
        #expect(Double(s.touchpoints.count) < expected * 1.1)
        // Counts vary per customer.
        var perCustomerCounts: [String: Int] = [:]
        for t in s.touchpoints { perCustomerCounts[t.customerID, default: 0] += 1 }
        #expect(Set(perCustomerCounts.values).count > 3)
    }

    @Test func zeroTouchpointsPerCustomerGivesNone() throws {
        let s = try GeneratorFixture.generate(customers: 200, touchpointsPerCustomer: 0)
        #expect(s.customers.count == 200)
        #expect(s.touchpoints.isEmpty)
        #expect(!s.transitions.isEmpty)
    }

    @Test func idDigits() {
        #expect(GeneratorDigits.id("C-", 42, width: 7) == "C-0000042")
        #expect(GeneratorDigits.id("C-", 0, width: 7) == "C-0000000")
        #expect(GeneratorDigits.id("T-", 123_456_789, width: 8) == "T-123456789")
        var bytes: [UInt8] = []
        GeneratorDigits.append(10_305, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "10305")
    }

    @Test func campaignCalendar() throws {
        let asOf = SnapshotGenerator.defaultAsOf.microseconds / 1_000_000
        let c = DemoCampaigns(start: asOf - 730 * 86_400, end: asOf)
        let march = try #require(Timestamp("2026-03-15T12:00:00Z")).microseconds / 1_000_000
        let august = try #require(Timestamp("2026-08-01T00:00:00Z")).microseconds / 1_000_000
        let november = try #require(Timestamp("2025-11-28T09:00:00Z")).microseconds / 1_000_000
        #expect(c.newsletter(at: march) == "newsletter-2026-03")
        #expect(c.seasonal(at: march) == "spring-sale")
        #expect(c.winback(at: august) == "winback-q3")
        #expect(c.seasonal(at: november) == "black-friday")
        #expect(c.newsletter(at: november) == "newsletter-2025-11")
    }
}
