import Foundation
import TOMLKit

/// One `[[rule]]` of a rules file: customers in `stage` matching `when` should move to `moveTo`.
public struct Rule: Hashable, Sendable {
    public var name: String
    /// The id of the stage the rule looks at.
    public var stage: String
    public var when: RuleExpression
    /// The id of the stage it proposes.
    public var moveTo: String
    /// The line of its `[[rule]]` header.
    public var line: Int

    public init(name: String, stage: String, when: RuleExpression, moveTo: String, line: Int = 0) {
        self.name = name
        self.stage = stage
        self.when = when
        self.moveTo = moveTo
        self.line = line
    }

    /// Its expression reads clv, p_alive, rfm or rfm_segment (it needs the value table).
    public var readsValues: Bool { when.fields.contains(where: \.readsValues) }
}

/// Every problem of a rules file, each naming the file, line and (in an expression) position.
public struct RulesFileError: Error, Sendable {
    public var problems: [Message]
}

/// Reads `FILE.rules.toml` (or the file given with `--rules`).
public enum RulesFile {
    /// The rules file beside a snapshot: `shop.sqlite` → `shop.rules.toml`.
    public static func path(besideSnapshot snapshot: String) -> String {
        let ns = snapshot as NSString
        return ns.deletingPathExtension + ".rules.toml"
    }

    /// Reads and checks the rules at `path` against the snapshot's stages.
    public static func load(_ path: String, stages: [Stage]) throws -> [Rule] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RulesFileError(problems: [Message(.rulesFileMissing, .text(path))])
        }
        return try parse(String(decoding: data, as: UTF8.self), file: (path as NSString).lastPathComponent, stages: stages)
    }

    /// Parses rules text; `file` names it in problems. Collects every problem before throwing.
    public static func parse(_ text: String, file: String, stages: [Stage]) throws -> [Rule] {
        let top: TOMLTable
        do {
            top = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw RulesFileError(problems: [Message(.ruleAt, .text(file), .count(error.source.begin.line),
                                                    .count(error.source.begin.column), .text(error.description))])
        }
        var reader = RulesReader(file: file, lines: text.components(separatedBy: "\n"), stages: stages)
        let rules = reader.read(top)
        if !reader.problems.isEmpty { throw RulesFileError(problems: reader.problems) }
        return rules
    }
}
