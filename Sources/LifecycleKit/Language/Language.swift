/// A language clc speaks: its messages come from the catalog (`Message.text(in:)`), its
/// numbers, money and dates from `Formats`.
public enum Language: String, CaseIterable, Sendable {
    case en, de

    /// The language to use: `--lang` (`option`), else `CLC_LANG`, else the first non-empty of
    /// `LC_ALL`, `LC_MESSAGES`, `LANG` (POSIX order). A locale naming German (`de`,
    /// `de_DE.UTF-8`, `de_AT`, `de-CH`) gives German; anything else (`C`, `POSIX`, `fr_FR`)
    /// gives English.
    public static func resolve(option: Language?, environment: [String: String]) -> Language {
        if let option { return option }
        for name in ["CLC_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty { return fromLocale(value) }
        }
        return .en
    }

    /// The language a locale name stands for: its language part (before `_`, `-`, `.`, `@`).
    public static func fromLocale(_ name: String) -> Language {
        let code = name.prefix { !"_-.@".contains($0) }.lowercased()
        return Language(rawValue: code) ?? .en
    }

    /// The plural category of a count (CLDR rules for integers). English and German know
    /// `one` (exactly 1) and `other`; a language added later may use more categories.
    public func pluralCategory(_ n: Int) -> PluralCategory {
        switch self {
        case .en, .de: return n == 1 ? .one : .other
        }
    }

    /// How this language writes numbers, money and dates.
    public var formats: Formats { Formats(self) }
}

/// CLDR plural categories; a template names the ones its language needs, `other` always.
public enum PluralCategory: String, CaseIterable, Sendable {
    case zero, one, two, few, many, other
}
