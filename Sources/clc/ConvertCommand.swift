import ArgumentParser
import Foundation
import LifecycleKit

/// `clc convert IN OUT [--force]`
struct ConvertCommand: SpeakingCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a snapshot between JSON and SQLite; nothing is lost.",
        discussion: """
            The format is chosen by OUT's extension (.json, .sqlite, .db).

            Examples:
              clc convert shop.json shop.sqlite
              clc convert shop.sqlite shop.json --force
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The snapshot to read.")
    var input: String

    @Argument(help: "The file to write: .json, or .sqlite/.db.")
    var output: String

    @Flag(help: "Overwrite OUT if it exists.")
    var force = false

    func validate() throws {
        guard SnapshotFile.kind(forExtension: output) != nil else {
            throw ValidationError(text(Message(.formatUnknown, .text(output))))
        }
    }

    mutating func run() throws {
        let t = try SnapshotFile.convert(input, to: output, kind: SnapshotFile.kind(forExtension: output)!, force: force)
        say(Message(.wroteConversion, .text(output), .count(t.customers), .count(t.touchpoints), .count(t.transitions)))
    }
}
