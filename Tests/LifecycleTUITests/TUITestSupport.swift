import Foundation
import Testing
@testable import LifecycleKit
@testable import LifecycleTUI

/// Builds dashboards on the hand-made fixture and compares frames with expected screens.
enum TUITest {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let screens = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Screens")

    /// The hand-made snapshot (6 customers, 5 stages), opened from JSON.
    static func store() throws -> JSONSnapshotStore {
        try JSONSnapshotStore(path: fixtures.appendingPathComponent("hand-made.json").path)
    }

    /// A dashboard on the hand-made snapshot, with the full-scan figures and the value
    /// figures already in unless `pending`.
    static func dashboard(width: Int = 100, height: Int = 30, pending: Bool = false) throws -> Dashboard {
        let store = try store()
        var d = try Dashboard(store: store, width: width, height: height, fileLabel: "hand-made.json")
        if !pending {
            d.handle(.reportReady(try store.funnelReport()))
            loadValues(&d)
        }
        return d
    }

    /// Computes the value figures as the runner does at start (and with them the per-stage figures).
    static func loadValues(_ d: inout Dashboard) {
        if let issued = d.requestValues() { d.handle(issued.run(store: d.store)) }
    }

    /// A small copy of the CDNOW case: customers without email or segment, long names, a
    /// revenue in the millions, a stage entered 10,408 days before `as_of` (JSON, read-only use).
    static func cdnowDashboard(width: Int = 80, height: Int = 24) throws -> Dashboard {
        let store = try JSONSnapshotStore(path: fixtures.appendingPathComponent("cdnow-like.json").path)
        var d = try Dashboard(store: store, width: width, height: height, fileLabel: "cdnow-like.json")
        d.handle(.reportReady(try store.funnelReport()))
        loadValues(&d)
        return d
    }

    /// 80 customers who buy at their own pace and stop (`value-shop.json`): fits that converge and
    /// a holdout check with finite predictions, for the model screen.
    static func valueShopDashboard(width: Int = 80, height: Int = 24) throws -> Dashboard {
        let store = try JSONSnapshotStore(path: fixtures.appendingPathComponent("value-shop.json").path)
        var d = try Dashboard(store: store, width: width, height: height, fileLabel: "value-shop.json")
        d.handle(.reportReady(try store.funnelReport()))
        loadValues(&d)
        return d
    }

    /// The text inside the overlay box (between its `│` borders), its lines trimmed and
    /// joined by single spaces: what a reader of the box reads, wherever it wraps.
    static func overlayText(_ grid: CellGrid) -> String {
        var parts: [String] = []
        for line in grid.lines {
            let cells = Array(line)
            guard let l = cells.firstIndex(of: "│"), let r = cells.lastIndex(of: "│"), r > l else { continue }
            let inner = String(cells[(l + 1)..<r]).trimmingCharacters(in: .whitespaces)
            if !inner.isEmpty { parts.append(inner) }
        }
        return parts.joined(separator: " ")
    }

    /// Keys in a compact notation: plain characters, and `<Enter>`, `<Esc>`, `<Tab>`,
    /// `<S-Tab>`, `<Down>`, `<Up>`, `<PgDn>`, `<PgUp>`, `<Home>`, `<End>`, `<Bksp>`, `<Space>`, `<C-c>`.
    static func keys(_ text: String) -> [Key] {
        var out: [Key] = []
        var i = text.startIndex
        while i < text.endIndex {
            if text[i] == "<", let close = text[i...].firstIndex(of: ">") {
                let name = String(text[text.index(after: i)..<close])
                let named: [String: Key] = ["Enter": .enter, "Esc": .escape, "Tab": .tab, "S-Tab": .backTab,
                                            "Down": .down, "Up": .up, "Left": .left, "Right": .right,
                                            "PgDn": .pageDown, "PgUp": .pageUp, "Home": .home, "End": .end,
                                            "Bksp": .backspace, "Space": .char(" "), "C-c": .ctrl("c")]
                out.append(named[name]!)
                i = text.index(after: close)
            } else {
                out.append(.char(text[i]))
                i = text.index(after: i)
            }
        }
        return out
    }

    static func press(_ text: String, _ d: inout Dashboard) {
        for k in keys(text) { d.handle(.key(k)) }
    }

    /// Compares the frame's text with `Screens/<name>.txt`; with CLC_UPDATE_SCREENS=1 set,
    /// rewrites the file instead (review the diff before committing).
    static func expectScreen(_ grid: CellGrid, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = screens.appendingPathComponent(name + ".txt")
        let actual = grid.text + "\n"
        if ProcessInfo.processInfo.environment["CLC_UPDATE_SCREENS"] == "1" {
            try FileManager.default.createDirectory(at: screens, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing expected screen \(name).txt (run with CLC_UPDATE_SCREENS=1)", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
            Issue.record("""
                screen \(name) differs from line \(first + 1):
                expected: \(first < e.count ? String(e[first]) : "<none>")
                actual:   \(first < a.count ? String(a[first]) : "<none>")
                """, sourceLocation: sourceLocation)
        }
    }
}
