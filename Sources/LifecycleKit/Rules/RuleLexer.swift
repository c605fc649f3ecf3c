/// One token of a rule expression, with its position (1-based, in characters).
struct RuleToken {
    enum Kind: Equatable {
        case number(Double)
        case string(String)
        /// Days since 1970-01-01.
        case date(Int64)
        case word(String)
        case symbol(String)
        case end

        var shown: String {
            switch self {
            case .number(let n): "\(n)"
            case .string(let s): "\"\(s)\""
            case .date(let d): Timestamp(microseconds: d * 86_400_000_000).dateString
            case .word(let w), .symbol(let w): w
            case .end: "the end"
            }
        }
    }

    var kind: Kind
    var position: Int
}

/// Splits an expression into tokens: numbers (`90`, `0.8`, `-1`), strings in `"…"` or `'…'`
/// (`\` escapes the next character), dates `YYYY-MM-DD`, words (fields, `and`, `true`…),
/// operators and `( ) [ ] ,`.
struct RuleLexer {
    private let chars: [Character]
    private var i = 0

    init(_ text: String) { chars = Array(text) }

    mutating func next() throws(RuleExpressionError) -> RuleToken {
        while i < chars.count, chars[i].isWhitespace { i += 1 }
        let start = i
        guard i < chars.count else { return RuleToken(kind: .end, position: start + 1) }
        let c = chars[i]
        if c == "\"" || c == "'" { return RuleToken(kind: try string(quote: c), position: start + 1) }
        if c.isASCII, c.isNumber || (c == "-" && i + 1 < chars.count && chars[i + 1].isASCII && chars[i + 1].isNumber) {
            return RuleToken(kind: try number(), position: start + 1)
        }
        if c.isLetter || c == "_" {
            while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" || chars[i] == "." { i += 1 }
            return RuleToken(kind: .word(String(chars[start..<i])), position: start + 1)
        }
        for op in ["<=", ">=", "==", "!=", "<", ">", "(", ")", "[", "]", ","] where matches(op) {
            i += op.count
            return RuleToken(kind: .symbol(op), position: start + 1)
        }
        throw RuleExpressionError(position: start + 1, Message(.ruleUnexpectedCharacter, .text(String(c))))
    }

    private func matches(_ op: String) -> Bool {
        let end = i + op.count
        return end <= chars.count && String(chars[i..<end]) == op
    }

    private mutating func string(quote: Character) throws(RuleExpressionError) -> RuleToken.Kind {
        let start = i
        i += 1
        var text = ""
        while i < chars.count, chars[i] != quote {
            if chars[i] == "\\", i + 1 < chars.count { i += 1 }
            text.append(chars[i])
            i += 1
        }
        guard i < chars.count else { throw RuleExpressionError(position: start + 1, Message(.ruleUnclosedString)) }
        i += 1
        return .string(text)
    }

    private mutating func number() throws(RuleExpressionError) -> RuleToken.Kind {
        let start = i
        i += 1
        while i < chars.count, chars[i].isASCII, chars[i].isNumber || chars[i] == "." || chars[i] == "-" { i += 1 }
        let text = String(chars[start..<i])
        if text.contains("-"), !text.hasPrefix("-") || text.dropFirst().contains("-") {
            guard let day = Self.date(text) else {
                throw RuleExpressionError(position: start + 1, Message(.ruleBadDate, .text(text)))
            }
            return .date(day)
        }
        guard let n = Double(text), n.isFinite else { throw RuleExpressionError(position: start + 1, Message(.ruleBadNumber, .text(text))) }
        return .number(n)
    }

    /// `YYYY-MM-DD` as days since 1970-01-01, if it is a real calendar day.
    static func date(_ text: String) -> Int64? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let t = Timestamp(text + "T00:00:00Z"), t.dateString == text else { return nil }
        return RuleValue.day(of: t)
    }
}
