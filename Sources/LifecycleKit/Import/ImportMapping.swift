import Foundation
import TOMLKit

/// A mapping file (`clc import --mapping MAP.toml`): which column is what, how stage values map
/// to stages, and the columns of a touchpoints file. Without a `[customers]` section it only
/// adjusts a detected HubSpot or Mautic export (date format, encoding, separator, touchpoints).
/// The format is documented in the README (`clc import`).
public struct ImportMapping: Sendable {
    /// The plan the file describes (`[customers]`, `[stages]`, `[touchpoints]`, settings).
    public var plan: ImportPlan
    /// False when the file has no `[customers]` section.
    public var describesCustomers: Bool

    /// The plan for a contacts file whose detected preset is `detected`.
    public func plan(detected: ImportPlan?) -> ImportPlan? {
        if describesCustomers { return plan }
        guard var preset = detected else { return nil }
        preset.dateFormat = plan.dateFormat
        preset.encoding = plan.encoding
        preset.separator = plan.separator
        preset.snapshotName = plan.snapshotName
        preset.currency = plan.currency
        preset.touchpoints = plan.touchpoints
        return preset
    }

    /// Reads the file at `path`; every problem found throws, named by file and key.
    public static func read(_ path: String) throws -> ImportMapping {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SnapshotError(path: path, message: Message(FileManager.default.fileExists(atPath: path) ? .permissionDenied : .noSuchFile))
        }
        return try parse(String(decoding: data, as: UTF8.self), file: (path as NSString).lastPathComponent)
    }

    /// Parses mapping text; `file` names it in problems.
    public static func parse(_ text: String, file: String) throws -> ImportMapping {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            var list = ProblemList()
            list.add(.invalidField, at: "\(file) line \(error.source.begin.line)", Message(.importMappingSyntax, .text("column \(error.source.begin.column)"), .text(error.description)))
            throw SnapshotImport.Failure(problems: list)
        }
        var reader = MappingReader(file: file)
        let mapping = reader.read(table)
        if reader.problems.hasErrors { throw SnapshotImport.Failure(problems: reader.problems) }
        return mapping
    }
}

/// Reads the TOML tables of a mapping file, collecting every problem.
struct MappingReader {
    let file: String
    var problems = ProblemList()

    static let topKeys = ["name", "currency", "separator", "encoding", "date_format", "customers", "stages", "touchpoints"]
    static let customerKeys = ["id", "name", "first_name", "last_name", "email", "stage", "created_at", "segment", "tags",
                               "tags_separator", "attributes", "rest_as_attributes", "empty_stage"]
    static let stageKeys = ["order", "names", "values"]
    static let touchpointKeys = ["id", "customer", "time", "channel", "type", "value", "campaign", "note",
                                 "channel_default", "type_default", "date_format", "separator", "encoding"]

    mutating func read(_ top: TOMLTable) -> ImportMapping {
        var plan = ImportPlan()
        plan.source = "import"
        check(top, Self.topKeys, section: nil)
        plan.snapshotName = string(top, "name", nil)
        plan.currency = string(top, "currency", nil) ?? "EUR"
        plan.separator = separator(top, nil)
        plan.encoding = encoding(top, nil)
        plan.dateFormat = dateFormat(top, nil)
        let customers = table(top, "customers")
        if let customers { readCustomers(customers, into: &plan) }
        if let stages = table(top, "stages") { readStages(stages, into: &plan) }
        if let tp = table(top, "touchpoints") { plan.touchpoints = readTouchpoints(tp) }
        return ImportMapping(plan: plan, describesCustomers: customers != nil)
    }

    private mutating func readCustomers(_ t: TOMLTable, into plan: inout ImportPlan) {
        let s = "customers"
        check(t, Self.customerKeys, section: s)
        if t["id"] == nil || t["stage"] == nil { add(s, nil, Message(.importMappingType, .text("[customers] id and stage"), .text("given"))) }
        plan.id = string(t, "id", s) ?? "id"
        plan.name = string(t, "name", s)
        plan.firstName = string(t, "first_name", s)
        plan.lastName = string(t, "last_name", s)
        if plan.name == nil, plan.firstName == nil, plan.lastName == nil { add(s, nil, Message(.importMappingNoName)) }
        plan.email = string(t, "email", s)
        plan.stage = string(t, "stage", s)
        plan.createdAt = string(t, "created_at", s)
        plan.segment = string(t, "segment", s)
        plan.tags = string(t, "tags", s)
        plan.tagSeparator = string(t, "tags_separator", s) ?? ","
        plan.attributes = strings(t, "attributes", s) ?? []
        plan.restAsAttributes = bool(t, "rest_as_attributes", s) ?? false
        if let empty = string(t, "empty_stage", s) {
            plan.emptyStage = Stage(id: empty, name: empty)
            if !SnapshotFormat.isValidStageID(empty) { add(s, "empty_stage", Message(.invalidStageID, .text(empty))) }
        }
    }

    private mutating func readStages(_ t: TOMLTable, into plan: inout ImportPlan) {
        let s = "stages"
        check(t, Self.stageKeys, section: s)
        let names = table(t, "names").map { n in Dictionary(n.map { ($0.0, $0.1.string ?? $0.0) }, uniquingKeysWith: { a, _ in a }) } ?? [:]
        let order = strings(t, "order", s) ?? []
        for id in order where !SnapshotFormat.isValidStageID(id) { add(s, "order", Message(.invalidStageID, .text(id))) }
        plan.stages = order.map { Stage(id: $0, name: names[$0] ?? $0) }
        for (value, target) in table(t, "values") ?? TOMLTable() {
            guard let id = target.string else { add(s, "values", Message(.importMappingType, .text(value), .text("a stage id"))); continue }
            if !order.isEmpty, !order.contains(id) { add(s, "values", Message(.importMappingStage, .text(id))) }
            if order.isEmpty, !SnapshotFormat.isValidStageID(id) { add(s, "values", Message(.invalidStageID, .text(id))) }
            plan.stageValues[StageResolver.fold(value)] = id
        }
        if let empty = plan.emptyStage {
            if let known = plan.stages.first(where: { $0.id == empty.id }) { plan.emptyStage = known }
            else if !order.isEmpty { add("customers", "empty_stage", Message(.importMappingStage, .text(empty.id))) }
        }
    }

    private mutating func readTouchpoints(_ t: TOMLTable) -> TouchpointPlan {
        let s = "touchpoints"
        check(t, Self.touchpointKeys, section: s)
        var p = TouchpointPlan()
        p.id = string(t, "id", s)
        p.customer = string(t, "customer", s) ?? p.customer
        p.time = string(t, "time", s) ?? p.time
        p.channel = string(t, "channel", s) ?? p.channel
        p.type = string(t, "type", s) ?? p.type
        p.value = string(t, "value", s) ?? p.value
        p.campaign = string(t, "campaign", s) ?? p.campaign
        p.note = string(t, "note", s)
        p.channelDefault = string(t, "channel_default", s)
        p.typeDefault = string(t, "type_default", s)
        p.dateFormat = dateFormat(t, s)
        p.separator = separator(t, s)
        p.encoding = encoding(t, s)
        return p
    }
}
