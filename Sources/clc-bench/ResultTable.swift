import Foundation

/// The result table in Markdown, columns padded so it also reads well in a terminal.
enum ResultTable {
    static let header = ["target", "ours p50", "ours p99", "reference", "ref p50", "ratio", "limit", "ok"]

    static func render(_ rows: [ResultRow]) -> [String] {
        grid(header, rows.map(cells), leftAligned: [0, 3])
    }

    /// A Markdown table of `cells` under `header`, padded; columns right-aligned except `leftAligned`.
    static func grid(_ header: [String], _ cells: [[String]], leftAligned: Set<Int>) -> [String] {
        let widths = header.indices.map { i in ([header[i]] + cells.map { $0[i] }).map(\.count).max() ?? 0 }
        func line(_ values: [String]) -> String {
            let padded = values.enumerated().map { i, v in
                let pad = String(repeating: " ", count: widths[i] - v.count)
                return leftAligned.contains(i) ? v + pad : pad + v
            }
            return "| " + padded.joined(separator: " | ") + " |"
        }
        let rule = "|" + widths.enumerated().map { i, w in
            String(repeating: "-", count: w + 1) + (leftAligned.contains(i) ? "-" : ":")
        }.joined(separator: "|") + "|"
        return [line(header), rule] + cells.map(line)
    }

    private static func cells(_ row: ResultRow) -> [String] {
        if row.failure != nil { return [row.target, "FAILED", "", "", "", "", "", "FAIL"] }
        let ok = row.met.map { $0 ? "yes" : "NO" } ?? ""
        return [row.target, format(row.ours.median, row.unit), format(row.ours.p99, row.unit), row.reference,
                row.referenceMedian.map { format($0, row.unit) } ?? "", row.ratio.map { String(format: $0 < 10 ? "%.2f×" : "%.1f×", $0) } ?? "",
                row.limit.map { limitText($0, row.unit) } ?? "", ok]
    }

    /// `0.42 ms`, `12.3 ms`, `123 ms`, `1.23 s`; `85.2 MB`, `145 MB`, `2.41 GB` (MB = 10⁶ bytes).
    static func format(_ value: Double, _ unit: ResultRow.Unit) -> String {
        guard value.isFinite else { return "—" }
        switch unit {
        case .seconds:
            let ms = value * 1000
            if ms >= 1000 { return String(format: "%.2f s", value) }
            return String(format: ms < 10 ? "%.2f ms" : ms < 100 ? "%.1f ms" : "%.0f ms", ms)
        case .bytes:
            let mb = value / 1e6
            if mb >= 1000 { return String(format: "%.2f GB", mb / 1000) }
            return String(format: mb < 100 ? "%.1f MB" : "%.0f MB", mb)
        case .count:
            return String(format: "%.0f", value)
        }
    }

    /// `1 run`, `7 runs`.
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    static func limitText(_ limit: ResultRow.Limit, _ unit: ResultRow.Unit) -> String {
        switch (limit, unit) {
        case (.ratio(let r), _): return String(format: "≤ %.1f×", r)
        case (.p99(let v), .seconds): return String(format: "p99 ≤ %g ms", v * 1000)
        case (.p99(let v), .bytes): return String(format: "≤ %g MB", v / 1e6)
        case (.p99(let v), .count): return String(format: "≤ %g", v)
        }
    }
}
