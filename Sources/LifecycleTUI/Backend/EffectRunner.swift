import Foundation
import LifecycleKit

/// Runs the effects update returns, off the input thread, and hands their results back as
/// events. Store calls go to one worker thread in order (the stores allow one caller at a
/// time besides their own background passes); an effect of lane `.ownThread` (the funnel
/// figures) gets a thread of its own so pages and searches never wait for it.
public protocol EffectRunner: AnyObject {
    func submit(_ issued: IssuedEffect)
    /// Finished results, and `.progress` for work running longer than `progressAfter`.
    func events() -> [Event]
    /// Something is queued or running (the loop then polls more often).
    var isBusy: Bool { get }
    /// Cancels what is queued or running and waits (up to `timeout` seconds) until the
    /// store is no longer in use by the runner: call before the store is closed.
    func finish(timeout: TimeInterval)
}

/// The real runner: a worker thread with a queue.
public final class ThreadedEffectRunner: EffectRunner, @unchecked Sendable {
    /// Work running longer than this shows its progress.
    public static let progressAfter: TimeInterval = 0.15
    private let store: any SnapshotStore
    private let lock = NSCondition()
    private var queue: [IssuedEffect] = []
    private var finished: [Event] = []
    private var running: [RequestID: (started: Date, token: CancellationToken)] = [:]
    private var started = false
    /// The worker is running an effect (passes on their own threads are not waited for).
    private var working = false

    public init(store: any SnapshotStore) { self.store = store }

    public func submit(_ issued: IssuedEffect) {
        if issued.effect.lane == .ownThread {
            lock.withLock { running[issued.id] = (Date(), issued.token) }
            BackgroundThread.start { [self] in finish(issued, issued.run(store: store)) }
            return
        }
        lock.lock()
        queue.append(issued)
        if !started {
            started = true
            BackgroundThread.start(priority: .interactive) { [self] in work() }
        }
        lock.signal()
        lock.unlock()
    }

    private func work() {
        while true {
            lock.lock()
            while queue.isEmpty { lock.wait() }
            let next = queue.removeFirst()
            running[next.id] = (Date(), next.token)
            working = true
            lock.unlock()
            finish(next, next.run(store: store))
            lock.withLock { working = false }
        }
    }

    private func finish(_ issued: IssuedEffect, _ event: Event) {
        lock.withLock {
            running[issued.id] = nil
            finished.append(event)
        }
    }

    public func events() -> [Event] {
        lock.withLock {
            let now = Date()
            let slow = running.filter { now.timeIntervalSince($0.value.started) > Self.progressAfter }
                .map { Event.progress($0.key, $0.value.token.progress) }
            let out = finished + slow
            finished.removeAll()
            return out
        }
    }

    public var isBusy: Bool { lock.withLock { !queue.isEmpty || !running.isEmpty || !finished.isEmpty } }

    public func finish(timeout: TimeInterval) {
        let deadline = Date().addingTimeInterval(timeout)
        lock.withLock { for (_, r) in running { r.token.cancel() } }
        lock.withLock { queue.removeAll() }
        while lock.withLock({ working }), Date() < deadline { usleep(5_000) }
    }
}

/// A runner for tests: effects wait until the test steps them, one at a time, on the test's
/// thread; nothing runs by itself.
public final class SteppedEffectRunner: EffectRunner {
    private let store: any SnapshotStore
    public private(set) var queued: [IssuedEffect] = []
    private var finished: [Event] = []

    public init(store: any SnapshotStore) { self.store = store }

    public func submit(_ issued: IssuedEffect) { queued.append(issued) }

    /// Runs the oldest queued effect; false when none is queued.
    @discardableResult
    public func step() -> Bool {
        guard !queued.isEmpty else { return false }
        let next = queued.removeFirst()
        finished.append(next.run(store: store))
        return true
    }

    public func events() -> [Event] {
        defer { finished.removeAll() }
        return finished
    }

    public var isBusy: Bool { !queued.isEmpty || !finished.isEmpty }

    public func finish(timeout: TimeInterval) { queued.removeAll() }
}
