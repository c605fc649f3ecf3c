/// Parses the two JSON texts a SQLite snapshot stores in columns: `tags` (an array of
/// strings) and `attributes` (an object of string → string/number/bool, order kept).
/// Strict RFC 8259 for these shapes only; nil when the text is anything else.
enum SQLiteJSONFields {
    static func tags(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        var p = Parser(bytes)
        var tags: [String] = []
        guard p.consume(91) else { return nil } // [
        if !p.consume(93) {
            repeat {
                guard let s = p.string() else { return nil }
                tags.append(s)
            } while p.consume(44)
            guard p.consume(93) else { return nil }
        }
        return p.atEnd ? tags : nil
    }

    static func attributes(_ bytes: UnsafeBufferPointer<UInt8>) -> [Attribute]? {
        var p = Parser(bytes)
        var attributes: [Attribute] = []
        guard p.consume(123) else { return nil } // {
        if !p.consume(125) {
            repeat {
                guard let key = p.string(), p.consume(58), let value = p.attributeValue() else { return nil }
                attributes.append(Attribute(key, value))
            } while p.consume(44)
            guard p.consume(125) else { return nil }
        }
        return p.atEnd ? attributes : nil
    }

    private struct Parser {
        let b: UnsafeBufferPointer<UInt8>
        var i = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>) { b = bytes }

        var atEnd: Bool { mutating get { skipSpace(); return i == b.count } }

        mutating func skipSpace() {
            while i < b.count, b[i] == 32 || b[i] == 9 || b[i] == 10 || b[i] == 13 { i += 1 }
        }

        /// Skips white space, then consumes `c` if it comes next.
        mutating func consume(_ c: UInt8) -> Bool {
            skipSpace()
            guard i < b.count, b[i] == c else { return false }
            i += 1
            return true
        }

        mutating func literal(_ word: String) -> Bool {
            let w = Array(word.utf8)
            guard i + w.count <= b.count, Array(b[i..<(i + w.count)]) == w else { return false }
            i += w.count
            return true
        }

        mutating func attributeValue() -> AttributeValue? {
            skipSpace()
            guard i < b.count else { return nil }
            switch b[i] {
            case 34: return string().map { .string($0) }
            case 116: return literal("true") ? .bool(true) : nil
            case 102: return literal("false") ? .bool(false) : nil
            default: return number().map { .number($0) }
            }
        }

        /// A finite number, its text kept exactly.
        mutating func number() -> ExactNumber? {
            let start = i
            func digits() -> Int {
                let s = i
                while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }
                return i - s
            }
            if i < b.count, b[i] == 45 { i += 1 }
            let intStart = i
            let intDigits = digits()
            guard intDigits > 0, !(intDigits > 1 && b[intStart] == 48) else { return nil }
            if i < b.count, b[i] == 46 {
                i += 1
                guard digits() > 0 else { return nil }
            }
            if i < b.count, b[i] == 101 || b[i] == 69 {
                i += 1
                if i < b.count, b[i] == 43 || b[i] == 45 { i += 1 }
                guard digits() > 0 else { return nil }
            }
            // 1e400 is no number a snapshot can hold (it would be written back as null).
            let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
            guard let value = Double(text), value.isFinite else { return nil }
            return ExactNumber(text: text)
        }

        mutating func hex4() -> UInt32? {
            guard i + 4 <= b.count else { return nil }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let c = b[i]
                let d: UInt8
                switch c {
                case 48...57: d = c - 48
                case 97...102: d = c - 87
                case 65...70: d = c - 55
                default: return nil
                }
                v = v * 16 + UInt32(d)
                i += 1
            }
            return v
        }

        mutating func string() -> String? {
            guard consume(34) else { return nil }
            var out: [UInt8] = []
            while i < b.count {
                let c = b[i]
                i += 1
                switch c {
                case 34:
                    return String(validating: out, as: UTF8.self)
                case 0..<32:
                    return nil
                case 92:
                    guard i < b.count else { return nil }
                    let e = b[i]
                    i += 1
                    switch e {
                    case 34, 92, 47: out.append(e)
                    case 98: out.append(8)
                    case 102: out.append(12)
                    case 110: out.append(10)
                    case 114: out.append(13)
                    case 116: out.append(9)
                    case 117:
                        guard var scalar = hex4() else { return nil }
                        if scalar >= 0xD800, scalar < 0xDC00 {
                            guard literal("\\u"), let low = hex4(), low >= 0xDC00, low < 0xE000 else { return nil }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let u = Unicode.Scalar(scalar) else { return nil }
                        UTF8.encode(u) { out.append($0) }
                    default:
                        return nil
                    }
                default:
                    out.append(c)
                }
            }
            return nil
        }
    }
}
