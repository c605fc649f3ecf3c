import Foundation
import GRDB

/// The connections of full scans running in the background, so that a stage change can
/// interrupt them: their read lock would block its commit. An interrupted scan fails, and
/// the figures are recomputed after the change anyway.
final class BackgroundScans: @unchecked Sendable {
    private let lock = NSLock()
    private var running: [Int: DatabaseQueue] = [:]
    private var next = 0

    func register(_ queue: DatabaseQueue) -> Int {
        lock.lock()
        defer { lock.unlock() }
        next += 1
        running[next] = queue
        return next
    }

    func unregister(_ token: Int) {
        lock.lock()
        running[token] = nil
        lock.unlock()
    }

    func interruptAll() {
        lock.lock()
        let queues = Array(running.values)
        lock.unlock()
        for q in queues { q.interrupt() }
    }
}
