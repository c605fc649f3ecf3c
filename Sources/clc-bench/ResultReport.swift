import Foundation
import LifecycleKit

/// The table with its notes, the data sets and the machine: printed, and kept as Markdown.
struct ResultReport {
    var rows: [ResultRow]
    var notes: [String]
    var data: BenchData
    var settings: BenchSettings

    /// Every line under the table, unwrapped.
    var footer: [String] {
        ["ratio: ours p50 / reference p50; the p99 of a few runs is their maximum."] + notes
            + ["data: \(describe(data.sqlite, data.sqliteCustomers)), \(describe(data.json, data.jsonCustomers))",
               "runs: \(settings.runs) (browsing and stage changes \(settings.heavyRuns), JSON \(settings.jsonRuns))"
                   + (settings.smoke ? "; smoke run: tiny data, limits not meaningful" : ""),
               "machine: \(Machine.line())"]
    }

    /// For the terminal: notes wrapped at 100 columns.
    var text: String {
        (ResultTable.render(rows) + [""] + footer.flatMap { Self.wrap($0) }).joined(separator: "\n")
    }

    /// For `last-run.md`: notes as a list.
    var markdown: String {
        (["# clc benchmark: last run", "", "`scripts/bench` (issue 5), release build.", ""]
            + ResultTable.render(rows) + [""] + footer.map { "- " + $0 }).joined(separator: "\n") + "\n"
    }

    /// Breaks a note at spaces into lines of at most `width` characters, continued indented.
    static func wrap(_ text: String, width: Int = 100) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = "  " + word
            } else {
                line += (line.isEmpty ? "" : " ") + word
            }
        }
        return lines + [line]
    }

    private func describe(_ path: String, _ customers: Int) -> String {
        let size = ResultTable.format(BenchData.size(of: path), .bytes)
        return "\((path as NSString).lastPathComponent) (\(NumberText.grouped(customers)) customers, \(size))"
    }
}
