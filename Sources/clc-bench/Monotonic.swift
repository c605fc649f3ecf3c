import Foundation

/// The monotonic clock (`CLOCK_MONOTONIC`), in seconds: never jumps with the wall clock.
enum Monotonic {
    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// Runs `body`; returns its result and how long it took.
    static func time<T>(_ body: () throws -> T) rethrows -> (result: T, seconds: Double) {
        let start = now()
        let result = try body()
        return (result, now() - start)
    }
}
