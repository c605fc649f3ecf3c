import Foundation
import Testing
@testable import LifecycleKit
@testable import LifecycleTUI

/// Update never waits for the store: with a store that sleeps 200 ms per call, every key
/// gets its frame at once, the results arrive as events (stepped here, deterministically),
/// and the screen is then what it would have been with a fast store.
@Suite struct EffectTests {
    /// A dashboard on a slow copy of the CDNOW fixture, its effects held by a stepped runner.
    struct Slow {
        var d: Dashboard
        let runner: SteppedEffectRunner
        let store: DelayingStore
        let dir: URL

        init(delay: TimeInterval = 0.2) throws {
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("clc-effects-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let path = dir.appendingPathComponent("cdnow.json").path
            try FileManager.default.copyItem(atPath: TUITest.fixtures.appendingPathComponent("cdnow-like.json").path, toPath: path)
            store = DelayingStore(wrapping: try JSONSnapshotStore(path: path), delay: delay)
            d = try Dashboard(store: store, width: 80, height: 24, fileLabel: "cdnow-like.json", user: "tester",
                              stageCounts: try store.base.stageCounts(), clock: { DashboardMoveTests.now })
            d.handle(.reportReady(try store.base.funnelReport()))
            TUITest.loadValues(&d)
            runner = SteppedEffectRunner(store: store)
        }

        /// Sends `event` and hands its effects to the runner (not run until stepped).
        mutating func send(_ event: Event) {
            for issued in d.update(event) { runner.submit(issued) }
        }

        /// Runs every queued effect and feeds its result back, until nothing is left.
        mutating func settle() {
            while runner.step() {
                for e in runner.events() { send(e) }
            }
        }
    }

    @Test func everyKeyGetsItsFrameAtOnceAndTheScreenIsRightOnceTheResultsArrive() throws {
        var slow = try Slow()
        defer { try? FileManager.default.removeItem(at: slow.dir) }
        var fast = try TUITest.cdnowDashboard()
        let keys = "jj<Enter>jjs/a<Bksp>m<Enter>n*<Tab>f<Enter><Enter><Esc>"
        var slowest = 0.0
        for key in TUITest.keys(keys) {
            let calls = slow.store.calls
            slowest = max(slowest, Self.time(.key(key), on: slow.d))
            slow.send(.key(key))
            #expect(slow.store.calls == calls, "update called the store on \(key)")
            slow.settle()
            fast.handle(.key(key))
            #expect(RootView.render(slow.d.state).text == RootView.render(fast.state).text, "after \(key.label)")
        }
        #expect(slowest < 0.016, "slowest key: \(slowest * 1000) ms")
        #expect(slow.store.calls > 10)   // the work was done, by the runner
    }

    /// Seconds that update and render of `event` take: the best of five tries on copies of
    /// `d` (the machine is shared; a dashboard is a value). Only with nothing in flight: a
    /// copy shares the cancellation tokens of the requests pending.
    static func time(_ event: Event, on d: Dashboard) -> Double {
        (0..<5).map { _ in
            var copy = d
            let start = DispatchTime.now().uptimeNanoseconds
            _ = copy.update(event)
            _ = RootView.render(copy.state)
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }.min()!
    }

    @Test func aListShowsAtOnceAndItsRowsWhenTheyArrive() throws {
        var slow = try Slow()
        defer { try? FileManager.default.removeItem(at: slow.dir) }
        #expect(Self.time(.key(.enter), on: slow.d) < 0.016)
        slow.send(.key(.enter))
        let before = RootView.render(slow.d.state).text
        #expect(before.contains("Conversion") && before.contains("counting customers…"))
        slow.settle()
        let after = RootView.render(slow.d.state).text
        #expect(!after.contains("counting customers…") && after.contains("1 of "))
    }

    @Test func aResultForARequestNoLongerCurrentIsDropped() throws {
        var slow = try Slow(delay: 0)
        defer { try? FileManager.default.removeItem(at: slow.dir) }
        slow.send(.key(.enter))
        slow.settle()
        slow.send(.key(.char("/")))
        let first = slow.d.update(.key(.char("z")))     // no match
        let second = slow.d.update(.key(.backspace))    // nothing to search
        #expect(first.count == 1 && second.isEmpty)
        slow.send(.key(.char("7")))                 // supersedes "z": a match below the first row
        let third = slow.runner.queued
        #expect(first[0].token.isCancelled)
        // The old search answers last: it is dropped, the cursor stays on the current match.
        for issued in third { slow.send(issued.run(store: slow.store)) }
        let cursor = DashboardUpdateTests.list(slow.d)?.cursor
        // Its real answer ("no match"), as if it had been running when it was superseded.
        let stale = IssuedEffect(id: first[0].id, effect: first[0].effect, token: CancellationToken()).run(store: slow.store)
        guard case .effectDone(_, .success) = stale else { Issue.record("the old search did not answer"); return }
        slow.send(stale)
        #expect(slow.d.state.status == nil)             // not "no match for “z”"
        #expect(cursor != 0 && DashboardUpdateTests.list(slow.d)?.cursor == cursor)
    }

    @Test func longWorkShowsProgressAndEscCancelsIt() throws {
        var slow = try Slow()
        defer { try? FileManager.default.removeItem(at: slow.dir) }
        slow.send(.key(.enter))
        slow.settle()
        #expect(Self.time(.key(.char("*")), on: slow.d) < 0.016)
        slow.send(.key(.char("*")))
        let markAll = try #require(slow.runner.queued.first)
        slow.send(.progress(markAll.id, 2))
        let bar = RootView.render(slow.d.state).lines.last ?? ""
        #expect(bar.contains("marking 6 customers… 2 · Esc cancels"), "\(bar)")
        slow.send(.key(.char("j")))                 // keys still work meanwhile
        #expect(DashboardUpdateTests.list(slow.d)?.cursor == 1)
        slow.send(.key(.escape))
        #expect(markAll.token.isCancelled)
        #expect(slow.d.state.status?.text == "cancelled: marking 6 customers")
        #expect(slow.d.state.depth == 2)                // Esc cancelled, it did not go back
        slow.settle()
        #expect(DashboardUpdateTests.list(slow.d)?.marked.isEmpty == true)
    }

    @Test func markingEveryCustomerStopsBetweenChunksOnceCancelled() throws {
        let store = DelayingStore(wrapping: try TUITest.store(), delay: 0)
        let token = CancellationToken()
        store.onCall = { n in if n == 1 { token.cancel() } }
        let q = StageListState.Query(stage: "awareness", filter: .none, sort: CustomerSort(.name))
        #expect(throws: CancellationError.self) {
            _ = try StageListLoading.markAll(q, total: 2, chunk: 1, env: EffectEnvironment(store: store, token: token))
        }
        #expect(store.calls == 1 && token.progress == 1)
    }

    @Test func aMoveIsDurableBeforeItIsReportedAndAnotherWaitsForIt() throws {
        var slow = try Slow()
        defer { try? FileManager.default.removeItem(at: slow.dir) }
        slow.send(.key(.enter))
        slow.settle()
        for key in TUITest.keys("m3<Enter>") { slow.send(.key(key)) }
        #expect(Self.time(.key(.enter), on: slow.d) < 0.016)
        slow.send(.key(.enter))                      // the note: Enter moves
        #expect(slow.d.state.status == nil)              // not said before it is done
        slow.send(.key(.char("j")))                  // navigation goes on
        #expect(DashboardUpdateTests.list(slow.d)?.cursor == 1)
        slow.send(.progress(try #require(slow.runner.queued.first).id, 0))
        slow.send(.key(.char("u")))
        #expect(slow.d.state.status?.text == "a change is still being written: try again in a moment")
        let bar = RootView.render(slow.d.state).lines.last ?? ""
        #expect(bar.contains("moving 1 customer…  a change is still being written"), "\(bar)")
        slow.settle()
        #expect(slow.d.state.status?.text.hasPrefix("Moved ") == true)
        #expect(try slow.store.base.stageCounts() == slow.d.state.funnel.counts)
    }
}
