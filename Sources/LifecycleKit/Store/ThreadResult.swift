import Foundation

/// A value computed on a thread of its own, waited for with `value()`.
public final class ThreadResult<T>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<T, Error>?

    public init(_ body: @escaping @Sendable () throws -> T) {
        let thread = Thread { [self] in
            result = Result { try body() }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits for the thread, then returns its value or rethrows its error.
    public func value() throws -> T {
        done.wait()
        done.signal()
        return try result!.get()
    }
}
