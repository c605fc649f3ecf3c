/// One cell of an export before it is written: what a column holds for one customer.
enum ExportValue {
    case text(String)
    /// Already formatted (`.` as decimal point); written as a number in every format.
    case number(String)
    case bool(Bool)
    case list([String])
    case missing

    /// The value of `column` for the customer `row`, as of `asOf` (for `days_in_stage`).
    init(_ column: ExportColumn, of row: CustomerSummary, asOf: Timestamp) {
        let c = row.customer
        switch column {
        case .id: self = .text(c.id)
        case .name: self = .text(c.name)
        case .email: self = c.email.map(ExportValue.text) ?? .missing
        case .stage: self = .text(c.stage)
        case .segment: self = c.segment.map(ExportValue.text) ?? .missing
        case .tags: self = .list(c.tags)
        case .attribute(let key): self = Self.attribute(c.attributes.first { $0.key == key }?.value)
        case .stageEnteredAt: self = c.stageEnteredAt.map { .text($0.iso8601) } ?? .missing
        case .daysInStage:
            self = c.stageEnteredAt.map { .number(String(Int($0.days(until: asOf).rounded(.down)))) } ?? .missing
        case .touchpoints: self = .number(String(row.touchpointCount))
        case .lastTouch: self = row.lastTouchAt.map { .text($0.iso8601) } ?? .missing
        case .revenue: self = Self.decimal(row.revenue)
        case .clv: self = Self.decimal(row.value?.clv)
        case .probabilityAlive: self = Self.decimal(row.value?.probabilityAlive)
        case .rfm: self = row.value.map { .text($0.rfm.digits) } ?? .missing
        case .rfmSegment: self = row.value.map { .text($0.rfmSegment.rawValue) } ?? .missing
        }
    }

    private static func attribute(_ value: AttributeValue?) -> ExportValue {
        switch value {
        case .string(let s): .text(s)
        case .number(let n): .number(n.text)
        case .bool(let b): .bool(b)
        case nil: .missing
        }
    }

    /// Rounded to six decimals as `CSVCell.decimal` writes it; missing for nil or not finite.
    static func decimal(_ d: Double?) -> ExportValue {
        let text = CSVCell.decimal(d)
        return text.isEmpty ? .missing : .number(text)
    }
}
