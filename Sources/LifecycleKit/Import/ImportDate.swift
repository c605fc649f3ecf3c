/// The date formats `clc import` reads, and how a column's format is decided.
///
/// A cell is one of: ISO 8601 / RFC 3339 (`2026-03-01`, `2026-03-01T09:30:00Z`, with an
/// offset), `YYYY-MM-DD HH:MM[:SS]`, `DD.MM.YYYY[ HH:MM[:SS]]`, or a slash date
/// `A/B/YYYY[ HH:MM[:SS]]`, which is `MM/DD/YYYY` or `DD/MM/YYYY`. Which one a slash column
/// holds is decided over the whole column: a first part above 12 makes it day first, a second
/// part above 12 month first; a column where neither happens is ambiguous and needs
/// `date_format` in the mapping. Times without an offset are taken as UTC.
public enum ImportDateFormat: String, Sendable, CaseIterable {
    case monthFirst = "MM/DD/YYYY"
    case dayFirst = "DD/MM/YYYY"

    /// The names a mapping's `date_format` accepts (also `YYYY-MM-DD` and `DD.MM.YYYY`, which
    /// need no decision: nil).
    public static func parse(setting: String) -> ImportDateFormat?? {
        switch setting.uppercased() {
        case "MM/DD/YYYY": return .some(.monthFirst)
        case "DD/MM/YYYY": return .some(.dayFirst)
        case "YYYY-MM-DD", "ISO", "ISO 8601", "DD.MM.YYYY": return .some(nil)
        default: return nil
        }
    }
}

/// One date cell taken apart.
enum DateCell {
    case timestamp(Timestamp)
    /// `first/second/year` and seconds of the day: which part is the month is not yet known.
    case slash(first: Int64, second: Int64, year: Int64, seconds: Int64)
    case invalid

    init(_ raw: String) {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if let t = Timestamp(text) { self = .timestamp(t); return }
        let (datePart, timePart) = Self.split(text)
        guard let seconds = Self.seconds(timePart) else { self = .invalid; return }
        let numbers: [Int64]
        if datePart.contains("-") {
            numbers = Self.parts(datePart, "-", [4, 2, 2])
            guard numbers.count == 3 else { self = .invalid; return }
            self = Self.make(year: numbers[0], month: numbers[1], day: numbers[2], seconds: seconds)
        } else if datePart.contains(".") {
            numbers = Self.parts(datePart, ".", [2, 2, 4])
            guard numbers.count == 3 else { self = .invalid; return }
            self = Self.make(year: numbers[2], month: numbers[1], day: numbers[0], seconds: seconds)
        } else {
            numbers = Self.parts(datePart, "/", [2, 2, 4])
            guard numbers.count == 3 else { self = .invalid; return }
            self = .slash(first: numbers[0], second: numbers[1], year: numbers[2], seconds: seconds)
        }
    }

    /// The moment, once a slash date's order is known (nil for an impossible date).
    func timestamp(_ format: ImportDateFormat?) -> Timestamp? {
        switch self {
        case .timestamp(let t): return t
        case .invalid: return nil
        case .slash(let a, let b, let year, let seconds):
            guard let format else { return nil }
            let (month, day) = format == .monthFirst ? (a, b) : (b, a)
            if case .timestamp(let t) = Self.make(year: year, month: month, day: day, seconds: seconds) { return t }
            return nil
        }
    }

    private static func make(year: Int64, month: Int64, day: Int64, seconds: Int64) -> DateCell {
        guard year >= 1, year <= 9999, month >= 1, month <= 12, day >= 1,
              day <= Timestamp.daysIn(month: month, year: year) else { return .invalid }
        let days = Timestamp.days(fromYear: year, month: month, day: day)
        return .timestamp(Timestamp(microseconds: (days * 86_400 + seconds) * 1_000_000))
    }

    private static func split(_ text: String) -> (Substring, Substring) {
        guard let space = text.firstIndex(of: " ") else { return (text[...], "") }
        return (text[..<space], text[text.index(after: space)...])
    }

    /// `HH:MM` or `HH:MM:SS` as seconds of the day; 0 for no time; nil when malformed.
    private static func seconds(_ time: Substring) -> Int64? {
        let t = time.trimmingCharacters(in: .whitespaces)
        if t.isEmpty { return 0 }
        let p = t.split(separator: ":", omittingEmptySubsequences: false)
        guard p.count == 2 || p.count == 3, p.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCIIDigit) }),
              let h = Int64(p[0]), let m = Int64(p[1]), h < 24, m < 60 else { return nil }
        let s = p.count == 3 ? Int64(p[2])! : 0
        guard s < 60 else { return nil }
        return h * 3600 + m * 60 + s
    }

    /// The parts of `text` split at `separator`, each all digits of at most `widths[i]`
    /// digits (the year exactly 4); empty when they are not.
    private static func parts(_ text: Substring, _ separator: Character, _ widths: [Int]) -> [Int64] {
        let p = text.split(separator: separator, omittingEmptySubsequences: false)
        guard p.count == 3 else { return [] }
        var out: [Int64] = []
        for (part, width) in zip(p, widths) {
            guard !part.isEmpty, part.count <= width, width != 4 || part.count == 4,
                  part.allSatisfy(\.isASCIIDigit), let v = Int64(part) else { return [] }
            out.append(v)
        }
        return out
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

/// What a whole date column says about its slash dates.
struct DateColumnEvidence {
    var hasSlash = false
    var firstAbove12: String?
    var secondAbove12: String?
    var example: String?

    mutating func add(_ cell: DateCell, raw: String) {
        guard case .slash(let a, let b, _, _) = cell else { return }
        hasSlash = true
        if example == nil { example = raw }
        if a > 12, firstAbove12 == nil { firstAbove12 = raw }
        if b > 12, secondAbove12 == nil { secondAbove12 = raw }
    }

    /// The column's format, or the message why it cannot be decided.
    func decide(setting: ImportDateFormat?) -> Decided<ImportDateFormat?> {
        if let setting { return .success(setting) }
        guard hasSlash else { return .success(nil) }
        switch (firstAbove12, secondAbove12) {
        case (.some, nil): return .success(.dayFirst)
        case (nil, .some): return .success(.monthFirst)
        case (.some(let a), .some(let b)): return .failure(Message(.importDatesMixed, .text(a), .text(b)))
        case (nil, nil): return .failure(Message(.importDatesAmbiguous, .text(example ?? "")))
        }
    }
}

/// A value read from a file, or the message why there is none (`Message` is no `Error`).
enum Decided<T> {
    case success(T)
    case failure(Message)
}
