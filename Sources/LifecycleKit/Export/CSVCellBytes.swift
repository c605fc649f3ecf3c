/// The fast lane of `CSVCell.text(_:separator:keepingLineFeeds:)` for a streaming export: a
/// text cell written straight from its UTF-8 bytes, without making a `String`.
///
/// It takes only plain text: valid UTF-8 without control characters (C0, DEL, C1) or bidi
/// controls. For such text `CSVCell` changes nothing but the formula `'` (OWASP) and the
/// RFC 4180 quoting, which are done here byte for byte the same; anything else is refused
/// (false, nothing appended) and goes through `CSVCell` as before.
enum CSVCellBytes {
    /// Appends `text` as a CSV text cell for `separator`; false when it is not plain text.
    static func appendText(_ text: UnsafeBufferPointer<UInt8>, separator: UInt8, to out: inout [UInt8]) -> Bool {
        var needsQuotes = false
        var i = 0
        let n = text.count
        while i < n {
            let b = text[i]
            if b < 0x80 {
                if b < 0x20 || b == 0x7F { return false }
                if b == separator || b == 0x22 { needsQuotes = true }
                i += 1
            } else {
                guard let length = plainScalarLength(text, at: i) else { return false }
                i += length
            }
        }
        let first = text.first { $0 != 0x20 }
        let formula = first.map { $0 == 0x3D || $0 == 0x2B || $0 == 0x2D || $0 == 0x40 } ?? false
        if needsQuotes { out.append(0x22) }
        if formula { out.append(0x27) }
        if needsQuotes {
            var start = 0
            for j in 0..<n where text[j] == 0x22 {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: text[start...j]))
                out.append(0x22)
                start = j + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<n]))
            out.append(0x22)
        } else {
            out.append(contentsOf: text)
        }
        return true
    }

    /// The length of the well-formed multi-byte UTF-8 sequence at `i` when its scalar is no C1
    /// or bidi control; nil otherwise.
    private static func plainScalarLength(_ t: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let b0 = UInt32(t[i])
        let length: Int, minimum: UInt32
        switch b0 {
        case 0xC2...0xDF: length = 2; minimum = 0x80
        case 0xE0...0xEF: length = 3; minimum = 0x800
        case 0xF0...0xF4: length = 4; minimum = 0x10000
        default: return nil
        }
        guard i + length <= t.count else { return nil }
        var v = b0 & (0xFF >> (length + 1))
        for k in 1..<length {
            let b = UInt32(t[i + k])
            guard b & 0xC0 == 0x80 else { return nil }
            v = v << 6 | (b & 0x3F)
        }
        guard v >= minimum, v <= 0x10FFFF, !(0xD800...0xDFFF).contains(v), !(0x80..<0xA0).contains(v),
              !SafeText.isBidiControl(v) else { return nil }
        return length
    }
}
