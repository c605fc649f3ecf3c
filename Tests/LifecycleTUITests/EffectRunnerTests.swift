import Foundation
import Testing
@testable import LifecycleKit
@testable import LifecycleTUI

/// The threaded runner: store work off the calling thread, in order, results as events,
/// progress for work over 150 ms, cancellation.
@Suite struct EffectRunnerTests {
    static func issued(_ id: RequestID, slot: String, _ work: @escaping @Sendable (EffectEnvironment) throws -> any Sendable) -> IssuedEffect {
        IssuedEffect(id: id, effect: Effect(slot: slot, label: Message(.stText, .text(slot)), work: work), token: CancellationToken())
    }

    /// Collects events until `count` results are in (or 5 s pass).
    static func results(_ runner: ThreadedEffectRunner, count: Int) -> (done: [RequestID: Result<EffectValue, EffectFailure>], progress: [Int]) {
        var done: [RequestID: Result<EffectValue, EffectFailure>] = [:], progress: [Int] = []
        let deadline = Date().addingTimeInterval(5)
        while done.count < count, Date() < deadline {
            for e in runner.events() {
                switch e {
                case .effectDone(let id, let r): done[id] = r
                case .progress(_, let n): progress.append(n)
                default: break
                }
            }
            usleep(10_000)
        }
        return (done, progress)
    }

    @Test func workRunsOffTheCallingThreadInOrderAndReportsProgress() throws {
        let store = try TUITest.store()
        let runner = ThreadedEffectRunner(store: store)
        let caller = ObjectIdentifier(Thread.current)
        let slow = Self.issued(1, slot: "slow") { env in
            env.token.report(7)
            Thread.sleep(forTimeInterval: 0.4)
            return ObjectIdentifier(Thread.current) != caller
        }
        let counts = Self.issued(2, slot: "counts") { env in try env.store.stageCounts() }
        let start = Date()
        runner.submit(slow)
        runner.submit(counts)
        #expect(Date().timeIntervalSince(start) < 0.05)       // submitting never waits
        let (done, progress) = Self.results(runner, count: 2)
        guard case .success(let offThread)? = done[1], case .success(let c)? = done[2] else {
            Issue.record("missing results: \(done)")
            return
        }
        #expect(offThread.value as? Bool == true)
        #expect(c.value as? [Int] == [2, 2, 2, 0, 0])
        #expect(progress.contains(7))                         // the slow one said how far it got
    }

    @Test func aCancelledRequestAnswersWithoutRunning() throws {
        let runner = ThreadedEffectRunner(store: try TUITest.store())
        let blocker = Self.issued(1, slot: "a") { _ in Thread.sleep(forTimeInterval: 0.2); return 0 }
        let ran = CancellationToken()
        let cancelled = Self.issued(2, slot: "b") { _ in ran.report(1); return 0 }
        runner.submit(blocker)
        runner.submit(cancelled)
        cancelled.token.cancel()
        let (done, _) = Self.results(runner, count: 2)
        guard case .failure(let f)? = done[2] else { Issue.record("no answer: \(done)"); return }
        #expect(f.cancelled)
        #expect(ran.progress == 0)
        runner.finish(timeout: 1)
        #expect(!runner.isBusy)
    }
}
