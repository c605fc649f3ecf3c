import Foundation

/// A value computed on a thread of its own, waited for with `value()`.
///
/// The work (and whatever it captures, a store say) is released before the value is
/// handed over: a caller that drops the store after `value()` really drops it then.
/// Sendable: `result` is written before `done` is signalled and read after it is waited for.
public final class ThreadResult<T>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<T, Error>?

    public init(_ body: @escaping @Sendable () throws -> T) {
        let work = Protected<(@Sendable () throws -> T)?>(body)
        let thread = Thread { [self] in
            result = Self.run(work)
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Takes the work out of `box`, runs it and lets it go.
    private static func run(_ box: Protected<(@Sendable () throws -> T)?>) -> Result<T, Error> {
        guard let body = box.withLock({ work -> (@Sendable () throws -> T)? in defer { work = nil }; return work }) else {
            return .failure(CancellationError())
        }
        return Result { try body() }
    }

    /// Waits for the thread, then returns its value or rethrows its error.
    public func value() throws -> T {
        done.wait()
        done.signal()
        return try result!.get()
    }
}
