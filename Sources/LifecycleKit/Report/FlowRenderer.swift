/// `clc flows`: the stage-flow matrix as rows, a table in the user's language, JSON or CSV.
public enum FlowRenderer {
    /// The row fields, in order (also the CSV header).
    public static let fields = ["from", "to", "count", "kind", "median_days"]

    /// `{"since", "until", "rows": [{"from", "to", "count", "kind", "median_days"}]}`.
    public static func json(_ r: FlowReport) -> String {
        var o = JSONObjectText()
        o.string("since", r.since?.iso8601)
        o.string("until", r.until?.iso8601)
        o.raw("rows", JSONObjectText.lines(r.rows.map { row in
            var x = JSONObjectText()
            x.string("from", row.from.map { r.stages[$0].id })
            x.string("to", r.stages[row.to].id)
            x.int("count", row.count)
            x.string("kind", row.kind.rawValue)
            x.number("median_days", row.medianDays)
            return x.text
        }))
        return o.text + "\n"
    }

    /// CSV with a header of `fields` (an empty `from` for entries, an empty `median_days` for none).
    public static func csv(_ r: FlowReport) -> String {
        CSVCell.document(header: fields, r.rows.map { row in
            [row.from.map { CSVCell.text(r.stages[$0].id) } ?? "", CSVCell.text(r.stages[row.to].id), String(row.count),
             row.kind.rawValue, CSVCell.decimal(row.medianDays)]
        })
    }

    /// A title line and an aligned table in `language`.
    public static func table(_ r: FlowReport, language: Language) -> String {
        let f = language.formats
        func t(_ m: Message) -> String { m.text(in: language) }
        let period: Message = switch (r.since, r.until) {
        case (nil, nil): Message(.flowsAll)
        case (let s?, nil): Message(.flowsSince, .time(s))
        case (nil, let u?): Message(.flowsUntil, .time(u))
        case (let s?, let u?): Message(.flowsBetween, .time(s), .time(u))
        }
        let title = t(Message(.flowsTitle, .message(period), .count(r.rows.reduce(0) { $0 + $1.count })))
        let heads = [MessageKey.columnFrom, .columnTo, .columnKind, .columnCount, .columnMedianDays].map { t(Message($0)) } + [""]
        let rows = r.rows.map { row -> [String] in
            [row.from.map { SafeText.truncated(r.stages[$0].name, width: 24) } ?? t(Message(.flowEntry)),
             SafeText.truncated(r.stages[row.to].name, width: 24), t(Message(row.kind.messageKey)), f.count(row.count),
             row.medianDays.map { f.number($0, decimals: 1) } ?? "—", ""]
        }
        let lines = [title, ""] + ReportRenderer.aligned(heads, rows, leftAligned: [1, 2])
        return lines.map { $0.trailingSpacesRemoved }.joined(separator: "\n") + "\n"
    }
}

extension FlowKind {
    /// The kind's name in the catalog.
    public var messageKey: MessageKey {
        switch self {
        case .entry: .kindEntry
        case .forward: .kindForward
        case .skip: .kindSkip
        case .backward: .kindBackward
        case .same: .kindSame
        }
    }
}
