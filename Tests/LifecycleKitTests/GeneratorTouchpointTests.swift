import Testing
@testable import LifecycleKit

@Suite struct GeneratorTouchpointTests {
    let s = GeneratorFixture.standard

    /// The stage a customer with a history was in at `at`.
    func stage(at: Timestamp, in chain: [Transition]) -> String? {
        chain.last { $0.at <= at }?.to
    }

    @Test func touchpointsReferenceCustomersAndFollowTheirJourney() throws {
        let customers = Dictionary(uniqueKeysWithValues: s.customers.map { ($0.id, $0) })
        var previous: Touchpoint?
        for t in s.touchpoints {
            let c = try #require(customers[t.customerID])
            if let createdAt = c.createdAt { #expect(t.at >= createdAt) }
            if let p = previous, p.customerID == t.customerID { #expect(p.at <= t.at) }
            previous = t
        }
        // Touchpoints of one customer come together, in order.
        var seen: Set<String> = []
        var last = ""
        for t in s.touchpoints where t.customerID != last {
            #expect(!seen.contains(t.customerID))
            seen.insert(t.customerID)
            last = t.customerID
        }
    }

    @Test func channelsAndTypesAreWellKnown() {
        let channels = Set(SnapshotFormat.channels)
        let types = Set(SnapshotFormat.touchpointTypes)
        #expect(s.touchpoints.allSatisfy { channels.contains($0.channel) && types.contains($0.type) })
        #expect(Set(s.touchpoints.map(\.channel)).count >= 9)
        #expect(Set(s.touchpoints.map(\.type)) == types)
    }

    @Test func purchasesCarryPositiveTwoDecimalValues() throws {
        let purchases = s.touchpoints.filter { $0.type == "purchase" }
        #expect(purchases.count > 100)
        for p in purchases {
            let value = try #require(p.value)
            #expect(value >= 9.90 && value <= 499.00)
            #expect(abs((value * 100).rounded() - value * 100) < 1e-6)
        }
        #expect(s.touchpoints.filter { $0.type != "purchase" }.allSatisfy { $0.value == nil })
        #expect(purchases.contains { $0.note?.hasPrefix("Order ") == true })
    }

    @Test func touchpointsMatchTheStageAtTheTime() {
        let chains = Dictionary(grouping: s.transitions, by: \.customerID)
        let afterConversion: Set<String> = ["conversion", "retention", "reengagement", "loyalty"]
        var checkedPurchases = 0
        var checkedWinbacks = 0
        for t in s.touchpoints {
            guard let chain = chains[t.customerID], let stage = stage(at: t.at, in: chain) else { continue }
            switch t.type {
            case "purchase":
                #expect(afterConversion.contains(stage))
                checkedPurchases += 1
            case "signup":
                #expect(stage == "acquisition")
            case "referral":
                #expect(stage == "loyalty")
            default:
                break
            }
            if t.campaign?.hasPrefix("winback-") == true {
                // In re-engagement, or the order that ended it.
                let ended = chain.contains { $0.from == "reengagement" && $0.at == t.at }
                #expect(stage == "reengagement" || ended)
                checkedWinbacks += 1
            }
        }
        #expect(checkedPurchases > 100)
        #expect(checkedWinbacks > 20)
    }

    @Test func campaignsAndNotes() {
        let campaigns = Set(s.touchpoints.compactMap(\.campaign))
        #expect(campaigns.contains("spring-sale"))
        #expect(campaigns.contains("black-friday"))
        #expect(campaigns.contains { $0.hasPrefix("newsletter-20") })
        #expect(campaigns.contains { $0.hasPrefix("winback-q") })
        #expect(s.touchpoints.contains { $0.campaign == nil })
        #expect(s.touchpoints.contains { $0.note != nil && $0.type == "support_ticket" })
    }
}
