import ArgumentParser
import Foundation
import LifecycleKit

/// `clc export FILE [--stage ID] [--where EXPR] [--search TEXT] [--columns LIST] [--sort COL[:desc]]
/// [--format csv|json] [--excel] [--output OUT] [--force]`
struct ExportCommand: SpeakingCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write customers of a snapshot as CSV or JSON, for a mailing or a spreadsheet.",
        discussion: """
            Columns: \(ExportColumn.knownNames). Default: id, name, email, stage. \
            Without --stage every stage is exported, stage by stage in funnel order, sorted within each. \
            Text cells a spreadsheet would evaluate (starting with =, +, -, @, tab, CR) get a leading '; \
            number columns stay numbers. Without --output the rows go to standard output.

            Examples:
              clc export shop.sqlite --stage retention --columns id,name,email,revenue --sort revenue:desc
              clc export shop.json --search müller --excel --output kunden.csv
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The snapshot file (.json or .sqlite).")
    var file: String

    @Option(help: "Only this stage (its id); repeat for several. Default: every stage.")
    var stage: [String] = []

    @Option(name: .customLong("where"), help: "Only customers a rule expression holds for.")
    var whereExpression: String?

    @Option(help: "Only customers whose name, email or id contains this text (ignoring case and accents).")
    var search: String?

    @Option(help: "Comma-separated columns, e.g. id,name,email,attributes.city,clv.")
    var columns: String?

    @Option(help: "Sort within each stage by a column, COL or COL:desc (default: id).")
    var sort: String?

    @Option(help: "csv or json.")
    var format: String = "csv"

    @Flag(help: "CSV for German Excel: a BOM, ';', decimal comma, CRLF.")
    var excel = false

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(help: "Overwrite OUT if it exists.")
    var force = false

    mutating func run() throws {
        var request = try makeRequest()
        let store = try openSnapshot(file, language: language)
        if let condition = try whereCondition() { request.predicate = WherePredicate.make(condition, store: store) }
        try request.checkStages(in: store)
        // Pages (another store, a filter, a value sort) go by the list index's positions, not OFFSET.
        if !request.streams(from: store) { _ = try store.prepareListIndex() }
        let out = try output.map { try ExportOutput.file($0, force: force) } ?? .standardOutput()
        let rows = try request.write(from: store, to: out)
        if let output { say(Message(.exportWrote, .text(output), .count(rows))) }
    }

    /// The export the options describe; a `UsageFailure` (exit 2) for a wrong column, sort or format.
    func makeRequest() throws -> CustomerExport {
        var request = CustomerExport()
        request.stages = stage
        request.search = search
        do {
            if let columns { request.columns = try ExportColumn.list(columns) }
            if let sort { request.sort = try ExportSort.parse(sort) }
        } catch let error as OperationError {
            throw UsageFailure(message: error.text(in: language))
        }
        switch (format, excel) {
        case ("csv", false): request.format = .csv
        case ("csv", true): request.format = .excel
        case ("json", false): request.format = .json
        default: throw UsageFailure(message: text(Message(.formatUnknown, .text(excel ? "\(format) --excel" : format))))
        }
        if let condition = try whereCondition() { request.predicateNeedsValues = !condition.fields.isDisjoint(with: WherePredicate.valueFields) }
        return request
    }
}

extension ExportCommand {
    /// `--where` parsed; a `UsageFailure` (exit 2) naming the position of a mistake.
    func whereCondition() throws -> RuleExpression? {
        guard let whereExpression else { return nil }
        do {
            return try RuleExpression.parse(whereExpression)
        } catch {
            throw UsageFailure(message: text(Message(.ruleAt, .text("--where"), .count(1), .count(error.position), .message(error.message))))
        }
    }
}

/// `--where`: a rule expression (README, "Rules") as the export's predicate. Each row's
/// touchpoints are read only when the expression needs a field made from them.
enum WherePredicate {
    static let valueFields: Set<RuleField> = [.clv, .pAlive, .rfm, .rfmSegment]
    static let touchpointFields: Set<RuleField> = [.daysSinceLastPurchase, .daysSinceLastTouch, .purchases, .touchpointsLast30d]

    static func make(_ condition: RuleExpression, store: any SnapshotStore) -> CustomerExport.Predicate {
        let asOf = store.info.asOf
        let readsTouchpoints = !condition.fields.isDisjoint(with: touchpointFields)
        return { row in
            let c = row.customer
            let touchpoints = try readsTouchpoints ? store.touchpoints(ofCustomer: c.id).map {
                TouchpointRecord(id: $0.id, at: $0.at, channel: $0.channel, type: $0.type, campaign: $0.campaign, value: $0.value)
            } : []
            var subject = RuleSubject(id: c.id, stage: c.stage, stageEnteredAt: c.stageEnteredAt, createdAt: c.createdAt,
                                      touchpoints: touchpoints, asOf: asOf)
            if !readsTouchpoints {
                subject.touchpoints = row.touchpointCount
                subject.revenue = row.revenue
                subject.daysSinceLastTouch = row.lastTouchAt.map { RuleSubject.wholeDays(from: $0, to: asOf) }
            }
            subject.setProfile(c)
            subject.setValues(row.value)
            return condition.matches(subject)
        }
    }
}
