import Foundation
import LifecycleKit

/// Identifies one request for work; a result carries it back, and a result whose request is
/// no longer the current one of its slot is dropped.
public typealias RequestID = Int

/// Work that update asks for and never does itself: it runs off the input thread (see
/// `EffectRunner`) and comes back as `Event.effectDone`. Store calls, long or short, are
/// effects; update only changes state and returns them.
public struct Effect: Sendable {
    /// Where the work runs: the one serial worker (store calls, in order), or a thread of its
    /// own (a full pass that must not hold up pages and searches).
    public enum Lane: Sendable { case worker, ownThread }
    /// Who receives the result: the screen that asked (dropped when it has left the stack),
    /// or the app (stage changes, saves, figures).
    public enum Target: Sendable, Equatable { case screen(ScreenID), app }

    /// A newer request in the same slot supersedes (and cancels) an older one.
    public var slot: String
    /// Shown in the status bar when the work takes over ~150 ms (`marking 367,233 customers…`);
    /// nil: work that shows no progress.
    public var label: Message?
    /// The count the work reaches when done, for the progress shown (nil: unknown).
    public var total: Int?
    /// `Esc` may cancel it while its progress shows.
    public var cancellable: Bool
    public var lane: Lane
    public var target: Target
    public var work: @Sendable (EffectEnvironment) throws -> any Sendable

    public init(slot: String, label: Message?, total: Int? = nil, cancellable: Bool = true, lane: Lane = .worker,
                target: Target = .app, work: @escaping @Sendable (EffectEnvironment) throws -> any Sendable) {
        self.slot = slot
        self.label = label
        self.total = total
        self.cancellable = cancellable
        self.lane = lane
        self.target = target
        self.work = work
    }
}

/// What a piece of work gets: the store, its cancellation token and a progress counter.
public struct EffectEnvironment: Sendable {
    // The store is Sendable (its shared state is under locks); store calls of update's
    // effects run one at a time on the worker; full passes use the store's own connections.
    public let store: any SnapshotStore
    public let token: CancellationToken

    /// Throws `CancellationError` once the request was cancelled (call between chunks).
    public func checkCancelled() throws {
        if token.isCancelled { throw CancellationError() }
    }
}

/// Set once by the input thread (Esc, a newer request), read by the worker between chunks;
/// also counts the work done so far for the status bar.
public final class CancellationToken: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    private var done = 0

    public init() {}

    public var isCancelled: Bool { lock.withLock { cancelled } }
    public func cancel() { lock.withLock { cancelled = true } }

    /// How much of the work is done (customers marked, say).
    public var progress: Int { lock.withLock { done } }
    public func report(_ count: Int) { lock.withLock { done = count } }
}

/// An effect update issued: the runner runs `effect` and answers with `Event.effectDone(id, …)`.
public struct IssuedEffect: Sendable {
    public var id: RequestID
    public var effect: Effect
    public var token: CancellationToken

    /// Runs the work here and now, turning a throw into a failed result; cancelled while it
    /// waited, it answers at once without touching the store.
    public func run(store: any SnapshotStore) -> Event {
        let env = EffectEnvironment(store: store, token: token)
        do {
            try env.checkCancelled()
            return .effectDone(id, .success(EffectValue(try effect.work(env))))
        } catch {
            return .effectDone(id, .failure(EffectFailure(error)))
        }
    }
}

/// A result value in an event (the screen that asked knows its type).
public struct EffectValue: Sendable {
    public let value: any Sendable
    public init(_ value: any Sendable) { self.value = value }
}

/// A failed effect: what went wrong, as text for the status bar.
public struct EffectFailure: Error, Sendable {
    public let error: any Error
    public var cancelled: Bool { error is CancellationError }
    public init(_ error: any Error) { self.error = error }
}
