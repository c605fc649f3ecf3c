import Foundation
import LifecycleKit

/// Issue 15, point 1: the real `clc` dashboard on a copy of the SQLite snapshot (in tmux,
/// 120×40, side cache warm) while another process runs `clc move` `follow` times: the time
/// from starting each `clc move` to the funnel on screen showing both changed counts, the
/// dashboard's list index never rebuilt (its `CLC_INDEX_LOG`), and its memory before and after.
/// Every `clc move` must succeed (a dashboard holding the file's read lock beyond their busy
/// timeout made them fail), and the dashboard must never check the whole file again.
enum FollowMeasurement {
    static let screenTarget = "follow: change on screen"
    static let memoryTarget = "follow: RSS, moves 10→100"
    static let failedTarget = "follow: failed moves"
    static let wholeTarget = "follow: whole-file checks"
    static let targets = [screenTarget, memoryTarget, failedTarget, wholeTarget]

    static func measure(_ c: BenchContext) throws -> Measured {
        let s = c.settings
        c.progress("following: the dashboard open on a copy while \(s.follows) clc move run beside it")
        let tmux = try Programs.required(Programs.find("tmux"), "tmux")
        let copy = c.workDirectory + "/follow-" + (c.data.sqlite as NSString).lastPathComponent
        try MovesMeasurement.copyDurably(c.data.sqlite, to: copy)
        let cache = try c.freshDirectory("cache-follow")
        let log = c.workDirectory + "/follow-index.log"
        defer {
            for path in [copy, copy + "-journal", cache, log] { try? FileManager.default.removeItem(atPath: path) }
        }
        // The side cache made first, as after an earlier run.
        _ = try c.child(["prepare", copy], cache: cache).checked("prepare")
        let plan = try MovePlan(path: copy, count: s.follows)
        let screen = try Dashboard(tmux: tmux, clc: c.programs.clc, file: copy,
                                   environment: ["CLC_CACHE_DIR": cache, "CLC_INDEX_LOG": log, "TERM": "xterm-256color"])
        defer { screen.close() }
        try screen.waitUntil(timeout: s.openTimeout, "the funnel with its list index") { text in
            plan.countsShown(in: text, step: 0) && ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").contains("loaded")
        }
        // Memory once the figures and value figures of the opening are in (no `…` left).
        try screen.waitUntil(timeout: s.figuresTimeout, "the opening's figures", Self.figuresIn)
        let before = screen.rss(), anonBefore = screen.status("RssAnon"), fileBefore = screen.status("RssFile")
        let opening = Self.events(log).count
        var seconds: [Double] = [], failed = 0, rssSteps: [Double] = [], anonSteps: [Double] = []
        for customer in plan.customers {
            let argv = [c.programs.clc, "move", copy, customer, plan.target, "--user", "bench"]
            switch try moveAndWait(argv, environment: c.environment(cache: cache), screen: screen, plan: plan, step: seconds.count + 1) {
            case .shown(let s): seconds.append(s)
            case .failed: failed += 1
            }
            if (seconds.count + failed) % 10 == 0 { (rssSteps, anonSteps) = (rssSteps + [screen.rss()], anonSteps + [screen.status("RssAnon")]) }
        }
        try screen.waitUntil(timeout: s.figuresTimeout, "the figures after the changes", Self.figuresIn)
        let after = screen.rss(), anonAfter = screen.status("RssAnon"), fileAfter = screen.status("RssFile")
        let events = Array(Self.events(log).dropFirst(opening))
        let rebuilds = events.filter { $0 == "built" || $0 == "dropped" }.count
        guard rebuilds == 0 else { throw BenchError("the dashboard rebuilt its list index \(rebuilds) times: \(events.suffix(5))") }
        let followed = events.filter { $0.hasPrefix("followed") }.count
        let (whole, checked) = (events.filter { $0 == "validated" }.count, events.filter { $0 == "validated followed" }.count)
        return Measured(
            rows: [ResultRow(target: screenTarget, unit: .seconds, ours: Samples(seconds), limit: .p99(1.0)),
                   // Growth with the changes: from after the first ten (the first reads after the opening fill the
                   // connections' page caches once) to after the last; the whole growth is in the note.
                   ResultRow(target: memoryTarget, unit: .bytes, ours: Samples([max(0, after - (rssSteps.first ?? before))]), limit: .p99(20e6)),
                   ResultRow(target: failedTarget, unit: .count, ours: Samples([Double(failed)]), limit: .p99(0)),
                   ResultRow(target: wholeTarget, unit: .count, ours: Samples([Double(whole)]), limit: .p99(0))],
            notes: ["follow: \(plan.customers.count) `clc move` from another process (\(failed) failed), each timed from its start "
                    + "to both counts changed on the dashboard's funnel; the list index followed them in \(followed) steps, never "
                    + "rebuilt; after the opening the funnel figures checked what they added \(checked) times, the whole file \(whole) times; dashboard RSS "
                    + "\(ResultTable.format(before, .bytes)) before, \(ResultTable.format(after, .bytes)) after (anonymous "
                    + "\(ResultTable.format(anonBefore, .bytes)) → \(ResultTable.format(anonAfter, .bytes)), mapped files "
                    + "\(ResultTable.format(fileBefore, .bytes)) → \(ResultTable.format(fileAfter, .bytes))); anonymous after every "
                    + "10 moves: \(anonSteps.map { ResultTable.format($0, .bytes) }.joined(separator: ", "))"])
    }

    /// The lines of the dashboard's `CLC_INDEX_LOG` so far.
    static func events(_ log: String) -> [String] {
        ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    enum MoveSeen {
        /// On screen this many seconds after the move started.
        case shown(Double)
        /// `clc move` failed (the file locked by the dashboard beyond its busy timeout, say).
        case failed
    }

    /// Runs one `clc move` and waits until both its counts are on the screen (`step` moves
    /// done then) and it exited, or until it failed.
    static func moveAndWait(_ argv: [String], environment: [String: String], screen: Dashboard, plan: MovePlan,
                            step: Int) throws -> MoveSeen {
        let start = Monotonic.now()
        let pid = try ChildProcess.spawn(argv, environment: environment) { actions in
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        var shown: Double?, exited: Finished?
        while shown == nil || exited == nil {
            if shown == nil, plan.countsShown(in: screen.text(), step: step) { shown = Monotonic.now() - start }
            if exited == nil { exited = ChildProcess.poll(pid, startedAt: start) }
            if let exited, exited.status != 0 { return .failed }
            if shown == nil, Monotonic.now() - start > 30 {
                throw BenchError("not within 30 s: change \(step) on screen; screen:\n\(screen.text())")
            }
            if shown == nil || exited == nil { usleep(20_000) }
        }
        return .shown(shown!)
    }

    /// No figure pending (`…`) in the header and the funnel's rows (the stage panel below them
    /// may end a long line in `…`).
    static func figuresIn(_ screen: String) -> Bool {
        !screen.split(separator: "\n").prefix { !$0.hasPrefix("─") }.contains { $0.contains("…") }
    }

    /// Which customers move where, and the funnel counts to expect after each move.
    struct MovePlan {
        var customers: [String]
        var target: String
        var sourceName: String
        var targetName: String
        var sourceCount: Int
        var targetCount: Int

        /// The first `count` customers (by id) of the biggest stage, to the next stage (or the first).
        init(path: String, count: Int) throws {
            let store = try SQLiteSnapshotStore(path: path, readOnly: true)
            let counts = try store.stageCounts()
            let source = counts.indices.max { counts[$0] < counts[$1] }!
            let target = source + 1 < counts.count ? source + 1 : 0
            let page = try store.customers(inStage: store.stages[source].id, filter: .none, sort: CustomerSort(.id),
                                           offset: 0, limit: count)
            customers = page.map(\.customer.id)
            self.target = store.stages[target].id
            (sourceName, targetName) = (store.stages[source].name, store.stages[target].name)
            (sourceCount, targetCount) = (counts[source], counts[target])
        }

        /// Both stages' counts on the funnel are those after `step` moves.
        func countsShown(in screen: String, step: Int) -> Bool {
            Self.count(of: sourceName, in: screen) == sourceCount - step && Self.count(of: targetName, in: screen) == targetCount + step
        }

        /// The first number after the stage's name on its funnel row.
        static func count(of stage: String, in screen: String) -> Int? {
            for line in screen.split(separator: "\n") where line.dropFirst(2).hasPrefix(stage + " ") {
                let rest = line.dropFirst(2 + stage.count).split(separator: " ")
                for token in rest where token.first?.isNumber == true {
                    return Int(token.filter(\.isNumber))
                }
            }
            return nil
        }
    }

    /// The dashboard in a tmux session of its own (a private server).
    final class Dashboard {
        private let tmux: String
        private let socket = "clc-bench-follow-\(getpid())"

        init(tmux: String, clc: String, file: String, environment: [String: String]) throws {
            self.tmux = tmux
            let assignments = environment.map { "\($0.key)=\(Self.quoted($0.value))" }.joined(separator: " ")
            let command = "exec env \(assignments) \(Self.quoted(clc)) \(Self.quoted(file))"
            try run(["new-session", "-d", "-x", "120", "-y", "40", command])
        }

        /// The screen's text now.
        func text() -> String {
            (try? ChildProcess.run([tmux, "-L", socket, "capture-pane", "-p"], environment: ProcessInfo.processInfo.environment,
                                   stdout: .capture).output) ?? ""
        }

        /// Polls the screen every 20 ms until `done` holds.
        func waitUntil(timeout: Double, _ what: String, _ done: (String) -> Bool) throws {
            let start = Monotonic.now()
            while !done(text()) {
                if Monotonic.now() - start > timeout { throw BenchError("not within \(Int(timeout)) s: \(what); screen:\n\(text())") }
                usleep(20_000)
            }
        }

        /// The dashboard's resident memory now (`VmRSS`), in bytes.
        func rss() -> Double { status("VmRSS") }

        /// A size line of the dashboard's `/proc/PID/status` (`VmRSS`, `RssAnon`, `RssFile`), in bytes.
        func status(_ field: String) -> Double {
            let pid = (try? ChildProcess.run([tmux, "-L", socket, "display-message", "-p", "#{pane_pid}"],
                                             environment: ProcessInfo.processInfo.environment, stdout: .capture).output) ?? ""
            let status = (try? String(contentsOfFile: "/proc/\(pid.trimmingCharacters(in: .whitespacesAndNewlines))/status",
                                      encoding: .utf8)) ?? ""
            let line = status.split(separator: "\n").first { $0.hasPrefix(field + ":") } ?? ""
            return Double(line.filter(\.isNumber)).map { $0 * 1024 } ?? 0
        }

        /// Quits the dashboard and ends the tmux server.
        func close() { _ = try? run(["kill-server"]) }

        private func run(_ arguments: [String]) throws {
            _ = try ChildProcess.run([tmux, "-L", socket, "-f", "/dev/null"] + arguments,
                                     environment: ProcessInfo.processInfo.environment).checked("tmux \(arguments[0])")
        }

        private static func quoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
    }
}
