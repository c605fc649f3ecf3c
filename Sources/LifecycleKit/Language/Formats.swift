/// Numbers, money and dates as a language writes them. English is clc's historical form
/// (`1,204.50`, `46.8%`, `1,204.50 EUR`, `2026-11-30`, `2026-11-30T10:42:00Z`); German is
/// `1.204,50`, `46,8 %`, `1.204,50 €`, `30.11.2026`, `30.11.2026, 10:42 UTC`.
public struct Formats: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    /// A count, grouped: `1,204` / `1.204`.
    public func count(_ n: Int) -> String { localized(NumberText.grouped(n)) }

    /// A fixed number of decimals, grouped: `1,234.50` / `1.234,50`; `—` when not finite.
    public func number(_ x: Double, decimals: Int) -> String { localized(NumberText.fixed(x, decimals: decimals)) }

    /// A ratio as a percentage with one decimal: `0.468` → `46.8%` / `46,8 %`.
    public func percent(_ ratio: Double) -> String {
        switch language {
        case .en: return NumberText.percent(ratio)
        case .de: return number(ratio * 100, decimals: 1) + " %"
        }
    }

    /// An amount with two decimals and its ISO 4217 currency: `1,204.50 EUR` / `1.204,50 €`.
    public func money(_ amount: Double, currency: String) -> String {
        switch language {
        case .en: return number(amount, decimals: 2) + " " + currency
        case .de: return number(amount, decimals: 2) + " " + (Self.symbols[currency] ?? currency)
        }
    }

    /// The calendar day (UTC): `2026-11-30` / `30.11.2026`.
    public func date(_ t: Timestamp) -> String {
        switch language {
        case .en: return t.dateString
        case .de: return Self.germanDate(t.iso8601)
        }
    }

    /// A moment (UTC): `2026-11-30T10:42:00Z` / `30.11.2026, 10:42 UTC` (seconds when not 0).
    public func time(_ t: Timestamp) -> String {
        switch language {
        case .en: return t.iso8601
        case .de:
            let iso = t.iso8601
            let clock = iso.dropFirst(11).prefix(8)
            let shown = clock.hasSuffix(":00") ? clock.prefix(5) : clock
            return Self.germanDate(iso) + ", " + shown + " UTC"
        }
    }

    /// Currency symbols German writes after the amount; other codes stay as they are.
    static let symbols = ["EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥"]

    /// `2026-11-30…` → `30.11.2026`.
    static func germanDate(_ iso: String) -> String {
        let c = Array(iso.prefix(10).split(separator: "-"))
        return c.count == 3 ? "\(c[2]).\(c[1]).\(c[0])" : iso
    }

    /// English digits (`1,234.5`) with this language's separators.
    func localized(_ english: String) -> String {
        switch language {
        case .en: return english
        case .de: return String(english.map { $0 == "," ? "." : $0 == "." ? "," : $0 })
        }
    }
}
