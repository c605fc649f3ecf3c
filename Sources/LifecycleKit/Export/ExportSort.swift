/// `--sort COL[:desc]`: the column names an export can be sorted by, as a `CustomerSort`.
///
/// `days_in_stage` sorts as `stage_entered_at` reversed (most days first is the earliest
/// entry first); `stage` keeps the list order (by stage, then id).
public enum ExportSort {
    static let fields: [(String, CustomerSort.Field)] = [
        ("id", .id), ("name", .name), ("email", .email), ("segment", .segment), ("stage", .id),
        ("stage_entered_at", .stageEnteredAt), ("days_in_stage", .stageEnteredAt), ("touchpoints", .touchpointCount),
        ("last_touch", .lastTouchAt), ("revenue", .revenue), ("clv", .clv), ("p_alive", .probabilityAlive),
        ("rfm_segment", .rfmSegment),
    ]

    /// The sort `text` names (`revenue:desc`); throws listing the sortable columns.
    public static func parse(_ text: String) throws -> CustomerSort {
        var name = Substring(text)
        var descending = false
        if name.hasSuffix(":desc") { name = name.dropLast(5); descending = true }
        else if name.hasSuffix(":asc") { name = name.dropLast(4) }
        guard let field = fields.first(where: { $0.0 == name })?.1 else {
            throw OperationError(Message(.exportUnknownSort, .text(text), .text(fields.map(\.0).joined(separator: ", "))))
        }
        return CustomerSort(field, descending: name == "days_in_stage" ? !descending : descending)
    }

    /// Whether sorting by `sort` needs the value table.
    public static func needsValues(_ sort: CustomerSort) -> Bool {
        [.clv, .probabilityAlive, .rfmSegment].contains(sort.field)
    }
}
