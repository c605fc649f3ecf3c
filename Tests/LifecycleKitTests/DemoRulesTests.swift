import Foundation
import Testing
@testable import LifecycleKit

/// The demo ships the lifecycle playbook as `demo.rules.toml` (issue 14).
@Suite struct DemoRulesTests {
    @Test func thePlaybookIsValidForTheDemoStages() throws {
        let rules = try RulesFile.parse(DemoRules.text, file: "demo.rules.toml", stages: DemoStage.stages)
        #expect(rules.map { "\($0.stage)→\($0.moveTo)" } == ["conversion→retention", "retention→loyalty", "retention→reengagement", "reengagement→retention"])
        #expect(rules[1].when.fields == Set<RuleField>([.purchases, .pAlive]))
    }

    @Test func ensureWritesTheRulesBesideTheDemoAndKeepsEdits() throws {
        let dir = try Fixtures.temporaryDirectory()
        let path = dir.appendingPathComponent("demo.sqlite").path
        let rules = dir.appendingPathComponent("demo.rules.toml").path
        try DemoSnapshot.writeRules(besideSnapshot: path, replacing: false)
        #expect(try String(contentsOfFile: rules, encoding: .utf8) == DemoRules.text)
        try "# mine\n".write(toFile: rules, atomically: true, encoding: .utf8)
        try DemoSnapshot.writeRules(besideSnapshot: path, replacing: false)
        #expect(try String(contentsOfFile: rules, encoding: .utf8) == "# mine\n")
        try DemoSnapshot.writeRules(besideSnapshot: path, replacing: true)
        #expect(try String(contentsOfFile: rules, encoding: .utf8) == DemoRules.text)
    }
}

/// `clc rules`' table: aligned, no trailing blanks, names through the safe-text path.
@Suite struct RulesTableTests {
    @Test func tableIsAlignedWithoutTrailingBlanks() throws {
        let rule = Rule(name: "Quiet\u{1B}[31m", stage: "purchase", when: try RuleExpression.parse("purchases > 0"), moveTo: "retention")
        let text = RulesRenderer.table([RuleMatches(rule: rule, ids: ["C1", "C2"]), RuleMatches(rule: rule, ids: [])], language: .en)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") }, "\(lines)")
        #expect(!text.contains("\u{1B}"))
        #expect(lines[2].hasSuffix("  2  C1, C2"), "\(lines[2])")
    }
}
