/// One column of an export (`clc export --columns`, the dashboard's `e`), named as the user
/// writes it: `id`, `name`, …, `attributes.NAME`, and the value columns.
public enum ExportColumn: Hashable, Sendable {
    case id, name, email, stage, segment, tags
    case attribute(String)
    case stageEnteredAt, daysInStage, touchpoints, lastTouch, revenue
    case clv, probabilityAlive, rfm, rfmSegment

    /// The fixed columns by name, in the order help lists them.
    public static let named: [(String, ExportColumn)] = [
        ("id", .id), ("name", .name), ("email", .email), ("stage", .stage), ("segment", .segment), ("tags", .tags),
        ("stage_entered_at", .stageEnteredAt), ("days_in_stage", .daysInStage), ("touchpoints", .touchpoints),
        ("last_touch", .lastTouch), ("revenue", .revenue), ("clv", .clv), ("p_alive", .probabilityAlive),
        ("rfm", .rfm), ("rfm_segment", .rfmSegment),
    ]

    /// id, name, email, stage.
    public static let defaults: [ExportColumn] = [.id, .name, .email, .stage]

    /// Every name `init(name:)` accepts, for messages.
    public static var knownNames: String { (named.map(\.0) + ["attributes.NAME"]).joined(separator: ", ") }

    /// The column called `name`; nil for an unknown name.
    public init?(name: String) {
        if name.hasPrefix("attributes."), name.count > "attributes.".count {
            self = .attribute(String(name.dropFirst("attributes.".count)))
            return
        }
        guard let column = Self.named.first(where: { $0.0 == name })?.1 else { return nil }
        self = column
    }

    /// The column's name as `init(name:)` reads it (the header cell).
    public var name: String {
        if case .attribute(let key) = self { return "attributes." + key }
        return Self.named.first { $0.1 == self }!.0
    }

    /// Whether the column needs the value table (computed only when such a column is asked for).
    public var needsValues: Bool {
        switch self {
        case .clv, .probabilityAlive, .rfm, .rfmSegment: true
        default: false
        }
    }

    /// Parses a comma-separated list (`id,name,attributes.city`); throws naming the unknown column.
    public static func list(_ text: String) throws -> [ExportColumn] {
        try text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.map { name in
            guard let column = ExportColumn(name: name) else {
                throw OperationError(Message(.exportUnknownColumn, .text(name), .text(knownNames)))
            }
            return column
        }
    }
}
