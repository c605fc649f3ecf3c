/// A JSON number kept exactly as written: its text.
///
/// Attribute numbers come from other systems (64-bit ids, counters, amounts in cents) and
/// must survive any number of saves and conversions unchanged. A `Double` loses digits
/// beyond 2^53 (`9007199254740993` → `9007199254740992.0`) and an `Int64` cannot hold
/// `12345678901234567890` or `0.1`; keeping the validated decimal text loses nothing for any
/// number, needs no second case for big integers, and makes JSON → SQLite → JSON byte for
/// byte stable (both formats store it as this text). `double` and `int64` give the value for
/// display and arithmetic. Two numbers are equal when their text is: `1` and `1.0` differ,
/// as they do in the file.
public struct ExactNumber: Hashable, Sendable, CustomStringConvertible,
    ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    /// RFC 8259 number text, e.g. `-12`, `3.25`, `1e+21`, `12345678901234567890`.
    public let text: String

    /// The text when it is a finite RFC 8259 number, else nil.
    public init?(text: String) {
        guard ExactNumber.isJSONNumber(text.utf8), let d = Double(text), d.isFinite else { return nil }
        self.text = text
    }

    public init(_ value: Int64) { text = String(value) }

    public init(_ value: Int) { text = String(value) }

    /// A finite double in the shortest text that reads back as the same double: integral
    /// values below 10^15 without a fraction (`3`), others as Swift prints them (`0.1`,
    /// `1e+21`). Non-finite values, which JSON cannot hold, become 0.
    public init(_ value: Double) {
        guard value.isFinite else { text = "0"; return }
        if value == value.rounded(), abs(value) < 1e15 {
            text = String(Int64(value))
        } else {
            text = "\(value)"
        }
    }

    public init(integerLiteral value: Int64) { self.init(value) }

    public init(floatLiteral value: Double) { self.init(value) }

    /// The nearest double (always finite: the text was checked).
    public var double: Double { Double(text) ?? 0 }

    /// The exact value when the text is an integer that fits in 64 bits.
    public var int64: Int64? { Int64(text) }

    public var description: String { text }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    static func isJSONNumber<C: Collection>(_ u: C) -> Bool where C.Element == UInt8 {
        var i = u.startIndex
        func digits() -> Int {
            var n = 0
            while i != u.endIndex, u[i] >= 48, u[i] <= 57 { i = u.index(after: i); n += 1 }
            return n
        }
        if i != u.endIndex, u[i] == 45 { i = u.index(after: i) }
        let first = i
        let intDigits = digits()
        guard intDigits > 0, !(intDigits > 1 && u[first] == 48) else { return false }
        if i != u.endIndex, u[i] == 46 {
            i = u.index(after: i)
            guard digits() > 0 else { return false }
        }
        if i != u.endIndex, u[i] == 101 || u[i] == 69 {
            i = u.index(after: i)
            if i != u.endIndex, u[i] == 43 || u[i] == 45 { i = u.index(after: i) }
            guard digits() > 0 else { return false }
        }
        return i == u.endIndex
    }
}
