/// `clc cohorts`: the cohort triangle as a table in the user's language, JSON or CSV.
public enum CohortRenderer {
    /// `{"metric", "cohorts": [{"cohort": "2026-01", "customers", "values": [...]}]}`.
    public static func json(_ r: CohortReport) -> String {
        var o = JSONObjectText()
        o.string("metric", r.metric.rawValue)
        o.raw("cohorts", JSONObjectText.lines(r.rows.map { row in
            var x = JSONObjectText()
            x.string("cohort", row.month.label)
            x.int("customers", row.customers)
            x.raw("values", "[" + row.values.map { v in
                var b: [UInt8] = []
                JSONText.appendNumber(NumberText.rounded6(v), to: &b)
                return String(decoding: b, as: UTF8.self)
            }.joined(separator: ", ") + "]")
            return x.text
        }))
        return o.text + "\n"
    }

    /// CSV: `cohort,customers,m0,m1,…` up to the longest row (empty cells after a row's end).
    public static func csv(_ r: CohortReport) -> String {
        let width = r.rows.map(\.counts.count).max() ?? 0
        return CSVCell.document(header: ["cohort", "customers"] + (0..<width).map { "m\($0)" }, r.rows.map { row in
            let values = row.values.map { CSVCell.decimal($0) }
            return [row.month.label, String(row.customers)] + values + Array(repeating: "", count: width - values.count)
        })
    }

    /// A title line and the triangle in `language`: percentages per month since the cohort's (+0, +1, …).
    public static func table(_ r: CohortReport, language: Language) -> String {
        let f = language.formats
        func t(_ m: Message) -> String { m.text(in: language) }
        let width = r.rows.map(\.counts.count).max() ?? 0
        let title = t(Message(r.metric == .purchase ? .cohortsPurchaseTitle : .cohortsActiveTitle, .date(r.asOf)))
        let heads = [t(Message(.columnCohort)), t(Message(.columnCustomers))] + (0..<width).map { "+\($0)" } + [""]
        let rows = r.rows.map { row -> [String] in
            let cells = row.values.map { f.percent($0) }
            return [row.month.label, f.count(row.customers)] + cells + Array(repeating: "", count: width - cells.count) + [""]
        }
        let lines = [title, ""] + ReportRenderer.aligned(heads, rows)
        return lines.map { $0.trailingSpacesRemoved }.joined(separator: "\n") + "\n"
    }
}
