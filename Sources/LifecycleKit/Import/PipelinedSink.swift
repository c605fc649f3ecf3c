import Foundation

/// Hands what it is given to another sink on a second thread, in batches, so that reading and
/// converting rows (the calling thread) overlap with writing them (the other). The other sink
/// gets exactly the same calls in the same order, one at a time; `finish` waits for the
/// writing thread and then finishes the other sink on the calling thread. A failure of the
/// other sink is thrown by the next call here.
final class PipelinedSink: SnapshotSink, @unchecked Sendable {
    private enum Call {
        case begin(SnapshotInfo, [Stage])
        case customer(Customer)
        case touchpoint(Touchpoint)
        case transition(Transition)
    }

    private let target: SnapshotSink
    private let batchSize: Int
    private let capacity: Int
    private var batch: [Call] = []
    /// Guards `queue`, `closed` and `failure`, shared with the writing thread.
    private let condition = NSCondition()
    private var queue: [[Call]] = []
    private var closed = false
    private var failure: Error?
    private let stopped = DispatchSemaphore(value: 0)
    private var running = true

    /// `batchSize` calls go over at a time; at most `capacity` batches wait.
    init(_ target: SnapshotSink, batchSize: Int = 2048, capacity: Int = 8) {
        self.target = target
        self.batchSize = batchSize
        self.capacity = capacity
        batch.reserveCapacity(batchSize)
        let thread = Thread { [self] in writeBatches() }
        thread.stackSize = 8 << 20
        thread.start()
    }

    func begin(info: SnapshotInfo, stages: [Stage]) throws { try put(.begin(info, stages)) }
    func add(_ customer: Customer) throws { try put(.customer(customer)) }
    func add(_ touchpoint: Touchpoint) throws { try put(.touchpoint(touchpoint)) }
    func add(_ transition: Transition) throws { try put(.transition(transition)) }

    func finish() throws {
        try send()
        if let failure = stop() { throw failure }
        try target.finish()
    }

    /// Stops the writing thread after what was handed over (without finishing the other sink,
    /// which then leaves nothing behind); the first failure of the other sink, if any.
    @discardableResult
    func stop() -> Error? {
        guard running else { return condition.withLock { failure } }
        running = false
        condition.withLock {
            closed = true
            condition.broadcast()
        }
        stopped.wait()
        return condition.withLock { failure }
    }

    private func put(_ call: Call) throws {
        batch.append(call)
        if batch.count >= batchSize { try send() }
    }

    /// Hands the current batch over, waiting while `capacity` batches are waiting.
    private func send() throws {
        guard !batch.isEmpty else { return }
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= capacity && failure == nil { condition.wait() }
        if let failure { throw failure }
        queue.append(batch)
        condition.broadcast()
        batch = []
        batch.reserveCapacity(batchSize)
    }

    /// The writing thread: passes each batch on, until stopped; after a failure it only
    /// drops what comes, so the calling thread never waits for it.
    private func writeBatches() {
        while let calls = nextBatch() {
            guard condition.withLock({ failure == nil }) else { continue }
            do {
                for call in calls { try pass(call) }
            } catch {
                condition.withLock {
                    failure = error
                    condition.broadcast()
                }
            }
        }
        stopped.signal()
    }

    private func nextBatch() -> [Call]? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !closed { condition.wait() }
        guard !queue.isEmpty else { return nil }
        condition.broadcast()
        return queue.removeFirst()
    }

    private func pass(_ call: Call) throws {
        switch call {
        case .begin(let info, let stages): try target.begin(info: info, stages: stages)
        case .customer(let c): try target.add(c)
        case .touchpoint(let t): try target.add(t)
        case .transition(let t): try target.add(t)
        }
    }
}
