import Foundation
import LifecycleKit

/// The loop: draw the state, wait for an event, update. Full-scan figures are computed on a
/// background thread and arrive as an event, so keys work meanwhile.
public final class DashboardRunner {
    public private(set) var dashboard: Dashboard
    private let terminal: Terminal
    private let mailbox = Mailbox()
    private var generation = 0

    public init(dashboard: Dashboard, terminal: Terminal) {
        self.dashboard = dashboard
        self.terminal = terminal
    }

    /// Runs until the user quits or `shouldStop` (polled between events) says so.
    public func run(computeFiguresInBackground: Bool = true, shouldStop: () -> Bool = { false }) {
        if computeFiguresInBackground { startReport() }
        dashboard.handle(.resize(width: terminal.width, height: terminal.height))
        while !dashboard.state.shouldQuit && !shouldStop() {
            terminal.draw(RootView.render(dashboard.state))
            let event = terminal.nextEvent(timeoutMilliseconds: 100) ?? .tick
            // Results of superseded computations (started before a change) are dropped.
            for (e, from) in mailbox.drain() where from == generation { dashboard.handle(e) }
            dashboard.handle(event)
            if dashboard.state.figuresStale {
                dashboard.figuresRequested()
                if computeFiguresInBackground { startReport() }
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
        let thread = Thread {
            do {
                mailbox.post(.reportReady(try store.funnelReport()), generation: mine)
            } catch {
                mailbox.post(.reportFailed("\(error)"), generation: mine)
            }
        }
        thread.stackSize = 8 << 20
        thread.start()
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
