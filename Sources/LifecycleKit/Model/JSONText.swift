/// Writing JSON text: strings escaped per RFC 8259 (control characters as `\u00XX`, all else
/// kept as UTF-8), numbers in their shortest exact form. Shared by the JSON writer, the
/// SQLite writer (`tags`, `attributes`) and `report --format json`.
public enum JSONText {
    private static let hex = Array("0123456789abcdef".utf8)

    /// Appends `s` as a quoted JSON string.
    public static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(34)
        for c in s.utf8 {
            switch c {
            case 34: out.append(92); out.append(34)
            case 92: out.append(92); out.append(92)
            case 10: out.append(92); out.append(110)
            case 13: out.append(92); out.append(114)
            case 9: out.append(92); out.append(116)
            case 0..<32, 127:
                out.append(contentsOf: [92, 117, 48, 48, hex[Int(c >> 4)], hex[Int(c & 15)]])
            default: out.append(c)
            }
        }
        out.append(34)
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
