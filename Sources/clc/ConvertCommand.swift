import ArgumentParser
import Foundation
import LifecycleKit

/// `clc convert IN OUT [--force]`
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a snapshot between JSON and SQLite (by OUT's extension); nothing is lost.",
        discussion: """
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
        let t = try SnapshotFile.convert(input, to: output, kind: SnapshotFile.kind(forExtension: output)!, force: force)
        print("wrote \(output): \(NumberText.grouped(t.customers)) customers, \(NumberText.grouped(t.touchpoints)) touchpoints, \(NumberText.grouped(t.transitions)) transitions")
    }
}
