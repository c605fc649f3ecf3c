import Foundation
import Testing

/// `clc COMMAND --help` at 80 columns reads as prose: ArgumentParser wraps the texts itself,
/// so no line of the overview or discussion is broken early by a manual line break.
@Suite struct CommandHelpTests {
    @Test(arguments: ["move", "open", "report", "validate", "convert", "import", "generate", "history", "demo",
                      "attribution", "flows", "cohorts", "diff", "rules"])
    func helpWrapsBetweenSentencesNotInThem(command: String) throws {
        var environment = Shell.testEnvironment
        environment["COLUMNS"] = "80"
        let help = try Shell.run([Shell.clc, command, "--help"], environment: environment)
        #expect(help.status == 0)
        let prose = help.stdout.components(separatedBy: "\nUSAGE:")[0].components(separatedBy: "\n")
        for (i, line) in prose.enumerated().dropLast() where !line.hasPrefix("  ") && !line.isEmpty {
            let next = prose[i + 1]
            guard !next.isEmpty, !next.hasPrefix("  ") else { continue }   // a paragraph ends here
            // Wrapped greedily: the next line's first word would not have fitted on this one.
            let word = next.split(separator: " ").first.map(String.init) ?? ""
            #expect(line.count + 1 + word.count > 78, "\(command): \"\(line)\" broken before \"\(word)\"")
        }
    }
}
