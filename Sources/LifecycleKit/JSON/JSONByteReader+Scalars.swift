import Foundation

extension JSONByteReader {
    // MARK: Strings

    /// Reads a string (the reader must be at its `"`): its unescaped UTF-8 bytes, valid until
    /// the next read. Invalid UTF-8, raw control characters and bad escapes are syntax errors.
    func readString() throws -> UnsafeBufferPointer<UInt8> {
        pos += 1
        let start = pos
        // Fast path: ASCII without escapes, returned in place.
        while pos < text.count {
            let c = text[pos]
            if c == UInt8(ascii: "\"") {
                pos += 1
                return UnsafeBufferPointer(rebasing: text[start..<(pos - 1)])
            }
            if c == UInt8(ascii: "\\") || c < 0x20 || c >= 0x80 { break }
            pos += 1
        }
        return try readStringSlowly(from: start)
    }

    /// Validates UTF-8 in place; after the first escape, copies the decoded text to scratch.
    private func readStringSlowly(from start: Int) throws -> UnsafeBufferPointer<UInt8> {
        var copying = false
        while true {
            guard pos < text.count else { throw truncated }
            let c = text[pos]
            if c == UInt8(ascii: "\"") {
                pos += 1
                return copying ? scratchBytes : UnsafeBufferPointer(rebasing: text[start..<(pos - 1)])
            }
            if c == UInt8(ascii: "\\") {
                if !copying {
                    resetScratch()
                    appendScratch(UnsafeBufferPointer(rebasing: text[start..<pos]))
                    copying = true
                }
                try readEscape()
                continue
            }
            if c < 0x20 { throw error(.syntaxControlInString, .text(hex(c))) }
            var n = 1
            if c >= 0x80 {
                if let invalid = invalidUTF8(at: pos) { throw invalid }
                n = utf8Length(c)
            }
            if copying { appendScratch(UnsafeBufferPointer(rebasing: text[pos..<(pos + n)])) }
            pos += n
        }
    }

    /// Decodes the escape at `pos` (a backslash) into scratch.
    private func readEscape() throws {
        guard pos + 1 < text.count else { throw truncated }
        let e = text[pos + 1]
        let byte: UInt8
        switch e {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): byte = e
        case UInt8(ascii: "b"): byte = 8
        case UInt8(ascii: "f"): byte = 12
        case UInt8(ascii: "n"): byte = 10
        case UInt8(ascii: "r"): byte = 13
        case UInt8(ascii: "t"): byte = 9
        case UInt8(ascii: "u"):
            try readUnicodeEscape()
            return
        default:
            if e >= 0x80 || e < 0x20 { throw error(.syntaxInvalidEscape) }
            throw error(.syntaxInvalidEscapeChar, .text(String(Character(Unicode.Scalar(e)))))
        }
        appendScratch(byte)
        pos += 2
    }

    /// `\uXXXX`, with a following `\uXXXX` low surrogate when the first is a high one.
    private func readUnicodeEscape() throws {
        let escapeStart = pos
        var scalar = try hex4(at: pos + 2)
        pos += 6
        if scalar >= 0xD800 && scalar < 0xDC00 {
            let low = pos + 1 < text.count && text[pos] == UInt8(ascii: "\\") && text[pos + 1] == UInt8(ascii: "u")
                ? try hex4(at: pos + 2) : 0
            guard low >= 0xDC00 && low < 0xE000 else {
                throw error(.syntaxHighSurrogate, .text(String(scalar, radix: 16, uppercase: true)), at: escapeStart)
            }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            pos += 6
        } else if scalar >= 0xDC00 && scalar < 0xE000 {
            throw error(.syntaxLoneLowSurrogate, .text(String(scalar, radix: 16, uppercase: true)), at: escapeStart)
        }
        for unit in UTF8.encode(Unicode.Scalar(scalar)!)! { appendScratch(unit) }
    }

    private func hex4(at offset: Int) throws -> UInt32 {
        guard offset + 4 <= text.count else { throw truncated }
        var v: UInt32 = 0
        for i in offset..<(offset + 4) {
            let c = text[i]
            let d: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = c - 48
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = c - 87
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = c - 55
            default: throw error(.syntaxExpectedHexDigits, at: i)
            }
            v = v << 4 | UInt32(d)
        }
        return v
    }

    /// Nil when a valid UTF-8 sequence starts at `offset` (whose byte is ≥ 0x80), else the
    /// error naming the first offending byte.
    func invalidUTF8(at offset: Int) -> JSONSyntaxError? {
        let c = text[offset]
        var lowest: UInt8 = 0x80, highest: UInt8 = 0xBF
        let n: Int
        switch c {
        case 0xC2...0xDF: n = 2
        case 0xE0: n = 3; lowest = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF: n = 3
        case 0xED: n = 3; highest = 0x9F
        case 0xF0: n = 4; lowest = 0x90
        case 0xF1...0xF3: n = 4
        case 0xF4: n = 4; highest = 0x8F
        default: return error(.syntaxInvalidUTF8, .text(hex(c)), at: offset)
        }
        for k in 1..<n {
            guard offset + k < text.count else { return truncated }
            let b = text[offset + k]
            let (lo, hi) = k == 1 ? (lowest, highest) : (UInt8(0x80), UInt8(0xBF))
            if b < lo || b > hi { return error(.syntaxInvalidUTF8, .text(hex(b)), at: offset + k) }
        }
        return nil
    }

    // MARK: Numbers

    /// Reads a number per the JSON grammar (`-? int frac? exp?`).
    func readNumber() throws -> Double {
        let start = pos
        var negative = false
        if text[pos] == UInt8(ascii: "-") {
            negative = true
            pos += 1
        }
        // Up to 19 significant digits in `mantissa`, value = mantissa × 10^exponent.
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        var dropped = false
        let intStart = pos
        while pos < text.count, let d = digit(text[pos]) {
            if digits < 19 {
                mantissa = mantissa * 10 + d
                if mantissa != 0 { digits += 1 }
            } else {
                exponent += 1
                dropped = true
            }
            pos += 1
        }
        guard pos > intStart else { throw numberError(.numberExpectedDigit) }
        if pos - intStart > 1 && text[intStart] == UInt8(ascii: "0") {
            throw error(.syntaxMalformedNumberDetail, .message(Message(.numberLeadingZeros)), at: intStart)
        }
        if pos < text.count && text[pos] == UInt8(ascii: ".") {
            pos += 1
            let fracStart = pos
            while pos < text.count, let d = digit(text[pos]) {
                if digits < 19 {
                    mantissa = mantissa * 10 + d
                    if mantissa != 0 { digits += 1 }
                    exponent -= 1
                } else {
                    dropped = true
                }
                pos += 1
            }
            guard pos > fracStart else { throw numberError(.numberDigitAfterPoint) }
        }
        var exact = !dropped
        if pos < text.count && (text[pos] | 0x20) == UInt8(ascii: "e") {
            pos += 1
            var expNegative = false
            if pos < text.count && (text[pos] == UInt8(ascii: "+") || text[pos] == UInt8(ascii: "-")) {
                expNegative = text[pos] == UInt8(ascii: "-")
                pos += 1
            }
            let expStart = pos
            var e = 0
            while pos < text.count, let d = digit(text[pos]) {
                if e < 100_000 { e = e * 10 + Int(d) }
                pos += 1
            }
            guard pos > expStart else { throw numberError(.numberDigitInExponent) }
            exponent += expNegative ? -e : e
            exact = false
        }
        // Exact when mantissa and power of ten are both exact doubles (Clinger's fast path).
        if exact && mantissa < (1 << 53) && exponent >= -22 && exponent <= 22 {
            var value = Double(mantissa)
            value = exponent < 0 ? value / Self.powersOfTen[-exponent] : value * Self.powersOfTen[exponent]
            return negative ? -value : value
        }
        let literal = String(decoding: UnsafeBufferPointer(rebasing: text[start..<pos]), as: UTF8.self)
        guard let value = Double(literal) else { throw error(.syntaxMalformedNumber, at: start) }
        guard value.isFinite else { throw error(.syntaxNumberOutOfRange, at: start) }
        return value
    }

    /// Reads a number and keeps its text exactly (a number out of `Double`'s range is refused
    /// as `readNumber` refuses it).
    func readExactNumber() throws -> ExactNumber {
        let start = pos
        _ = try readNumber()
        let literal = String(decoding: UnsafeBufferPointer(rebasing: text[start..<pos]), as: UTF8.self)
        guard let number = ExactNumber(text: literal) else { throw error(.syntaxMalformedNumber, at: start) }
        return number
    }

    /// Reads a number; its exact value when it is written as an integer (no fraction, no
    /// exponent) that fits in 64 bits, else nil.
    func readInteger() throws -> Int64? {
        let start = pos
        _ = try readNumber()
        let literal = String(decoding: UnsafeBufferPointer(rebasing: text[start..<pos]), as: UTF8.self)
        return Int64(literal)
    }

    private func numberError(_ detail: MessageKey) -> JSONSyntaxError {
        pos < text.count ? error(.syntaxMalformedNumberDetail, .message(Message(detail))) : truncated
    }

    @inline(__always) private func digit(_ c: UInt8) -> UInt64? {
        c >= 48 && c <= 57 ? UInt64(c - 48) : nil
    }

    /// 10^0…10^22, all exact doubles.
    private static let powersOfTen: [Double] = {
        var p: [Double] = [1]
        for _ in 1...22 { p.append(p.last! * 10) }
        return p
    }()
}

/// The length of the UTF-8 sequence a lead byte starts.
@inline(__always) func utf8Length(_ lead: UInt8) -> Int {
    lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
}
