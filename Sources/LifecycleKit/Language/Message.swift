/// A user-visible message as a value: a catalog key and its typed arguments. It becomes
/// text only when rendered in a language (`text(in:)`), so a screen or the command line can
/// hold messages and show them in whatever language the user chose.
public struct Message: Hashable, Sendable, CustomStringConvertible {
    public var key: MessageKey
    public var arguments: [MessageArgument]

    public init(_ key: MessageKey, _ arguments: MessageArgument...) {
        self.key = key
        self.arguments = arguments
    }

    public init(_ key: MessageKey, arguments: [MessageArgument]) {
        self.key = key
        self.arguments = arguments
    }

    /// The message in `language`, its numbers and dates formatted by that language.
    public func text(in language: Language) -> String {
        MessageTemplate.parsed(key, language).render(arguments, in: language)
    }

    /// The English text.
    public var description: String { text(in: .en) }
}

/// One argument of a message. Counts choose plural forms; numbers, money and dates are
/// formatted by the language; text is data (names, ids, paths) and is shown made safe for a
/// terminal.
public indirect enum MessageArgument: Hashable, Sendable {
    /// A whole number, grouped (`1,204`); selects the plural form where the template asks.
    case count(Int)
    case number(Double, decimals: Int)
    /// A ratio shown as a percentage: `0.468` → `46.8%` / `46,8 %`.
    case percent(Double)
    case money(Double, currency: String)
    /// The calendar day of a moment.
    case date(Timestamp)
    /// A moment, date and time.
    case time(Timestamp)
    /// Data shown as it is (control characters made visible).
    case text(String)
    /// Another message, rendered in the same language.
    case message(Message)

    /// This argument as text in `language`.
    func text(in language: Language) -> String {
        let f = language.formats
        switch self {
        case .count(let n): return f.count(n)
        case .number(let x, let decimals): return f.number(x, decimals: decimals)
        case .percent(let r): return f.percent(r)
        case .money(let x, let currency): return f.money(x, currency: SafeText.visible(currency))
        case .date(let t): return f.date(t)
        case .time(let t): return f.time(t)
        case .text(let s): return SafeText.visible(s)
        case .message(let m): return m.text(in: language)
        }
    }
}
