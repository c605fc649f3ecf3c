import Foundation

/// Renders a `FunnelReport` as text: an aligned table with plain-character bars, JSON
/// (the documented shape) or CSV. Pure functions of the report.
public enum ReportRenderer {
    public enum Format: String, CaseIterable, Sendable { case table, json, csv }

    /// The report in `format`; only the table depends on `language` (JSON and CSV are
    /// language-neutral: keys and plain numbers).
    public static func render(_ report: FunnelReport, as format: Format, barWidth: Int = 30, language: Language = .en) -> String {
        switch format {
        case .table: return table(report, barWidth: barWidth, language: language)
        case .json: return json(report)
        case .csv: return csv(report)
        }
    }

    // MARK: table

    public static func table(_ report: FunnelReport, barWidth: Int = 30, language: Language = .en) -> String {
        var lines = header(report).map { $0.text(in: language) }
        lines.append("")
        let headers: [MessageKey] = [.columnStage, .columnCustomers, .columnShare, .columnReached, .columnConversion,
                                     .columnMedianDays, .columnRevenue]
        let f = language.formats
        let maxCount = max(1, report.stages.map(\.customers).max() ?? 1)
        let rows = report.stages.map { s in
            let filled = s.customers == 0 ? 0 : max(1, Int((Double(s.customers) / Double(maxCount) * Double(barWidth)).rounded()))
            return [
                SafeText.truncated(s.stage.name, width: 24),
                f.count(s.customers),
                f.percent(s.share),
                f.count(s.reached),
                s.conversion.map(f.percent) ?? "—",
                s.medianDaysInStage.map { f.number($0, decimals: 1) } ?? "—",
                f.number(s.revenue, decimals: 2),
                "|" + String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled) + "|",
            ]
        }
        lines += aligned(headers.map { Message($0).text(in: language) } + [""], rows)
        return lines.map { $0.trailingSpacesRemoved }.joined(separator: "\n") + "\n"
    }

    /// The two lines above the table: the snapshot and its `as_of` (with the changes made
    /// since), then the totals.
    public static func header(_ report: FunnelReport) -> [Message] {
        let info = report.info, t = report.totals
        let name: MessageArgument = info.name.map { .text($0) } ?? .message(Message(.unnamedSnapshot))
        let title = report.changesSinceAsOf > 0
            ? Message(.reportTitleWithChanges, name, .time(info.asOf), .count(report.changesSinceAsOf))
            : Message(.reportTitle, name, .time(info.asOf))
        return [title, Message(.reportTotals, .count(t.customers), .count(t.touchpoints), .count(t.transitions),
                               .money(t.revenue, currency: info.currency))]
    }

    /// Heading, rule and rows: the first and last columns left-aligned, the others right.
    static func aligned(_ headers: [String], _ rows: [[String]], leftAligned: Set<Int> = []) -> [String] {
        var widths = headers.map { DisplayWidth.of($0) }
        for r in rows { for (i, cell) in r.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(cell)) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - DisplayWidth.of(cell))
                return i == 0 || i == cells.count - 1 || leftAligned.contains(i) ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        return [line(headers), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")] + rows.map(line)
    }

    // MARK: json

    public static func json(_ report: FunnelReport) -> String {
        let info = report.info
        var snapshot = JSONObjectText()
        snapshot.string("name", info.name)
        snapshot.string("as_of", info.asOf.iso8601)
        snapshot.int("changes_since_as_of", report.changesSinceAsOf)
        snapshot.string("currency", info.currency)
        let t = report.totals
        var totals = JSONObjectText()
        totals.int("customers", t.customers)
        totals.int("touchpoints", t.touchpoints)
        totals.int("transitions", t.transitions)
        totals.number("revenue", t.revenue)
        let stages = report.stages.map(stageJSON)
        let list = stages.isEmpty ? "[]" : "[\n    " + stages.joined(separator: ",\n    ") + "\n  ]"
        return "{\n  \"snapshot\": \(snapshot.text),\n  \"totals\": \(totals.text),\n  \"stages\": \(list)\n}\n"
    }

    private static func stageJSON(_ s: StageFigures) -> String {
        var o = JSONObjectText()
        o.string("id", s.stage.id)
        o.string("name", s.stage.name)
        o.int("customers", s.customers)
        o.number("share", s.share)
        o.int("reached", s.reached)
        o.number("conversion", s.conversion)
        o.number("median_days_in_stage", s.medianDaysInStage)
        o.int("entered_after_as_of", s.enteredAfterAsOf)
        o.number("revenue", s.revenue)
        let inflows = s.cameFrom.map { inflow -> String in
            var x = JSONObjectText()
            x.string("from", inflow.origin.jsonKey)
            x.int("customers", inflow.customers)
            return x.text
        }
        o.raw("came_from", "[" + inflows.joined(separator: ", ") + "]")
        return o.text
    }

    // MARK: csv

    public static func csv(_ report: FunnelReport) -> String {
        var lines = ["stage_id,stage_name,customers,share,reached,conversion,median_days_in_stage,revenue"]
        func num(_ d: Double?) -> String {
            guard let d else { return "" }
            var o: [UInt8] = []
            JSONText.appendNumber(NumberText.rounded6(d), to: &o)
            return String(decoding: o, as: UTF8.self)
        }
        for s in report.stages {
            lines.append(CSVCell.row([CSVCell.text(s.stage.id), CSVCell.text(s.stage.name), String(s.customers), num(s.share),
                                      String(s.reached), num(s.conversion), num(s.medianDaysInStage), num(s.revenue)]))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}

extension String {
    var trailingSpacesRemoved: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

extension StageInflow.Origin {
    /// In `report --format json`: the stage id, `(start)` or `(unrecorded)` (never a stage id).
    var jsonKey: String {
        switch self {
        case .stage(let id): return id
        case .start: return "(start)"
        case .unrecorded: return "(unrecorded)"
        }
    }
}
