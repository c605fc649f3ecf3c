import Foundation
import Testing
@testable import LifecycleKit

/// Counts what it receives and keeps nothing, to time the generator alone.
final class GeneratorDiscardingSink: SnapshotSink {
    var customers = 0, touchpoints = 0, transitions = 0, purchases = 0
    var stageCounts: [String: Int] = [:]
    var utf8Bytes = 0

    func begin(info: SnapshotInfo, stages: [Stage]) throws {}
    func add(_ customer: Customer) throws {
        customers += 1
        stageCounts[customer.stage, default: 0] += 1
        utf8Bytes += customer.name.utf8.count
    }
    func add(_ touchpoint: Touchpoint) throws {
        touchpoints += 1
        if touchpoint.value != nil { purchases += 1 }
    }
    func add(_ transition: Transition) throws { transitions += 1 }
    func finish() throws {}
}

/// Run with `CLC_GENERATOR_BENCHMARK=1 swift test -c release -Xswiftc -enable-testing --filter GeneratorBenchmark`.
@Suite struct GeneratorBenchmarkTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CLC_GENERATOR_BENCHMARK"] != nil))
    func oneMillionCustomers() throws {
        let sink = GeneratorDiscardingSink()
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            try SnapshotGenerator(customers: 1_000_000, touchpointsPerCustomer: 10, seed: 1).generate(into: sink)
        }
        print("generated \(sink.customers) customers, \(sink.touchpoints) touchpoints, \(sink.transitions) transitions in \(elapsed)")
        print("stages: \(GeneratorFixture.stageOrder.map { "\($0)=\(sink.stageCounts[$0, default: 0])" }.joined(separator: " ")); purchases \(sink.purchases)")
        #expect(sink.customers == 1_000_000)
        #expect(sink.touchpoints > 9_000_000 && sink.touchpoints < 11_000_000)
        #expect(elapsed < .seconds(60))
    }
}
