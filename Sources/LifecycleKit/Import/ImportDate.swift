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
        var text = raw.trimmedSpaces
        self = text.withUTF8 { DateCell(trimmed: $0) }
    }

    /// A cell's bytes without spaces around them.
    init(trimmed b: UnsafeBufferPointer<UInt8>) {
        if let t = Timestamp.parse(b) { self = .timestamp(t); return }
        self = Self.parse(b)
    }

    /// `Y-M-D`, `D.M.Y` or `A/B/Y`, then optionally spaces and `HH:MM[:SS]`, from bytes.
    private static func parse(_ b: UnsafeBufferPointer<UInt8>) -> DateCell {
        var i = 0
        func number(_ widths: ClosedRange<Int>) -> Int64? {
            var v: Int64 = 0, n = 0
            while i < b.count, b[i] >= 48, b[i] <= 57 {
                if n < 5 { v = v * 10 + Int64(b[i] - 48) }   // more digits are refused below: no overflow
                n += 1
                i += 1
            }
            return widths.contains(n) ? v : nil
        }
        func take(_ c: UInt8) -> Bool {
            guard i < b.count, b[i] == c else { return false }
            i += 1
            return true
        }
        guard let first = number(1...4), i < b.count else { return .invalid }
        let sep = b[i]
        let firstWidths: ClosedRange<Int> = sep == 45 ? 4...4 : 1...2
        guard [45, 46, 47].contains(sep), firstWidths.contains(i), take(sep),
              let second = number(1...2), take(sep), let third = number(sep == 45 ? 1...2 : 4...4) else { return .invalid }
        var seconds: Int64 = 0
        if i < b.count {
            guard take(32) else { return .invalid }
            while take(32) {}
            guard let h = number(1...2), h < 24, take(58), let m = number(1...2), m < 60 else { return .invalid }
            seconds = h * 3600 + m * 60
            if take(58) {
                guard let sec = number(1...2), sec < 60 else { return .invalid }
                seconds += sec
            }
            guard i == b.count else { return .invalid }
        }
        switch sep {
        case 45: return make(year: first, month: second, day: third, seconds: seconds)
        case 46: return make(year: third, month: second, day: first, seconds: seconds)
        default: return .slash(first: first, second: second, year: third, seconds: seconds)
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
}

extension String {
    /// Without leading and trailing spaces and tabs; the string itself (no copy) when it has none.
    var trimmedSpaces: String {
        let u = utf8
        guard let first = u.first, let last = u.last else { return self }
        let blank = { (b: UInt8) in b == 0x20 || b == 0x09 }
        return blank(first) || blank(last) ? trimmingCharacters(in: .whitespaces) : self
    }
}

/// What a whole date column says about its slash dates.
struct DateColumnEvidence {
    var hasSlash = false
    var firstAbove12: String?
    var secondAbove12: String?
    var example: String?

    /// Looks at `raw` (its `DateCell` is made only when it holds a slash).
    mutating func add(raw: String) {
        guard raw.utf8.contains(0x2F) else { return }
        add(DateCell(raw), raw: raw)
    }

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
