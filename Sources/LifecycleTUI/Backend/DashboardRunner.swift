import Foundation
import LifecycleKit

/// The loop: draw the state, wait for an event, update. Full-scan figures are computed on a
/// background thread and arrive as an event, so keys work meanwhile.
public final class DashboardRunner {
    public private(set) var dashboard: Dashboard
    private let terminal: Terminal
    private let mailbox = Mailbox()
    private var generation = 0
    private let indexer = ListIndexer()

    public init(dashboard: Dashboard, terminal: Terminal) {
        self.dashboard = dashboard
        self.terminal = terminal
    }

    /// Runs until the user quits or `shouldStop` (polled between events) says so;
    /// `exitAfterFirstFrame` returns right after drawing the first frame (for the benchmark).
    public func run(computeFiguresInBackground: Bool = true, exitAfterFirstFrame: Bool = false,
                    shouldStop: () -> Bool = { false }) {
        if computeFiguresInBackground { startReport(); indexer.start(dashboard.store) }
        dashboard.handle(.resize(width: terminal.width, height: terminal.height))
        while !dashboard.state.shouldQuit && !shouldStop() {
            terminal.draw(RootView.render(dashboard.state))
            if exitAfterFirstFrame { return }
            let event = terminal.nextEvent(timeoutMilliseconds: 100) ?? .tick
            // Results of superseded computations (started before a change) are dropped.
            for (e, from) in mailbox.drain() where from == generation { dashboard.handle(e) }
            dashboard.handle(event)
            let indexing = indexer.isSlow
            if indexing != dashboard.state.indexing { dashboard.handle(.indexing(indexing)) }
            if dashboard.state.figuresStale {
                dashboard.figuresRequested()
                if computeFiguresInBackground { startReport(); indexer.start(dashboard.store) }
            }
        }
    }

    /// Computes the figures on a background thread. A change starts a newer computation
    /// (and may interrupt the running one); only the newest one's result is used.
    private func startReport() {
        let store = dashboard.store
        let mailbox = self.mailbox
        generation += 1
        let mine = generation
        BackgroundThread.start {
            do {
                mailbox.post(.reportReady(try store.funnelReport()), generation: mine)
            } catch {
                mailbox.post(.reportFailed(Self.figuresFailure(error)), generation: mine)
            }
        }
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

    /// Events posted from other threads, picked up by the loop.
    final class Mailbox: @unchecked Sendable {
        private let lock = NSLock()
        private var events: [(Event, Int)] = []

        func post(_ e: Event, generation: Int) { lock.lock(); events.append((e, generation)); lock.unlock() }

        func drain() -> [(Event, Int)] {
            lock.lock()
            defer { lock.unlock() }
            let out = events
            events.removeAll()
            return out
        }
    }
}
