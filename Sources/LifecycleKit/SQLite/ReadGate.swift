import Foundation
import GRDBSQLite

/// Makes this process let go of a snapshot's read lock now and then, so that another
/// program's write gets in (rollback-journal mode).
///
/// SQLite takes one lock per file and process: a connection that starts to read while
/// another connection of the process still reads joins the lock without asking for it again,
/// so a writer that waits (holding its PENDING lock) is not seen. Several passes at once
/// (the funnel figures, the panel's figures, the list index…), each in short chunks, kept
/// the lock for seconds without a gap, and `clc move` failed after its 2 s: measured with
/// `CLC_READ_LOG` ("overlapping reads"). Here every read is counted (a connection with an
/// active statement, or a read transaction); once the process has read without a gap for
/// `drainAfter`, a pass's connection (`yielding`) waits before its next read until no
/// read is left (at most `maxWait`; the other passes end their chunks early meanwhile), and
/// the lock is let go.
final class ReadGate: @unchecked Sendable {
    static let shared = ReadGate()
    /// Continuous reading after which pass connections wait for a gap.
    static let drainAfter: UInt64 = 250_000_000
    /// The longest a read waits for the gap (then it reads anyway: a read of its own thread
    /// elsewhere may be what keeps the count up).
    static let maxWait: TimeInterval = 0.5

    private let condition = NSCondition()
    /// Reads active in the process: connections with an active statement, read transactions.
    private var holders = 0
    private var occupiedSince: UInt64 = 0
    private var active: [OpaquePointer: Int] = [:]
    private var byThread: [UInt: Int] = [:]
    private var yielding: Set<OpaquePointer> = []
    /// A pass waits for the gap: the others end their chunks early (`ChunkClock.isOver`).
    private var waiting = 0

    /// A pass waits for the gap: a chunk being read should end now.
    var gapWanted: Bool { condition.withLock { waiting > 0 } }

    /// While `body` runs, `connection`'s reads wait for the gap (a pass's own connection).
    func yielding<T>(_ connection: OpaquePointer, _ body: () throws -> T) rethrows -> T {
        condition.withLock { _ = yielding.insert(connection) }
        defer { condition.withLock { _ = yielding.remove(connection) } }
        return try body()
    }

    /// `body` as one read (a read transaction), counted from start to end.
    func reading<T>(_ body: () throws -> T) rethrows -> T {
        let thread = Self.thread
        condition.withLock { enter(thread) }
        defer { condition.withLock { leave(thread) } }
        return try body()
    }

    /// A statement of `connection` started: the connection's first active one is a read.
    func started(_ connection: OpaquePointer, thread: UInt) {
        condition.lock()
        defer { condition.unlock() }
        let count = active[connection, default: 0]
        active[connection] = count + 1
        guard count == 0 else { return }
        if yielding.contains(connection), byThread[thread, default: 0] == 0, sqlite3_get_autocommit(connection) != 0,
           holders > 0, DispatchTime.now().uptimeNanoseconds - occupiedSince > Self.drainAfter {
            let deadline = Date(timeIntervalSinceNow: Self.maxWait)
            waiting += 1
            while holders > 0, condition.wait(until: deadline) {}
            waiting -= 1
        }
        enter(thread)
    }

    /// A statement of `connection` ended (done, reset or finalized), started on `thread`.
    func ended(_ connection: OpaquePointer, thread: UInt) {
        condition.lock()
        defer { condition.unlock() }
        let count = active[connection, default: 1] - 1
        active[connection] = count == 0 ? nil : count
        if count == 0 { leave(thread) }
    }

    static var thread: UInt { UInt(pthread_self()) }

    private func enter(_ thread: UInt) {
        holders += 1
        byThread[thread, default: 0] += 1
        if holders == 1 { occupiedSince = DispatchTime.now().uptimeNanoseconds }
    }

    private func leave(_ thread: UInt) {
        holders -= 1
        let left = byThread[thread, default: 1] - 1
        byThread[thread] = left == 0 ? nil : left
        guard holders == 0 else { return }
        condition.broadcast()
        let held = DispatchTime.now().uptimeNanoseconds - occupiedSince
        if held > ReadLog.thresholdNanoseconds { ReadLog.note(held, "overlapping reads", "the process held the read lock") }
    }
}
