import Testing
@testable import LifecycleKit

@Suite struct GeneratorJourneyTests {
    let s = GeneratorFixture.standard

    var transitionsByCustomer: [String: [Transition]] {
        Dictionary(grouping: s.transitions, by: \.customerID)
    }

    @Test func everyTransitionChainIsConsistent() throws {
        let byCustomer = transitionsByCustomer
        let customerIDs = Set(s.customers.map(\.id))
        #expect(Set(byCustomer.keys).isSubset(of: customerIDs))
        for c in s.customers {
            guard let chain = byCustomer[c.id] else { continue }
            #expect(chain[0].from == nil)
            for (previous, next) in zip(chain, chain.dropFirst()) {
                #expect(next.from == previous.to)
                #expect(next.at > previous.at)
                #expect(next.from != next.to)
            }
            #expect(chain.last?.to == c.stage)
            #expect(c.stageEnteredAt == chain.last?.at)
            #expect(c.createdAt == chain[0].at)
            #expect(chain.allSatisfy { !$0.by.isEmpty })
        }
    }

    @Test func aboutOnePercentHaveNoHistoryAndSomeNoStageEnteredAt() {
        let withHistory = Set(s.transitions.map(\.customerID))
        let without = s.customers.filter { !withHistory.contains($0.id) }
        #expect(without.count >= 5)
        #expect(without.count <= 60)
        let noEnteredAt = s.customers.filter { $0.stageEnteredAt == nil }
        #expect(noEnteredAt.count >= 1)
        #expect(noEnteredAt.allSatisfy { !withHistory.contains($0.id) })
    }

    @Test func stageIDsAreValid() {
        let ids = Set(GeneratorFixture.stageOrder)
        #expect(s.customers.allSatisfy { ids.contains($0.stage) })
        #expect(s.transitions.allSatisfy { ids.contains($0.to) && ($0.from.map(ids.contains) ?? true) })
    }

    @Test func journeysSkipGoBackLapseAndReturn() {
        func count(_ from: String, _ to: String) -> Int {
            s.transitions.filter { $0.from == from && $0.to == to }.count
        }
        #expect(count("awareness", "conversion") > 0)      // skip
        #expect(count("conversion", "acquisition") > 0)    // backwards
        #expect(count("loyalty", "retention") > 0)         // backwards
        #expect(count("retention", "reengagement") > 0)    // lapsing
        #expect(count("reengagement", "retention") > 0)    // returning
        #expect(Set(s.transitions.map(\.by)).isSuperset(of: ["import", "crm-sync", "automation"]))
        #expect(s.transitions.contains { $0.by.contains(".") })  // a person, e.g. anna.k
        #expect(s.transitions.contains { $0.note != nil })
        #expect(s.transitions.contains { $0.note == nil })
    }

    @Test func funnelShape() {
        var counts: [String: Int] = [:]
        for c in s.customers { counts[c.stage, default: 0] += 1 }
        let early = counts["awareness", default: 0] + counts["acquisition", default: 0]
        #expect(early > s.customers.count / 2)
        #expect(counts["awareness", default: 0] > counts["conversion", default: 0])
        #expect(counts["acquisition", default: 0] > counts["loyalty", default: 0])
        #expect(GeneratorFixture.stageOrder.allSatisfy { counts[$0, default: 0] > 0 })
    }

    @Test func allTimestampsWithinTwoYearsBeforeAsOf() throws {
        let asOf = SnapshotGenerator.defaultAsOf
        let earliest = asOf.adding(seconds: -731 * 86_400)
        for c in s.customers {
            if let t = c.createdAt { #expect(t >= earliest && t <= asOf) }
            if let t = c.stageEnteredAt { #expect(t >= earliest && t <= asOf) }
        }
        #expect(s.transitions.allSatisfy { $0.at >= earliest && $0.at <= asOf })
        #expect(s.touchpoints.allSatisfy { $0.at >= earliest && $0.at <= asOf })
    }
}
