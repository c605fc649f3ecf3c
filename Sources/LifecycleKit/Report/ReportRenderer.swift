import Foundation

/// Renders a `FunnelReport` as text: an aligned table with plain-character bars, JSON
/// (the documented shape) or CSV. Pure functions of the report.
public enum ReportRenderer {
    public enum Format: String, CaseIterable, Sendable { case table, json, csv }

    public static func render(_ report: FunnelReport, as format: Format, barWidth: Int = 30) -> String {
        switch format {
        case .table: return table(report, barWidth: barWidth)
        case .json: return json(report)
        case .csv: return csv(report)
        }
    }

    // MARK: table

    public static func table(_ report: FunnelReport, barWidth: Int = 30) -> String {
        let info = report.info
        let t = report.totals
        var lines: [String] = []
        var asOf = SafeText.visible(info.name ?? "Unnamed snapshot") + " — as of " + info.asOf.iso8601
        if report.changesSinceAsOf > 0 {
            asOf += " · \(NumberText.grouped(report.changesSinceAsOf)) change\(report.changesSinceAsOf == 1 ? "" : "s") since"
        }
        lines.append(asOf)
        lines.append("\(NumberText.grouped(t.customers)) customers · \(NumberText.grouped(t.touchpoints)) touchpoints · "
            + "\(NumberText.grouped(t.transitions)) transitions · revenue \(NumberText.fixed(t.revenue, decimals: 2)) \(SafeText.visible(info.currency))")
        lines.append("")
        let headers = ["Stage", "Customers", "Share", "Reached", "Conversion", "Median days", "Revenue", ""]
        var rows: [[String]] = []
        let maxCount = max(1, report.stages.map(\.customers).max() ?? 1)
        for s in report.stages {
            let filled = s.customers == 0 ? 0 : max(1, Int((Double(s.customers) / Double(maxCount) * Double(barWidth)).rounded()))
            rows.append([
                SafeText.truncated(s.stage.name, width: 24),
                NumberText.grouped(s.customers),
                NumberText.percent(s.share),
                NumberText.grouped(s.reached),
                s.conversion.map(NumberText.percent) ?? "—",
                s.medianDaysInStage.map { NumberText.fixed($0, decimals: 1) } ?? "—",
                NumberText.fixed(s.revenue, decimals: 2),
                "|" + String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled) + "|",
            ])
        }
        var widths = headers.map { DisplayWidth.of($0) }
        for r in rows { for (i, cell) in r.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(cell)) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - DisplayWidth.of(cell))
                return i == 0 || i == cells.count - 1 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        lines.append(line(headers))
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        lines.append(contentsOf: rows.map(line))
        return lines.map { $0.trailingSpacesRemoved }.joined(separator: "\n") + "\n"
    }

    // MARK: json

    public static func json(_ report: FunnelReport) -> String {
        var o: [UInt8] = []
        func raw(_ s: String) { o.append(contentsOf: Array(s.utf8)) }
        func key(_ k: String) { JSONText.appendString(k, to: &o); raw(": ") }
        func number(_ d: Double?) { if let d { JSONText.appendNumber(NumberText.rounded6(d), to: &o) } else { raw("null") } }
        func string(_ s: String?) { if let s { JSONText.appendString(s, to: &o) } else { raw("null") } }
        let info = report.info
        raw("{\n  "); key("snapshot"); raw("{")
        key("name"); string(info.name); raw(", ")
        key("as_of"); string(info.asOf.iso8601); raw(", ")
        key("changes_since_as_of"); raw(String(report.changesSinceAsOf)); raw(", ")
        key("currency"); string(info.currency); raw("},\n  ")
        let t = report.totals
        key("totals"); raw("{")
        key("customers"); raw(String(t.customers)); raw(", ")
        key("touchpoints"); raw(String(t.touchpoints)); raw(", ")
        key("transitions"); raw(String(t.transitions)); raw(", ")
        key("revenue"); number(t.revenue); raw("},\n  ")
        key("stages"); raw("[")
        for (i, s) in report.stages.enumerated() {
            raw(i == 0 ? "\n    {" : ",\n    {")
            key("id"); string(s.stage.id); raw(", ")
            key("name"); string(s.stage.name); raw(", ")
            key("customers"); raw(String(s.customers)); raw(", ")
            key("share"); number(s.share); raw(", ")
            key("reached"); raw(String(s.reached)); raw(", ")
            key("conversion"); number(s.conversion); raw(", ")
            key("median_days_in_stage"); number(s.medianDaysInStage); raw(", ")
            key("entered_after_as_of"); raw(String(s.enteredAfterAsOf)); raw(", ")
            key("revenue"); number(s.revenue); raw(", ")
            key("came_from"); raw("[")
            for (k, inflow) in s.cameFrom.enumerated() {
                raw(k == 0 ? "{" : ", {")
                key("from"); string(inflow.origin.jsonKey); raw(", ")
                key("customers"); raw(String(inflow.customers)); raw("}")
            }
            raw("]}")
        }
        raw(report.stages.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
        return String(decoding: o, as: UTF8.self)
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
