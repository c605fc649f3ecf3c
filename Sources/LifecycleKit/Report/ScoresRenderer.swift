import Foundation

/// `clc scores`: one row per customer, in id order, with the value figures (nulls / `—` /
/// empty cells for customers without a purchase).
public enum ScoresRenderer {
    /// The JSON fields, in order (also the CSV header).
    public static let fields = ["id", "name", "stage", "purchases", "frequency", "recency_days", "t_days", "monetary",
                                "p_alive", "expected_purchases_90d", "clv", "rfm", "rfm_segment"]

    /// The rows of `report` to print: every customer, or those currently in `stage`.
    static func rows(_ r: CustomerValueReport, stages: [Stage], stage: String?) -> [Int] {
        let index = stage.flatMap { id in stages.firstIndex { $0.id == id } }
        return r.customers.ids.indices.filter { index == nil || Int(r.customers.stages[$0]) == index }
    }

    /// A JSON array, one object per customer.
    public static func json(_ r: CustomerValueReport, stages: [Stage], stage: String? = nil) -> String {
        var out = "["
        for (k, i) in rows(r, stages: stages, stage: stage).enumerated() {
            var o = JSONObjectText()
            let s = r.scores[i]
            o.string("id", r.customers.ids[i])
            o.string("name", r.customers.names[i])
            o.string("stage", stages[Int(r.customers.stages[i])].id)
            o.int("purchases", s?.summary.purchases)
            o.int("frequency", s?.summary.frequency)
            o.int("recency_days", s?.summary.recencyDays)
            o.int("t_days", s?.summary.ageDays)
            o.number("monetary", s?.summary.monetary)
            o.number("p_alive", s?.probabilityAlive)
            o.number("expected_purchases_90d", s?.expectedPurchases90)
            o.number("clv", s?.clv)
            o.string("rfm", s?.rfm.digits)
            o.string("rfm_segment", s?.rfm.segment.rawValue)
            out += (k == 0 ? "\n  " : ",\n  ") + o.text
        }
        return out + (out == "[" ? "]\n" : "\n]\n")
    }

    /// CSV with a header of `fields`; text cells made safe (`CSVCell`).
    public static func csv(_ r: CustomerValueReport, stages: [Stage], stage: String? = nil) -> String {
        var lines = [CSVCell.row(fields.map(CSVCell.text))]
        let number = CSVCell.decimal
        for i in rows(r, stages: stages, stage: stage) {
            let s = r.scores[i]
            lines.append(CSVCell.row([
                CSVCell.text(r.customers.ids[i]), CSVCell.text(r.customers.names[i]), CSVCell.text(stages[Int(r.customers.stages[i])].id),
                s.map { String($0.summary.purchases) } ?? "", s.map { String($0.summary.frequency) } ?? "",
                s.map { String($0.summary.recencyDays) } ?? "", s.map { String($0.summary.ageDays) } ?? "",
                number(s?.summary.monetary), number(s?.probabilityAlive), number(s?.expectedPurchases90), number(s?.clv),
                s.map { CSVCell.text($0.rfm.digits) } ?? "", s.map { CSVCell.text($0.rfm.segment.rawValue) } ?? "",
            ]))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// An aligned table in `language`.
    public static func table(_ r: CustomerValueReport, stages: [Stage], stage: String? = nil, language: Language) -> String {
        let f = language.formats
        let heads: [MessageKey] = [.columnID, .columnName, .columnStage, .columnPurchases, .columnMonetary, .columnPAlive,
                                   .columnExpected90, .columnCLV, .columnRFM, .columnRFMSegment]
        let rows = rows(r, stages: stages, stage: stage).map { i -> [String] in
            let s = r.scores[i]
            return [SafeText.truncated(r.customers.ids[i], width: 20), SafeText.truncated(r.customers.names[i], width: 28),
                    SafeText.truncated(stages[Int(r.customers.stages[i])].name, width: 16),
                    s.map { f.count($0.summary.purchases) } ?? "—", s.map { f.number($0.summary.monetary, decimals: 2) } ?? "—",
                    s?.probabilityAlive.map { f.number($0, decimals: 3) } ?? "—",
                    s?.expectedPurchases90.map { f.number($0, decimals: 3) } ?? "—", s?.clv.map { f.number($0, decimals: 2) } ?? "—",
                    s?.rfm.digits ?? "—", s.map { $0.rfm.segment.message.text(in: language) } ?? "—"]
        }
        return ReportRenderer.aligned(heads.map { Message($0).text(in: language) }, rows, leftAligned: [1, 2])
            .map { $0.trailingSpacesRemoved }.joined(separator: "\n") + "\n"
    }
}
