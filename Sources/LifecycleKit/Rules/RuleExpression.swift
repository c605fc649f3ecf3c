/// A parsed rule expression (`days_since_last_purchase > 90 and not tags contains "vip"`):
/// parse once with `parse(_:)`, then evaluate against each customer's `RuleSubject`.
public struct RuleExpression: Hashable, Sendable {
    /// A comparison operator.
    public enum Operator: String, Hashable, Sendable, CaseIterable {
        case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "==", notEqual = "!="
    }

    indirect enum Node: Hashable, Sendable {
        case and(Node, Node)
        case or(Node, Node)
        case not(Node)
        case compare(RuleField, Operator, RuleValue)
        case compareFields(RuleField, Operator, RuleField)
        case member(RuleField, [RuleValue])
        case contains(RuleField, String)
    }

    let root: Node
    /// The text as written.
    public let text: String

    /// Parses `text`; a mistake throws with its position (1-based, in characters).
    public static func parse(_ text: String) throws(RuleExpressionError) -> RuleExpression {
        var parser = RuleExpressionParser(text)
        return RuleExpression(root: try parser.parseWhole(), text: text)
    }

    /// Every field the expression reads.
    public var fields: Set<RuleField> {
        var found = Set<RuleField>()
        func walk(_ n: Node) {
            switch n {
            case .and(let a, let b), .or(let a, let b): walk(a); walk(b)
            case .not(let a): walk(a)
            case .compare(let f, _, _), .member(let f, _), .contains(let f, _): found.insert(f)
            case .compareFields(let a, _, let b): found.formUnion([a, b])
            }
        }
        walk(root)
        return found
    }

    /// Whether `subject` matches; any comparison with a null field is false.
    public func matches(_ subject: RuleSubject) -> Bool { Self.evaluate(root, subject) }

    private static func evaluate(_ n: Node, _ s: RuleSubject) -> Bool {
        switch n {
        case .and(let a, let b): evaluate(a, s) && evaluate(b, s)
        case .or(let a, let b): evaluate(a, s) || evaluate(b, s)
        case .not(let a): !evaluate(a, s)
        case .compare(let f, let op, let literal): compare(s.value(of: f), op, literal)
        case .compareFields(let a, let op, let b): compare(s.value(of: a), op, s.value(of: b))
        case .member(let f, let list): list.contains { compare(s.value(of: f), .equal, $0) }
        case .contains(let f, let tag):
            if case .tags(let tags) = s.value(of: f) { tags.contains(tag) } else { false }
        }
    }

    /// Compares values of the same type; null or mixed types are false.
    static func compare(_ a: RuleValue, _ op: Operator, _ b: RuleValue) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): ordered(x, op, y)
        case (.string(let x), .string(let y)): ordered(x, op, y)
        case (.date(let x), .date(let y)): ordered(x, op, y)
        case (.bool(let x), .bool(let y)): op == .equal ? x == y : op == .notEqual ? x != y : false
        default: false
        }
    }

    private static func ordered<T: Comparable>(_ x: T, _ op: Operator, _ y: T) -> Bool {
        switch op {
        case .less: x < y
        case .lessOrEqual: x <= y
        case .greater: x > y
        case .greaterOrEqual: x >= y
        case .equal: x == y
        case .notEqual: x != y
        }
    }
}

/// A mistake in a rule expression, with the position (1-based, in characters) where it is.
public struct RuleExpressionError: Error, Hashable, Sendable {
    public var position: Int
    public var message: Message

    public init(position: Int, _ message: Message) {
        self.position = position
        self.message = message
    }
}
