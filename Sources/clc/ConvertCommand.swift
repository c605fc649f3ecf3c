import ArgumentParser
import Foundation
import LifecycleKit

/// `clc convert IN OUT [--force]`
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a snapshot between JSON and SQLite; nothing is lost.",
        discussion: """
            The format is chosen by OUT's extension (.json, .sqlite, .db).

            Examples:
              clc convert shop.json shop.sqlite
              clc convert shop.sqlite shop.json --force
            """)

    @Argument(help: "The snapshot to read.")
    var input: String

    @Argument(help: "The file to write: .json, or .sqlite/.db.")
    var output: String

    @Flag(help: "Overwrite OUT if it exists.")
    var force = false

    func validate() throws {
        guard SnapshotFile.kind(forExtension: output) != nil else {
            throw ValidationError("cannot tell the format of \"\(output)\": use .json, .sqlite or .db")
        }
    }

    mutating func run() throws {
        let kind = SnapshotFile.kind(forExtension: output)!
        if FileManager.default.fileExists(atPath: output) && !force {
            throw OperationError("\(output) exists; use --force to overwrite it")
        }
        if let a = try? FileManager.default.attributesOfItem(atPath: input)[.systemFileNumber] as? Int,
           let b = try? FileManager.default.attributesOfItem(atPath: output)[.systemFileNumber] as? Int, a == b {
            throw OperationError("input and output are the same file")
        }
        let store = try openSnapshot(input)
        try store.export(to: try SnapshotFile.makeSink(path: output, kind: kind))
        let t = try store.totals()
        print("wrote \(SafeText.visible(output)): \(NumberText.grouped(t.customers)) customers, \(NumberText.grouped(t.touchpoints)) touchpoints, \(NumberText.grouped(t.transitions)) transitions")
    }
}
