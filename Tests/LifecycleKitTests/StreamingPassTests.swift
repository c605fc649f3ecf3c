import Foundation
import Testing
@testable import LifecycleKit

/// The one streaming pass hands both stores' analyses the same customers, in id order, with
/// exactly what they asked for; several analyses share one pass.
@Suite(.serialized) struct StreamingPassTests {
    /// Keeps every record it is handed (a test analysis).
    struct Recorder: Analysis {
        var needs: JourneyNeeds
        var records: [CustomerRecord] = []
        mutating func add(_ customer: CustomerRecord) { records.append(customer) }
        func finish() -> [CustomerRecord] { records }
    }

    static func stores() throws -> [any SnapshotStore] {
        [try JSONSnapshotStore(path: StoreEquivalenceTests.files.json), try SQLiteSnapshotStore(path: StoreEquivalenceTests.files.sqlite)]
    }

    /// The parts of a record that can be compared (`CustomerRecord` is not Equatable on purpose).
    static func key(_ r: CustomerRecord) -> String {
        let entries = r.transitions.map { "\($0.stage)<\($0.from ?? -1)@\($0.at)#\($0.id ?? 0)^\($0.reverts ?? 0)" }
        let touches = r.touchpoints.map { "\($0.id)|\($0.at)|\($0.channel)|\($0.type)|\($0.campaign ?? "-")|\($0.value ?? -1)" }
        return "\(r.id) \(r.name) \(r.stage) \(r.stageEnteredAt?.iso8601 ?? "-") \(r.createdAt?.iso8601 ?? "-") \(entries) \(touches) \(NumberText.rounded6(r.revenue))"
    }

    @Test func bothStoresHandTheSameCustomers() throws {
        for needs: JourneyNeeds in [[], [.transitions], [.touchpoints, .revenue], [.purchases], [.transitions, .purchases, .revenue]] {
            let results = try Self.stores().map { try $0.run(Recorder(needs: needs)) }
            #expect(results[0].count == 600)
            #expect(results[0].map(Self.key) == results[1].map(Self.key), "\(needs)")
            #expect(results[0].map(\.id) == results[0].map(\.id).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        }
    }

    @Test func onlyWhatIsNeededIsRead() throws {
        for store in try Self.stores() {
            let bare = try store.run(Recorder(needs: []))
            #expect(bare.allSatisfy { $0.transitions.isEmpty && $0.touchpoints.isEmpty && $0.revenue == 0 })
            let purchases = try store.run(Recorder(needs: .purchases))
            #expect(purchases.contains { !$0.touchpoints.isEmpty })
            #expect(purchases.allSatisfy { $0.touchpoints.allSatisfy { $0.type == "purchase" } })
        }
    }

    @Test func analysesShareOnePass() throws {
        for store in try Self.stores() {
            let done = try store.stream([FunnelAnalysis(stages: store.stages, asOf: store.info.asOf),
                                         PurchaseAnalysis(observationEnd: store.info.asOf)])
            let funnel = (done[0] as! FunnelAnalysis).finish()
            #expect(funnel.stages == (try store.run(FunnelAnalysis(stages: store.stages, asOf: store.info.asOf))).stages)
            let purchases = (done[1] as! PurchaseAnalysis).finish()
            #expect(purchases.ids.count == 600 && purchases.summaries.compactMap { $0 }.count > 0)
        }
    }
}
