/// A moment in time, in microseconds since 1970-01-01T00:00:00Z.
///
/// Parsed from RFC 3339 (`2026-03-01T09:30:00Z`, `2026-03-01T10:30:00+01:00`, fractional
/// seconds allowed) or a bare date (`2026-03-01`, midnight UTC); always written in the
/// canonical UTC form `YYYY-MM-DDTHH:MM:SS[.ffffff]Z` (six fraction digits, none when they are
/// zero), whose text order is time order. Only times whose UTC form lies in the years
/// 0001–9999 exist: `parse` refuses others, so every timestamp has a canonical form.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// Microseconds since the Unix epoch (UTC).
    public var microseconds: Int64

    public init(microseconds: Int64) { self.microseconds = microseconds }

    public init(secondsSince1970 seconds: Int64) { self.microseconds = seconds * 1_000_000 }

    /// Parses RFC 3339 or a bare date; nil when the text is not such a timestamp.
    public init?<S: StringProtocol>(_ text: S) {
        var text = String(text)
        guard let value = text.withUTF8({ Timestamp.parse($0) }) else { return nil }
        self = value
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.microseconds < b.microseconds }

    /// Seconds (with fraction) from `self` to `later`.
    public func seconds(until later: Timestamp) -> Double {
        Double(later.microseconds - microseconds) / 1_000_000
    }

    /// Days (with fraction) from `self` to `later`.
    public func days(until later: Timestamp) -> Double { seconds(until: later) / 86_400 }

    public func adding(seconds: Int64) -> Timestamp {
        Timestamp(microseconds: microseconds + seconds * 1_000_000)
    }

    public var description: String { iso8601 }

    /// The earliest and latest times whose canonical form exists (0001-01-01T00:00:00Z,
    /// 9999-12-31T23:59:59.999999Z).
    public static let earliest = Timestamp(microseconds: days(fromYear: 1, month: 1, day: 1) * 86_400_000_000)
    public static let latest = Timestamp(microseconds: days(fromYear: 10_000, month: 1, day: 1) * 86_400_000_000 - 1)

    /// The canonical UTC form, e.g. `2026-03-01T09:30:00Z` or `2026-03-01T09:30:00.250000Z`.
    public var iso8601: String {
        // Written straight into the string's storage: this runs for every time a snapshot
        // writer writes (millions for an import or a conversion).
        String(unsafeUninitializedCapacity: Self.iso8601MaxLength) { writeISO8601(to: $0.baseAddress!) }
    }

    /// The longest canonical form (with a fraction): 27 bytes.
    static let iso8601MaxLength = 27

    /// Writes the canonical UTC form (`iso8601`) to `out` (room for `iso8601MaxLength` bytes);
    /// its length.
    func writeISO8601(to out: UnsafeMutablePointer<UInt8>) -> Int {
        var micros = microseconds % 1_000_000
        var seconds = microseconds / 1_000_000
        if micros < 0 { micros += 1_000_000; seconds -= 1 }
        var days = seconds / 86_400
        var secOfDay = seconds % 86_400
        if secOfDay < 0 { secOfDay += 86_400; days -= 1 }
        let (y, m, d) = Timestamp.civil(fromDays: days)
        var i = 0
        func put(_ v: Int64, _ width: Int) {
            var v = v
            for k in stride(from: i + width - 1, through: i, by: -1) {
                out[k] = UInt8(48 + v % 10)
                v /= 10
            }
            i += width
        }
        func mark(_ c: UInt8) { out[i] = c; i += 1 }
        put(y, 4); mark(45); put(m, 2); mark(45); put(d, 2); mark(84)
        put(secOfDay / 3600, 2); mark(58); put(secOfDay / 60 % 60, 2); mark(58)
        put(secOfDay % 60, 2)
        if micros != 0 {
            mark(46)
            put(micros, 6)
        }
        mark(90)
        return i
    }

    /// The calendar date (UTC) as `YYYY-MM-DD`.
    public var dateString: String { String(iso8601.prefix(10)) }

    /// Parses RFC 3339 / bare date from UTF-8 bytes without allocating.
    public static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        let n = b.count
        guard n >= 10 else { return nil }
        @inline(__always) func digit(_ i: Int) -> Int64? {
            guard i < n else { return nil }
            let c = b[i]
            return c >= 48 && c <= 57 ? Int64(c - 48) : nil
        }
        @inline(__always) func number(_ i: Int, _ len: Int) -> Int64? {
            var v: Int64 = 0
            for k in i..<(i + len) { guard let d = digit(k) else { return nil }; v = v * 10 + d }
            return v
        }
        guard let year = number(0, 4), b[4] == 45, let month = number(5, 2), b[7] == 45,
              let day = number(8, 2) else { return nil }
        guard month >= 1, month <= 12, day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        var seconds = days(fromYear: year, month: month, day: day) * 86_400
        if n == 10 { return Timestamp(microseconds: seconds * 1_000_000) }
        guard n >= 20, b[10] == 84 || b[10] == 116 || b[10] == 32,
              let hour = number(11, 2), b[13] == 58, let minute = number(14, 2), b[16] == 58,
              let second = number(17, 2), hour < 24, minute < 60, second < 61 else { return nil }
        seconds += hour * 3600 + minute * 60 + second
        var i = 19
        var micros: Int64 = 0
        if b[i] == 46 {
            i += 1
            var scale: Int64 = 100_000
            let start = i
            while let d = digit(i) {
                micros += d * scale // digits past the sixth (scale 0) add nothing
                scale /= 10
                i += 1
            }
            guard i > start else { return nil }
        }
        guard i < n else { return nil }
        switch b[i] {
        case 90, 122: // Z z
            guard i + 1 == n else { return nil }
        case 43, 45: // + -
            guard n == i + 6, let oh = number(i + 1, 2), b[i + 3] == 58, let om = number(i + 4, 2),
                  oh < 24, om < 60 else { return nil }
            let offset = oh * 3600 + om * 60
            seconds += b[i] == 43 ? -offset : offset
        default:
            return nil
        }
        let time = Timestamp(microseconds: seconds * 1_000_000 + micros)
        return time >= earliest && time <= latest ? time : nil
    }

    static func isLeap(_ y: Int64) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func days(fromYear y0: Int64, month m: Int64, day d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d)
    }
}
