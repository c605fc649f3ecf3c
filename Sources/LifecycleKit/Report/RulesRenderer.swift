/// `clc rules` output: each rule with its match count and a few of the matches.
public enum RulesRenderer {
    /// `{"rules": [{"name", "stage", "move_to", "matches", "sample": [ids]}]}`.
    public static func json(_ results: [RuleMatches], sample: Int = 5) -> String {
        let rules = results.map { r in
            "{\"name\": \(JSONText.string(r.rule.name)), \"stage\": \(JSONText.string(r.rule.stage)), "
                + "\"move_to\": \(JSONText.string(r.rule.moveTo)), \"matches\": \(r.count), "
                + "\"sample\": [\(r.sample(sample).map(JSONText.string).joined(separator: ", "))]}"
        }
        return "{\"rules\": [" + rules.map { "\n  " + $0 }.joined(separator: ",") + (rules.isEmpty ? "" : "\n") + "]}\n"
    }

    /// One aligned row per rule, in `language`.
    public static func table(_ results: [RuleMatches], sample: Int = 5, language: Language) -> String {
        let heads = Message(.rulesColumns).text(in: language).split(separator: "\t").map(String.init)
        let rows = results.map { r in
            [SafeText.truncated(r.rule.name, width: 32), SafeText.truncated(r.rule.stage, width: 20),
             SafeText.truncated(r.rule.moveTo, width: 20), language.formats.count(r.count),
             r.sample(sample).map { SafeText.truncated($0, width: 20) }.joined(separator: ", ")]
        }
        let lines = ReportRenderer.aligned(heads, rows, leftAligned: [0, 1, 2, 4])
        return lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n") + "\n"
    }
}
