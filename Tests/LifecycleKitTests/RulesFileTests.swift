import Testing
@testable import LifecycleKit

/// A rules file (issue 14): read, and every wrong rule reported with file, line and position.
@Suite struct RulesFileTests {
    static let stages = ["awareness", "consideration", "purchase", "retention", "loyalty"].map { Stage(id: $0, name: $0.capitalized) }

    static func problems(_ text: String) -> [String] {
        do {
            _ = try RulesFile.parse(text, file: "shop.rules.toml", stages: stages)
            return []
        } catch let error as RulesFileError {
            return error.problems.map { $0.text(in: .en) }
        } catch {
            return ["\(error)"]
        }
    }

    @Test func readsRulesInOrder() throws {
        let rules = try RulesFile.parse("""
            [[rule]]
            name = "Inactive in retention"
            stage = "retention"                       # customers currently in this stage
            when = "days_since_last_purchase > 90"
            move_to = "consideration"

            [[rule]]
            name = "Second purchase"
            stage = "purchase"
            when = 'purchases >= 2'
            move_to = "retention"
            """, file: "shop.rules.toml", stages: Self.stages)
        #expect(rules.map(\.name) == ["Inactive in retention", "Second purchase"])
        #expect(rules.map(\.stage) == ["retention", "purchase"] && rules.map(\.moveTo) == ["consideration", "retention"])
        #expect(rules.map(\.line) == [1, 7])
        #expect(rules[1].when == (try RuleExpression.parse("purchases >= 2")))
    }

    @Test func everyProblemNamesFileLineAndPosition() {
        let p = Self.problems("""
            [[rule]]
            name = "A"
            stage = "retention"
            when = "days_since_last_purchase > 9O"
            move_to = "winback"

            [[rule]]
            name = "A"
            stage = "retention"
            when = "purchases > 1"
            move_to = "loyalty"

            [[rule]]
            name = "B"
            stage = "retention"
            when = "purchases > 1"
            """)
        #expect(p == [
            "shop.rules.toml line 4, position 37: expected and, or or the end, found O",
            "shop.rules.toml line 5: unknown stage \"winback\" (stages: awareness, consideration, purchase, retention, loyalty)",
            "shop.rules.toml line 7: another rule is named A (line 1)",
            "shop.rules.toml line 13: the rule needs move_to (a quoted string)",
        ], "\(p)")
    }

    @Test func aTOMLSyntaxErrorNamesItsLine() {
        let p = Self.problems("[[rule]]\nname = \"A\nstage = 1\n")
        #expect(p.count == 1 && p[0].hasPrefix("shop.rules.toml line 2, position "), "\(p)")
    }

    @Test func rulesFileLivesBesideTheSnapshot() {
        #expect(RulesFile.path(besideSnapshot: "/data/shop.sqlite") == "/data/shop.rules.toml")
        #expect(RulesFile.path(besideSnapshot: "shop.json") == "shop.rules.toml")
    }
}
