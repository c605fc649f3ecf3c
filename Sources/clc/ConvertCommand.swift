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
        let kind = SnapshotFile.kind(forExtension: output)!
        if FileManager.default.fileExists(atPath: output) && !force {
            throw OperationError(Message(.outputExists, .text(output)))
        }
        if let a = try? FileManager.default.attributesOfItem(atPath: input)[.systemFileNumber] as? Int,
           let b = try? FileManager.default.attributesOfItem(atPath: output)[.systemFileNumber] as? Int, a == b {
            throw OperationError(Message(.sameFile))
        }
        let store = try openSnapshot(input, language: language)
        try store.export(to: try SnapshotFile.makeSink(path: output, kind: kind))
        let t = try store.totals()
        say(Message(.wroteConversion, .text(output), .count(t.customers), .count(t.touchpoints), .count(t.transitions)))
    }
}
