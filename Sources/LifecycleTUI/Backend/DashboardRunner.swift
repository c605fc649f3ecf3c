import Foundation
import LifecycleKit

/// The loop: read a key, resize or click → event → update → effects to the runner → their
/// results as events → update → view → grid → flush. Update never waits for the store, so
/// every key gets its frame at once; results arrive when they are ready.
public final class DashboardRunner {
    public private(set) var dashboard: Dashboard
    private let terminal: Terminal
    private let effects: EffectRunner
    private let indexer = ListIndexer()

    public init(dashboard: Dashboard, terminal: Terminal, effects: EffectRunner? = nil) {
        self.dashboard = dashboard
        self.terminal = terminal
        self.effects = effects ?? ThreadedEffectRunner(store: dashboard.store)
    }

    /// Runs until the user quits or `shouldStop` (polled between events) says so;
    /// `exitAfterFirstFrame` returns right after drawing the first frame (for the benchmark).
    public func run(computeFiguresInBackground: Bool = true, exitAfterFirstFrame: Bool = false,
                    shouldStop: () -> Bool = { false }) {
        // The store outlives the loop only for the caller to close: nothing of ours may hold it then.
        defer { effects.finish(timeout: 5) }
        if computeFiguresInBackground {
            startFigures()
            if let issued = dashboard.requestValues() { effects.submit(issued) }
        }
        send(.resize(width: terminal.width, height: terminal.height))
        while !dashboard.state.shouldQuit && !shouldStop() {
            terminal.draw(RootView.render(dashboard.state))
            if exitAfterFirstFrame { return }
            // While work runs, look for its results (and progress) often.
            let event = terminal.nextEvent(timeoutMilliseconds: effects.isBusy ? 30 : 100) ?? .tick
            for e in effects.events() { send(e) }
            send(event)
            let indexing = indexer.isSlow
            if indexing != dashboard.state.indexing { send(.indexing(indexing)) }
            if dashboard.state.figuresStale {
                if computeFiguresInBackground { startFigures() } else { dashboard.figuresRequested() }
            }
        }
    }

    private func send(_ event: Event) {
        for issued in dashboard.update(event) { effects.submit(issued) }
    }

    /// The figures on a thread of their own, and the list index when the store has one to build.
    private func startFigures() {
        if let issued = dashboard.requestFigures() { effects.submit(issued) }
        indexer.start(dashboard.store)
    }

    /// Why the figures are missing, in one line: a file with rows `validate` refuses gets
    /// no figures from them, and the count and first of its errors.
    static func figuresFailure(_ error: Error) -> String {
        guard let error = error as? SnapshotError, let first = error.problems.errors.first, !first.place.isEmpty else {
            return "\(error)"
        }
        let n = error.problems.errorCount
        return "\(NumberText.grouped(n)) error\(n == 1 ? "" : "s") in this file (clc validate lists them), e.g. \(first)"
    }

    /// Prepares the store's list index on a background thread (`SnapshotStore.prepareListIndex`),
    /// again after a change interrupted it. Until it is ready lists come from the store's
    /// slower path; keys work meanwhile.
    final class ListIndexer: @unchecked Sendable {
        private let lock = NSLock()
        private var running = false
        private var started = Date()

        /// Running for more than a moment (a build, not a read from the side cache).
        var isSlow: Bool { lock.withLock { running && Date().timeIntervalSince(started) > 0.3 } }

        /// Starts preparing unless a preparation is running already.
        func start(_ store: any SnapshotStore) {
            let idle = lock.withLock {
                if running { return false }
                (running, started) = (true, Date())
                return true
            }
            guard idle else { return }
            BackgroundThread.start { [self] in
                // A change interrupts a preparation; the newest state of the file is prepared.
                while (try? store.prepareListIndex()) == .interrupted { usleep(20_000) }
                lock.withLock { running = false }
            }
        }
    }
}
