/// Writing JSON text: strings escaped so that no byte of them can act on a terminal (C0
/// controls, DEL, C1 controls U+0080–U+009F and the bidirectional controls of
/// `SafeText.isBidiControl` as `\uXXXX`; still valid JSON that reads back to the same text),
/// all else kept as UTF-8; numbers in their shortest exact form. Shared by the JSON writer,
/// the journal, the SQLite writer (`tags`, `attributes`), `report` and `history --format json`.
public enum JSONText {
    private static let hex = Array("0123456789abcdef".utf8)

    /// Appends `s` as a quoted JSON string.
    public static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(34)
        var s = s
        s.withUTF8 { b in
            var i = 0
            while i < b.count {
                let c = b[i]
                switch c {
                case 34: out.append(92); out.append(34)
                case 92: out.append(92); out.append(92)
                case 10: out.append(92); out.append(110)
                case 13: out.append(92); out.append(114)
                case 9: out.append(92); out.append(116)
                case 0..<32, 127: appendEscape(UInt32(c), to: &out)
                case 0xC2, 0xD8, 0xE2:
                    let length = c == 0xE2 ? 3 : 2
                    if i + length <= b.count, let scalar = terminalControl(b, at: i, length: length) {
                        appendEscape(scalar, to: &out)
                        i += length
                        continue
                    }
                    out.append(c)
                default: out.append(c)
                }
                i += 1
            }
        }
        out.append(34)
    }

    /// The C1 or bidi control the UTF-8 sequence at `i` encodes, if it is one.
    @inline(__always)
    private static func terminalControl(_ b: UnsafeBufferPointer<UInt8>, at i: Int, length: Int) -> UInt32? {
        var v = UInt32(b[i] & (length == 2 ? 0x1F : 0x0F))
        for k in 1..<length {
            guard b[i + k] & 0xC0 == 0x80 else { return nil }
            v = v << 6 | UInt32(b[i + k] & 0x3F)
        }
        return (0x80..<0xA0).contains(v) || SafeText.isBidiControl(v) ? v : nil
    }

    /// `\uXXXX`
    private static func appendEscape(_ v: UInt32, to out: inout [UInt8]) {
        out.append(contentsOf: [92, 117, hex[Int(v >> 12 & 15)], hex[Int(v >> 8 & 15)], hex[Int(v >> 4 & 15)], hex[Int(v & 15)]])
    }

    /// Appends a number as `ExactNumber(d)` writes it (integers without a fraction, others in
    /// Swift's shortest round-trip form); non-finite values (not representable in JSON) as `null`.
    public static func appendNumber(_ d: Double, to out: inout [UInt8]) {
        guard d.isFinite else { out.append(contentsOf: Array("null".utf8)); return }
        out.append(contentsOf: ExactNumber(d).text.utf8)
    }

    public static func appendAttributeValue(_ v: AttributeValue, to out: inout [UInt8]) {
        switch v {
        case .string(let s): appendString(s, to: &out)
        case .number(let n): out.append(contentsOf: n.text.utf8)
        case .bool(let b): out.append(contentsOf: Array((b ? "true" : "false").utf8))
        }
    }

    /// `["a","b"]`
    public static func appendTags(_ tags: [String], to out: inout [UInt8]) {
        out.append(91)
        for (i, t) in tags.enumerated() {
            if i > 0 { out.append(44) }
            appendString(t, to: &out)
        }
        out.append(93)
    }

    /// `{"key":value,…}` in the given order.
    public static func appendAttributes(_ attributes: [Attribute], to out: inout [UInt8]) {
        out.append(123)
        for (i, a) in attributes.enumerated() {
            if i > 0 { out.append(44) }
            appendString(a.key, to: &out)
            out.append(58)
            appendAttributeValue(a.value, to: &out)
        }
        out.append(125)
    }

    /// A quoted JSON string as text.
    public static func string(_ s: String) -> String {
        var out: [UInt8] = []
        appendString(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    public static func tags(_ tags: [String]) -> String {
        var out: [UInt8] = []
        appendTags(tags, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    public static func attributes(_ attributes: [Attribute]) -> String {
        var out: [UInt8] = []
        appendAttributes(attributes, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
