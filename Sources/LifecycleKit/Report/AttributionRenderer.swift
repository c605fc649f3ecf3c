/// `clc attribution`: the rows of an `AttributionReport` as a table in the user's language,
/// JSON or CSV (language-neutral).
public enum AttributionRenderer {
    /// The row fields, in order (also the CSV header).
    public static let fields = ["key", "credit", "share", "touchpoints", "customers", "revenue"]

    /// `{"stage", "model", "by", "lookback_days", "conversions", "rows": [{"key", "credit",
    /// "share", "touchpoints", "customers", "revenue"}]}`.
    public static func json(_ r: AttributionReport) -> String {
        var o = JSONObjectText()
        o.string("stage", r.stage.id)
        o.string("model", r.model.rawValue)
        o.string("by", r.by.rawValue)
        o.int("lookback_days", r.lookbackDays)
        o.int("conversions", r.conversions)
        o.raw("rows", JSONObjectText.lines(r.rows.map { row in
            var x = JSONObjectText()
            x.string("key", row.key)
            x.number("credit", row.credit)
            x.number("share", row.share)
            x.int("touchpoints", row.touchpoints)
            x.int("customers", row.customers)
            x.number("revenue", row.revenue)
            return x.text
        }))
        return o.text + "\n"
    }

    /// CSV with a header of `fields`, one line per row.
    public static func csv(_ r: AttributionReport) -> String {
        CSVCell.document(header: fields, r.rows.map { row in
            [CSVCell.text(row.key), CSVCell.decimal(row.credit), CSVCell.decimal(row.share), String(row.touchpoints),
             String(row.customers), CSVCell.decimal(row.revenue)]
        })
    }

    /// A title line and an aligned table in `language`.
    public static func table(_ r: AttributionReport, language: Language) -> String {
        let f = language.formats
        func t(_ m: Message) -> String { m.text(in: language) }
        let title = t(Message(.attributionTitle, .text(r.stage.name), .count(r.conversions), .message(Message(r.model.messageKey)),
                              .message(Message(r.by.messageKey)), .count(r.lookbackDays)))
        let heads = [r.by.messageKey, .columnCredit, .columnShare, .columnTouchpoints, .columnCustomers, .columnRevenue].map { t(Message($0)) } + [""]
        let rows = r.rows.map { row -> [String] in
            [row.key == AttributionDimension.none ? t(Message(.keyNone)) : SafeText.truncated(row.key, width: 32),
             f.number(row.credit, decimals: 2), f.percent(row.share), f.count(row.touchpoints), f.count(row.customers),
             f.money(row.revenue, currency: SafeText.visible(r.currency)), ""]
        }
        let lines = [title, ""] + ReportRenderer.aligned(heads, rows)
        return lines.map { $0.trailingSpacesRemoved }.joined(separator: "\n") + "\n"
    }
}

extension AttributionModel {
    /// The model's name in the catalog.
    public var messageKey: MessageKey {
        switch self {
        case .first: .modelFirst
        case .last: .modelLast
        case .linear: .modelLinear
        case .position: .modelPosition
        case .timeDecay: .modelTimeDecay
        }
    }
}

extension AttributionDimension {
    /// The dimension's column head in the catalog.
    public var messageKey: MessageKey {
        switch self {
        case .channel: .columnChannel
        case .campaign: .columnCampaign
        case .type: .columnType
        }
    }
}
