import Foundation
import LifecycleKit
import LifecycleTUI

/// Drives the real app without a terminal: for each key, `handle` then render into the
/// in-memory grid, timed together with the monotonic clock.
struct KeyRunner {
    /// Seconds per key, by kind, in the order pressed.
    private(set) var timings: [String: [Double]] = [:]
    /// Keys left unpressed because the budget ran out.
    private(set) var skipped = 0

    /// Presses the keys of `script` until it ends or `budget` seconds have passed. Throws
    /// when the app shows an error or another screen than the script expects.
    mutating func run(_ script: KeyScript, on dashboard: inout Dashboard, budget: Double) throws {
        let start = Monotonic.now()
        for (i, step) in script.steps.enumerated() {
            if Monotonic.now() - start > budget {
                skipped += script.steps.count - i
                return
            }
            let (grid, seconds) = Monotonic.time { () -> CellGrid in
                dashboard.handle(.key(step.key))
                return RootView.render(dashboard.state)
            }
            keep(grid)
            if let status = dashboard.state.status, status.kind == .error {
                throw BenchError("key \(i) (\(step.key.label)): \(status.text)")
            }
            guard dashboard.state.context == step.expected else {
                throw BenchError("key \(i) (\(step.key.label)) led to \(dashboard.state.context), not \(step.expected)")
            }
            if let kind = step.kind { timings[kind.rawValue, default: []].append(seconds) }
            if let slow = Self.reportSlowerThan, seconds > slow {
                FileHandle.standardError.write(Data("slow key \(i) (\(step.kind?.rawValue ?? "setup"), \(step.key.label)): \(String(format: "%.1f", seconds * 1000)) ms\n".utf8))
            }
        }
    }

    /// `CLC_BENCH_SLOW_MS=N`: each key slower than N ms is reported on stderr (to find out why).
    static let reportSlowerThan = ProcessInfo.processInfo.environment["CLC_BENCH_SLOW_MS"].flatMap(Double.init).map { $0 / 1000 }

    /// Uses the frame, so that rendering cannot be optimised away.
    @inline(never)
    private func keep(_ grid: CellGrid) {
        if grid.width < 0 { print(grid.height) }
    }
}
