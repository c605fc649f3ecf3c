import ArgumentParser
import Foundation
import LifecycleKit

/// `clc import IN.csv OUT [--mapping MAP.toml] [--touchpoints TP.csv] [--skip-invalid] [--force]`
struct ImportCommand: SpeakingCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Make a snapshot from a CRM contacts export (CSV): HubSpot, Mautic, or any file with a mapping.",
        discussion: """
            HubSpot and Mautic contacts exports are recognised by their columns; any other CSV needs \
            --mapping (see the README, `clc import`). Every problem is listed with its row and column; \
            nothing is written unless the whole import is valid, or --skip-invalid leaves out (and \
            lists) the rows with problems. The format is chosen by OUT's extension (.json, .sqlite, .db).

            Examples:
              clc import hubspot-contacts.csv shop.sqlite
              clc import kunden.csv shop.json --mapping map.toml --touchpoints orders.csv
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The contacts export (CSV, `,` or `;`, UTF-8 or Windows-1252).")
    var input: String

    @Argument(help: "The snapshot to write: .json, or .sqlite/.db.")
    var output: String

    @Option(help: "A mapping file (TOML): which column is what, the stages and their order.")
    var mapping: String?

    @Option(help: "Orders or activities (CSV): customer, time, channel, type, value, campaign.")
    var touchpoints: String?

    @Flag(help: "Leave out the rows with problems (listed) and write the rest.")
    var skipInvalid = false

    @Flag(help: "Overwrite OUT if it exists.")
    var force = false

    @Option(help: .hidden)   // bytes (the default) or library: to measure one against the other
    var csvReader: String?

    func validate() throws {
        guard SnapshotFile.kind(forExtension: output) != nil else {
            throw ValidationError(text(Message(.formatUnknown, .text(output))))
        }
    }

    mutating func run() throws {
        var request = SnapshotImport(input: input, output: output, kind: SnapshotFile.kind(forExtension: output)!,
                                     touchpoints: touchpoints)
        request.skipInvalid = skipInvalid
        request.force = force
        request.reader = csvReader.flatMap(CSVTable.Reader.init(rawValue:)) ?? .bytes
        do {
            request.mapping = try mapping.map { try ImportMapping.read($0) }
            let outcome = try request.run()
            for line in outcome.skipped.prefix(50) { print(SafeText.visible(text(Message(.importSkipped, .text(line.text(in: language)))))) }
            if outcome.skippedRows > 0 { say(Message(.importSkippedSummary, .count(outcome.skippedRows))) }
            for r in outcome.readAs {
                say(Message(.importReadAs, .text(r.file), .text(r.encoding.rawValue), .text(r.separator == "\t" ? "\\t" : String(r.separator))))
            }
            let t = outcome.totals
            say(Message(.wroteConversion, .text(output), .count(t.customers), .count(t.touchpoints), .count(t.transitions)))
        } catch let failure as SnapshotImport.Failure {
            for line in failure.problems.lines(maxPerSeverity: 200, language: language) { printError(line) }
            printError(text(Message(.importNothingWritten, .text(output), .count(failure.problems.errorCount))))
            throw ExitCode(1)
        }
    }
}
