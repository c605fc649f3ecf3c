import Foundation
import LifecycleKit
import LifecycleTUI

/// Drives the real app without a terminal: for each key, update then render into the
/// in-memory grid, timed together with the monotonic clock. `run` does the key's store work
/// within the key (`Dashboard.handle`); `runWithEffects` runs it off this thread, as the app
/// does, so that a key's frame never waits for the store.
struct KeyRunner {
    /// Seconds per key, by kind, in the order pressed.
    private(set) var timings: [String: [Double]] = [:]
    /// Seconds of the frames drawn when results (or progress) arrive (`runWithEffects`).
    private(set) var resultFrames: [Double] = []
    /// The slowest of those frames: what arrived, after which key.
    private(set) var slowestResultFrame = ""
    /// Keys after which the screen, once every result was in, differed from the same keys
    /// with the store work done at once (`runWithEffects`).
    private(set) var mismatches: [String] = []
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
            try check(step, i, dashboard)
            record(step, i, seconds)
        }
    }

    /// Presses the keys of `script` with their effects on `runner` (off this thread): a
    /// key's time is its update and frame only. After each key whose step settles, waits for
    /// its results (each a frame, timed too) and compares the screen with `reference`, which
    /// gets the same keys with the store work done at once (on the store's real speed; only
    /// while the runner is idle: a store has one caller at a time).
    mutating func runWithEffects(_ script: KeyScript, on dashboard: inout Dashboard, runner: ThreadedEffectRunner,
                                 reference: inout Dashboard) throws {
        var referenceKeys: [Key] = []
        for (i, step) in script.steps.enumerated() {
            let (grid, seconds) = Monotonic.time { () -> CellGrid in
                for issued in dashboard.update(.key(step.key)) { runner.submit(issued) }
                return RootView.render(dashboard.state)
            }
            keep(grid)
            record(step, i, seconds)
            referenceKeys.append(step.key)
            guard step.settle else { continue }
            settle(&dashboard, runner, after: "key \(i) (\(step.key.label))")
            for key in referenceKeys { reference.handle(.key(key)) }
            try check(step, i, dashboard)
            // Results that arrived after a later key may leave their message in the status bar
            // (`1,386 marked`) where keys done at once show the later key's: compared above it.
            let compared = referenceKeys.count > 1 ? 1 : 0
            let (ours, theirs) = (RootView.render(dashboard.state).lines.dropLast(compared),
                                  RootView.render(reference.state).lines.dropLast(compared))
            referenceKeys = []
            if let line = ours.indices.first(where: { ours[$0] != theirs[$0] }) {
                mismatches.append("key \(i) (\(step.key.label)), line \(line + 1): \(ours[line]) | done at once: \(theirs[line])")
            }
        }
    }

    /// Presses `opening` (whose effect, an analysis, runs on `runner`), then, while the runner
    /// is busy, one of `keys` in turn every `interval` seconds, feeding results and progress
    /// back in between (those frames timed as `resultFrames`); at most `limit` keys, then waits
    /// for the rest. Returns the seconds from `opening` until the runner was idle.
    mutating func runDuringEffect(_ opening: KeyStep, keys: [KeyStep], on dashboard: inout Dashboard,
                                  runner: ThreadedEffectRunner, interval: Double, limit: Int) throws -> Double {
        let start = Monotonic.now()
        var pressed = 0
        for step in [opening] + keys.prefix(limit) where runner.isBusy || pressed == 0 {
            let (grid, seconds) = Monotonic.time { () -> CellGrid in
                for issued in dashboard.update(.key(step.key)) { runner.submit(issued) }
                return RootView.render(dashboard.state)
            }
            keep(grid)
            try check(step, pressed, dashboard)
            record(step, pressed, seconds)
            pressed += 1
            let next = Monotonic.now() + interval
            // Results and progress taken in every 10 ms at most (the app's loop: every 30 ms).
            while Monotonic.now() < next, runner.isBusy {
                feed(&dashboard, runner, after: "key \(pressed - 1)")
                usleep(10_000)
            }
        }
        settle(&dashboard, runner, after: "the last key")
        return Monotonic.now() - start
    }

    /// One round of `settle`: the events there are, as one timed frame (or a 10 ms wait).
    private mutating func feed(_ dashboard: inout Dashboard, _ runner: ThreadedEffectRunner, after key: String) {
        let events = runner.events()
        guard !events.isEmpty else { usleep(10_000); return }
        let (grid, seconds) = Monotonic.time { () -> CellGrid in
            for event in events {
                for issued in dashboard.update(event) { runner.submit(issued) }
            }
            return RootView.render(dashboard.state)
        }
        keep(grid)
        if seconds > (resultFrames.max() ?? 0) {
            slowestResultFrame = "\(events.map(Self.describe).joined(separator: ", ")) after \(key)"
        }
        resultFrames.append(seconds)
    }

    /// Feeds the runner's results (and progress) back until it is idle, timing each frame;
    /// looks every 10 ms (the app's loop every 30 ms while work runs).
    private mutating func settle(_ dashboard: inout Dashboard, _ runner: ThreadedEffectRunner, after key: String) {
        while runner.isBusy { feed(&dashboard, runner, after: key) }
    }

    /// `result CustomerPage`, `progress`: what an event brings, for the notes.
    private static func describe(_ event: Event) -> String {
        switch event {
        case .effectDone(_, .success(let v)): "result \(type(of: v.value))"
        case .effectDone(_, .failure(let f)): "failure \(type(of: f.error))"
        case .progress: "progress"
        default: "\(event)"
        }
    }

    private func check(_ step: KeyStep, _ i: Int, _ dashboard: Dashboard) throws {
        if let status = dashboard.state.status, status.kind == .error {
            throw BenchError("key \(i) (\(step.key.label)): \(status.text)")
        }
        guard dashboard.state.context == step.expected else {
            throw BenchError("key \(i) (\(step.key.label)) led to \(dashboard.state.context), not \(step.expected)")
        }
    }

    private mutating func record(_ step: KeyStep, _ i: Int, _ seconds: Double) {
        if let kind = step.kind { timings[kind.rawValue, default: []].append(seconds) }
        if let slow = Self.reportSlowerThan, seconds > slow {
            FileHandle.standardError.write(Data("slow key \(i) (\(step.kind?.rawValue ?? "setup"), \(step.key.label)): \(String(format: "%.1f", seconds * 1000)) ms\n".utf8))
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
