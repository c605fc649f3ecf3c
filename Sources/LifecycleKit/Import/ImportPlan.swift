/// What `clc import` takes from which column: a preset for a known CRM export (HubSpot,
/// Mautic) or a mapping file (`ImportMappingFile`). Columns are named by their header text
/// (matched exactly, else ignoring case).
public struct ImportPlan: Sendable {
    /// The transitions' `by`, and the name of the preset (`hubspot`, `mautic`, `mapping`).
    public var source = "import"
    public var id = "id"
    public var name: String?
    public var firstName: String?
    public var lastName: String?
    public var email: String?
    public var stage: String?
    public var createdAt: String?
    public var segment: String?
    public var tags: String?
    public var tagSeparator = ","
    /// Columns kept as attributes (their header is the key).
    public var attributes: [String] = []
    /// Every column not used otherwise becomes an attribute.
    public var restAsAttributes = false
    /// A preset's columns may be missing from the file (only id and stage must be there);
    /// a mapping's columns must all be there.
    public var columnsOptional = false
    /// The stages in funnel order; empty: taken from the stage cells in order of appearance.
    public var stages: [Stage] = []
    /// Stage cell values (folded: trimmed, lower case) → stage id; stage ids and names match too.
    public var stageValues: [String: String] = [:]
    /// The stage of a customer whose stage cell is empty; nil: an empty cell is an error.
    public var emptyStage: Stage?
    /// Date columns that say when a customer entered a stage: the stage history.
    public var history: [HistoryColumn] = []
    /// How slash dates read when a column cannot tell (`date_format`).
    public var dateFormat: ImportDateFormat?
    public var encoding: CSVTable.Encoding?
    public var separator: Character?
    public var snapshotName: String?
    public var currency = "EUR"
    public var touchpoints = TouchpointPlan()

    public init() {}

    public struct HistoryColumn: Sendable {
        public var column: String
        public var stage: String
    }

    /// The columns the customer fields take (not attributes).
    var usedColumns: [String] {
        [id, name, firstName, lastName, email, stage, createdAt, segment, tags].compactMap { $0 } + history.map(\.column)
    }
}

/// The columns of a `--touchpoints` file: orders or activities, one per row.
public struct TouchpointPlan: Sendable {
    public var id: String?
    public var customer = "customer"
    public var time = "time"
    public var channel = "channel"
    public var type = "type"
    public var value = "value"
    public var campaign = "campaign"
    public var note: String?
    /// Used when the file has no channel / type column (`channel = "store"` for an orders export).
    public var channelDefault: String?
    public var typeDefault: String?
    public var dateFormat: ImportDateFormat?
    public var encoding: CSVTable.Encoding?
    public var separator: Character?

    public init() {}
}

extension ImportPlan {
    /// HubSpot's lifecycle stages in HubSpot's order: internal value and label.
    public static let hubSpotStages: [Stage] = [
        Stage(id: "subscriber", name: "Subscriber"), Stage(id: "lead", name: "Lead"),
        Stage(id: "marketingqualifiedlead", name: "Marketing Qualified Lead"),
        Stage(id: "salesqualifiedlead", name: "Sales Qualified Lead"), Stage(id: "opportunity", name: "Opportunity"),
        Stage(id: "customer", name: "Customer"), Stage(id: "evangelist", name: "Evangelist"), Stage(id: "other", name: "Other"),
    ]

    /// A HubSpot contacts export: Record ID, First Name, Last Name, Email, Lifecycle Stage,
    /// Create Date and the "Became a … Date" columns (the stage history); every other column
    /// becomes an attribute.
    public static var hubSpot: ImportPlan {
        var plan = ImportPlan()
        plan.source = "hubspot"
        plan.id = "Record ID"
        plan.firstName = "First Name"
        plan.lastName = "Last Name"
        plan.email = "Email"
        plan.stage = "Lifecycle Stage"
        plan.createdAt = "Create Date"
        plan.restAsAttributes = true
        plan.columnsOptional = true
        plan.stages = hubSpotStages
        plan.history = hubSpotStages.map { stage in
            let article = "AEIOU".contains(stage.name.first!) ? "an" : "a"
            let label = stage.id == "other" ? "Other Lifecycle Stage" : stage.name
            return HistoryColumn(column: "Became \(article) \(label) Date", stage: stage.id)
        }
        return plan
    }

    /// A Mautic contacts export: id, firstname, lastname, email, stage (its stages in order of
    /// appearance; no stage → "No stage"), date_added (created), tags (split at `|`); every other
    /// column (points, company, city…) becomes an attribute.
    public static var mautic: ImportPlan {
        var plan = ImportPlan()
        plan.source = "mautic"
        plan.id = "id"
        plan.firstName = "firstname"
        plan.lastName = "lastname"
        plan.email = "email"
        plan.stage = "stage"
        plan.createdAt = "date_added"
        plan.tags = "tags"
        plan.tagSeparator = "|"
        plan.restAsAttributes = true
        plan.columnsOptional = true
        plan.emptyStage = Stage(id: "no-stage", name: "No stage")
        return plan
    }

    /// The preset whose columns `header` has: HubSpot (Record ID and Lifecycle Stage), Mautic
    /// (id, date_added and email or a name column), else nil.
    public static func detect(header: [String]) -> ImportPlan? {
        let names = Set(header.map { $0.lowercased() })
        if names.contains("record id"), names.contains("lifecycle stage") { return hubSpot }
        if names.contains("id"), names.contains("date_added"),
           !names.isDisjoint(with: ["email", "firstname", "lastname"]) { return mautic }
        return nil
    }
}
