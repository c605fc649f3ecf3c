/// A catalog text, parsed. The syntax is a small subset of ICU MessageFormat:
/// `{0}` inserts argument 0; `{0, plural, one {# customer} other {# customers}}` chooses a
/// form by the plural category of count argument 0, `#` standing for the count. Forms may
/// hold further `{n}`. `other` is required; a language names the categories it needs. A brace
/// between apostrophes (`'{'`, `'}'`) is text, shown with its apostrophes.
struct MessageTemplate: Hashable, Sendable {
    enum Part: Hashable, Sendable {
        case literal(String)
        case argument(Int)
        case plural(Int, [PluralCategory: [Part]])
    }

    var parts: [Part]

    /// Argument index → whether it chooses a plural form, over the whole template.
    var placeholders: [Int: Bool] {
        var found: [Int: Bool] = [:]
        func visit(_ parts: [Part]) {
            for part in parts {
                switch part {
                case .literal: break
                case .argument(let i): found[i] = found[i] ?? false
                case .plural(let i, let forms):
                    found[i] = true
                    forms.values.forEach(visit)
                }
            }
        }
        visit(parts)
        return found
    }

    /// The text with `arguments` filled in; a missing argument shows as `{n}`.
    func render(_ arguments: [MessageArgument], in language: Language) -> String {
        var out = ""
        func emit(_ parts: [Part], count: String?) {
            for part in parts {
                switch part {
                case .literal(let s): out += count.map { s.replacingOccurrences(of: "#", with: $0) } ?? s
                case .argument(let i): out += i < arguments.count ? arguments[i].text(in: language) : "{\(i)}"
                case .plural(let i, let forms):
                    guard i < arguments.count else { out += "{\(i)}"; continue }
                    let n: Int
                    if case .count(let c) = arguments[i] { n = c } else { n = 0 }
                    let form = forms[language.pluralCategory(n)] ?? forms[.other] ?? []
                    emit(form, count: arguments[i].text(in: language))
                }
            }
        }
        emit(parts, count: nil)
        return out
    }

    /// The parsed catalog entry of `key` in `language` (parsed once, then kept).
    static func parsed(_ key: MessageKey, _ language: Language) -> MessageTemplate {
        cache[language]?[key] ?? MessageTemplate(parts: [.literal(key.rawValue)])
    }

    private static let cache: [Language: [MessageKey: MessageTemplate]] = {
        var all: [Language: [MessageKey: MessageTemplate]] = [:]
        for language in Language.allCases {
            var table: [MessageKey: MessageTemplate] = [:]
            for key in MessageKey.allCases {
                table[key] = (try? parse(Catalog.text(key, language))) ?? MessageTemplate(parts: [.literal(key.rawValue)])
            }
            all[language] = table
        }
        return all
    }()
}

/// Why a catalog text does not parse (reported by the catalog test).
struct TemplateSyntaxError: Error, Equatable {
    var reason: String
}

extension MessageTemplate {
    /// Parses a catalog text.
    static func parse(_ text: String) throws -> MessageTemplate {
        var scanner = TemplateScanner(Array(text))
        let parts = try scanner.parts(untilClosingBrace: false)
        return MessageTemplate(parts: parts)
    }
}

/// Reads a template's characters left to right.
struct TemplateScanner {
    var chars: [Character]
    var i = 0

    init(_ chars: [Character]) { self.chars = chars }

    /// Parts up to the end of the text, or up to the `}` closing a plural form.
    mutating func parts(untilClosingBrace: Bool) throws -> [MessageTemplate.Part] {
        var parts: [MessageTemplate.Part] = []
        var literal = ""
        while i < chars.count {
            let c = chars[i]
            if c == "'", i + 2 < chars.count, "{}".contains(chars[i + 1]), chars[i + 2] == "'" {
                literal += String(chars[i...(i + 2)])
                i += 3
                continue
            }
            if c == "}" {
                guard untilClosingBrace else { throw TemplateSyntaxError(reason: "unmatched }") }
                break
            }
            if c == "{" {
                if !literal.isEmpty { parts.append(.literal(literal)); literal = "" }
                i += 1
                parts.append(try placeholder())
            } else {
                literal.append(c)
                i += 1
            }
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        return parts
    }

    /// After `{`: `n}` or `n, plural, cat {…} … }`.
    mutating func placeholder() throws -> MessageTemplate.Part {
        let head = word(until: ",}")
        guard let index = Int(head.trimmed) else { throw TemplateSyntaxError(reason: "bad argument \"\(head)\"") }
        if take("}") { return .argument(index) }
        guard take(","), word(until: ",").trimmed == "plural", take(",") else {
            throw TemplateSyntaxError(reason: "expected \", plural,\" after {\(index)")
        }
        var forms: [PluralCategory: [MessageTemplate.Part]] = [:]
        while true {
            let name = word(until: "{}").trimmed
            if name.isEmpty, take("}") { break }
            guard let category = PluralCategory(rawValue: name), take("{") else {
                throw TemplateSyntaxError(reason: "bad plural form \"\(name)\"")
            }
            forms[category] = try parts(untilClosingBrace: true)
            guard take("}") else { throw TemplateSyntaxError(reason: "unclosed plural form") }
        }
        guard forms[.other] != nil else { throw TemplateSyntaxError(reason: "plural without other") }
        return .plural(index, forms)
    }

    /// Characters up to (not including) one of `stops`.
    mutating func word(until stops: String) -> String {
        var out = ""
        while i < chars.count, !stops.contains(chars[i]) { out.append(chars[i]); i += 1 }
        return out
    }

    /// Consumes `c` when it is next.
    mutating func take(_ c: Character) -> Bool {
        guard i < chars.count, chars[i] == c else { return false }
        i += 1
        return true
    }
}

private extension String {
    var trimmed: String { String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
}
