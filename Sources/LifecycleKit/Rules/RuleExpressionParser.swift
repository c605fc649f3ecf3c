/// Recursive descent over the tokens of a rule expression:
/// `or := and ("or" and)*`, `and := not ("and" not)*`, `not := "not" not | "(" or ")" | test`,
/// `test := FIELD (OP (literal | FIELD) | "in" "[" literal ("," literal)* "]" | "contains" STRING)`.
struct RuleExpressionParser {
    private var lexer: RuleLexer
    private var token: RuleToken
    private var depth = 0

    init(_ text: String) {
        lexer = RuleLexer(text)
        token = RuleToken(kind: .end, position: 1)
    }

    mutating func parseWhole() throws(RuleExpressionError) -> RuleExpression.Node {
        try advance()
        let node = try parseOr()
        guard case .end = token.kind else { throw unexpected("and, or or the end") }
        return node
    }

    private mutating func advance() throws(RuleExpressionError) { token = try lexer.next() }

    private func isWord(_ w: String) -> Bool {
        if case .word(let x) = token.kind { x == w } else { false }
    }

    private func unexpected(_ expected: String) -> RuleExpressionError {
        RuleExpressionError(position: token.position, Message(.ruleExpected, .text(expected), .text(token.kind.shown)))
    }

    private mutating func parseOr() throws(RuleExpressionError) -> RuleExpression.Node {
        var node = try parseAnd()
        while isWord("or") {
            try advance()
            node = .or(node, try parseAnd())
        }
        return node
    }

    private mutating func parseAnd() throws(RuleExpressionError) -> RuleExpression.Node {
        var node = try parseNot()
        while isWord("and") {
            try advance()
            node = .and(node, try parseNot())
        }
        return node
    }

    private mutating func parseNot() throws(RuleExpressionError) -> RuleExpression.Node {
        depth += 1
        defer { depth -= 1 }
        guard depth < 200 else { throw RuleExpressionError(position: token.position, Message(.ruleTooDeep)) }
        if isWord("not") {
            try advance()
            return .not(try parseNot())
        }
        if case .symbol("(") = token.kind {
            try advance()
            let node = try parseOr()
            guard case .symbol(")") = token.kind else { throw unexpected(")") }
            try advance()
            return node
        }
        return try parseTest()
    }

    private mutating func parseTest() throws(RuleExpressionError) -> RuleExpression.Node {
        guard case .word(let name) = token.kind, !["and", "or", "not", "in", "contains"].contains(name) else {
            throw unexpected("a field")
        }
        guard let field = RuleField(name: name) else {
            let known = RuleField.named.map(\.0) + ["attributes.NAME"]
            throw RuleExpressionError(position: token.position, Message(.ruleUnknownField, .text(name), .text(known.joined(separator: ", "))))
        }
        let fieldPosition = token.position
        try advance()
        if isWord("contains") { return try parseContains(field, name, fieldPosition) }
        if isWord("in") { return try parseIn(field, name, fieldPosition) }
        guard case .symbol(let s) = token.kind, let op = RuleExpression.Operator(rawValue: s) else {
            throw unexpected("<, <=, >, >=, ==, !=, in or contains")
        }
        guard field.kind != .tags else { throw wrongOperator(s, name, fieldPosition) }
        try advance()
        if case .word(let other) = token.kind, let right = RuleField(name: other) {
            return try parseFieldComparison(field, op, right, name: name, other: other)
        }
        let literal = try parseLiteral(for: field, name: name)
        if case .bool = literal, op != .equal, op != .notEqual { throw wrongOperator(s, name, fieldPosition) }
        return .compare(field, op, literal)
    }

    /// `FIELD OP FIELD`: both of one kind (an attribute goes with any); tags never.
    private mutating func parseFieldComparison(_ left: RuleField, _ op: RuleExpression.Operator, _ right: RuleField,
                                               name: String, other: String) throws(RuleExpressionError) -> RuleExpression.Node {
        guard right.kind != .tags else { throw wrongOperator(op.rawValue, other, token.position) }
        guard left.kind == right.kind || left.kind == .any || right.kind == .any else {
            throw RuleExpressionError(position: token.position, Message(.ruleWrongType, .text(name), .text(other)))
        }
        try advance()
        return .compareFields(left, op, right)
    }

    private func wrongOperator(_ op: String, _ name: String, _ position: Int) -> RuleExpressionError {
        RuleExpressionError(position: position, Message(.ruleWrongOperator, .text(op), .text(name)))
    }

    private mutating func parseContains(_ field: RuleField, _ name: String, _ position: Int) throws(RuleExpressionError) -> RuleExpression.Node {
        guard field == .tags else { throw wrongOperator("contains", name, position) }
        try advance()
        guard case .string(let tag) = token.kind else { throw unexpected("a quoted tag") }
        try advance()
        return .contains(field, tag)
    }

    private mutating func parseIn(_ field: RuleField, _ name: String, _ position: Int) throws(RuleExpressionError) -> RuleExpression.Node {
        guard field.kind != .tags else { throw wrongOperator("in", "tags", position) }
        try advance()
        guard case .symbol("[") = token.kind else { throw unexpected("[") }
        try advance()
        var list: [RuleValue] = []
        while true {
            list.append(try parseLiteral(for: field, name: name))
            if case .symbol("]") = token.kind { break }
            guard case .symbol(",") = token.kind else { throw unexpected(", or ]") }
            try advance()
        }
        try advance()
        return .member(field, list)
    }

    /// A literal of the field's type (any type for an attribute).
    private mutating func parseLiteral(for field: RuleField, name: String) throws(RuleExpressionError) -> RuleValue {
        let value: RuleValue
        let kind: RuleField.Kind
        switch token.kind {
        case .number(let n): (value, kind) = (.number(n), .number)
        case .string(let s): (value, kind) = (.string(s), .string)
        case .date(let d): (value, kind) = (.date(d), .date)
        case .word("true"): (value, kind) = (.bool(true), .any)
        case .word("false"): (value, kind) = (.bool(false), .any)
        default: throw unexpected("a number, a quoted string or a date")
        }
        guard field.kind == .any || field.kind == kind else {
            let wanted = switch field.kind {
            case .number: "a number"
            case .string: "a quoted string"
            case .date: "a date (YYYY-MM-DD)"
            default: "a value"
            }
            throw RuleExpressionError(position: token.position, Message(.ruleWrongType, .text(name), .text(wanted)))
        }
        try advance()
        return value
    }
}
