import Foundation
import TOMLKit

/// Checks the `[[rule]]` tables of a rules file; finds lines by scanning the text, since the
/// TOML parser keeps none.
struct RulesReader {
    let file: String
    let lines: [String]
    let stages: [Stage]
    var problems: [Message] = []
    private static let keys = ["name", "stage", "when", "move_to"]

    init(file: String, lines: [String], stages: [Stage]) {
        self.file = file
        self.lines = lines
        self.stages = stages
    }

    mutating func read(_ top: TOMLTable) -> [Rule] {
        for key in top.keys where key != "rule" { add(1, 0, Message(.importMappingUnknownKey, .text(key), .text("[[rule]]"))) }
        let tables = top["rule"]?.array.map { $0.compactMap(\.table) } ?? []
        let headers = lines.indices.filter { lines[$0].trimmingCharacters(in: .whitespaces).hasPrefix("[[rule]]") }
        var rules: [Rule] = []
        var firstLine: [String: Int] = [:]
        for (k, t) in tables.enumerated() {
            let start = k < headers.count ? headers[k] : 0
            let end = k + 1 < headers.count ? headers[k + 1] : lines.count
            if let name = t["name"]?.string {
                if let first = firstLine[name] {
                    add(start + 1, 0, Message(.ruleDuplicateName, .text(name), .count(first)))
                    continue
                }
                firstLine[name] = start + 1
            }
            if let rule = read(t, lines: start..<end) { rules.append(rule) }
        }
        return rules
    }

    private mutating func read(_ t: TOMLTable, lines range: Range<Int>) -> Rule? {
        let header = range.lowerBound + 1
        for key in t.keys where !Self.keys.contains(key) {
            add(line(of: key, in: range) ?? header, 0, Message(.importMappingUnknownKey, .text(key), .text(Self.keys.joined(separator: ", "))))
        }
        var values: [String: String] = [:]
        for key in Self.keys {
            guard let v = t[key]?.string else {
                add(line(of: key, in: range) ?? header, 0, Message(.ruleMissingKey, .text(key)))
                continue
            }
            values[key] = v
        }
        guard let name = values["name"], let stage = values["stage"], let when = values["when"], let moveTo = values["move_to"] else { return nil }
        var expression: RuleExpression?
        do {
            expression = try RuleExpression.parse(when)
        } catch {
            let (n, column) = place(of: "when", in: range, header: header)
            add(n, column + error.position, error.message)
        }
        let stagesKnown = [checkStage(stage, key: "stage", range), checkStage(moveTo, key: "move_to", range)].allSatisfy { $0 }
        guard stagesKnown, let expression else { return nil }
        return Rule(name: name, stage: stage, when: expression, moveTo: moveTo, line: header)
    }

    private mutating func checkStage(_ id: String, key: String, _ range: Range<Int>) -> Bool {
        guard !stages.contains(where: { $0.id == id }) else { return true }
        add(line(of: key, in: range) ?? range.lowerBound + 1, 0,
            Message(.unknownStageAmong, .text(JSONText.string(id)), .text(stages.map(\.id).joined(separator: ", "))))
        return false
    }

    /// The 1-based line where `key = …` stands in the rule's lines.
    private func line(of key: String, in range: Range<Int>) -> Int? {
        range.first { i in
            let s = lines[i].drop { $0 == " " || $0 == "\t" }
            return s.hasPrefix(key) && s.dropFirst(key.count).drop { $0 == " " || $0 == "\t" }.hasPrefix("=")
        }.map { $0 + 1 }
    }

    /// The line of `key` and the column of its value's opening quote (0 when not found), so
    /// that column + position in the expression is the column in the file.
    private func place(of key: String, in range: Range<Int>, header: Int) -> (line: Int, column: Int) {
        guard let n = line(of: key, in: range) else { return (header, 0) }
        let text = Array(lines[n - 1])
        guard let eq = text.firstIndex(of: "="), let quote = text[eq...].firstIndex(where: { $0 == "\"" || $0 == "'" }) else { return (n, 0) }
        return (n, quote + 1)
    }

    private mutating func add(_ line: Int, _ position: Int, _ message: Message) {
        problems.append(position > 0
            ? Message(.ruleAt, .text(file), .count(line), .count(position), .message(message))
            : Message(.ruleAtLine, .text(file), .count(line), .message(message)))
    }
}
