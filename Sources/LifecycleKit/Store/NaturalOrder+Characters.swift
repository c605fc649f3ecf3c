/// The characters `CollationTable` does not hold: their element computed from their Unicode
/// properties, and UTF-8 decoding.
extension NaturalOrder {
    private typealias W = CollationElement.Weights

    /// The scalar at `i` and its length in bytes; nil for bytes that are not UTF-8 (each then
    /// weighs as a character of its own, after every other).
    @inline(__always) static func decode(_ t: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int)? {
        let lead = t[i]
        @inline(__always) func next(_ k: Int) -> UInt32? {
            i + k < t.count && t[i + k] & 0xC0 == 0x80 ? UInt32(t[i + k] & 0x3F) : nil
        }
        switch lead {
        case 0xC2...0xDF:
            guard let c1 = next(1) else { return nil }
            return (UInt32(lead & 0x1F) << 6 | c1, 2)
        case 0xE0...0xEF:
            guard let c1 = next(1), let c2 = next(2) else { return nil }
            let code = UInt32(lead & 0x0F) << 12 | c1 << 6 | c2
            return code >= 0x800 && !(0xD800...0xDFFF).contains(code) ? (code, 3) : nil
        case 0xF0...0xF4:
            guard let c1 = next(1), let c2 = next(2), let c3 = next(3) else { return nil }
            let code = UInt32(lead & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
            return code >= 0x10000 && code <= 0x10FFFF ? (code, 4) : nil
        default: return nil
        }
    }

    /// The element of a character outside the table, nil when it weighs nothing: diacritics
    /// of other scripts weigh on the secondary level only; other punctuation and symbols sort
    /// after the known ones and before the numbers, other decimal digits after the numbers,
    /// other letters after Cyrillic by script (`scriptLead`) and code point of their lowercase
    /// form, unassigned and private-use code points last.
    static func otherElement(_ code: UInt32) -> CollationElement? {
        guard let scalar = Unicode.Scalar(code), !CollationTable.isIgnorable(scalar) else { return nil }
        if code >= 0xFF01 && code <= 0xFF5E && !(code >= 0xFF10 && code <= 0xFF19) {
            // Fullwidth ASCII: the ASCII character, as a variant.
            let table = CollationTable.shared
            let entry = table.entries[Int(code - 0xFEE0)]
            var e = table.elements[Int(entry >> 8)]
            e.tertiary = e.tertiary == W.upper ? W.upperVariant : W.variant
            return e
        }
        let p = scalar.properties
        func primary(_ lead: UInt8, _ value: UInt32, tertiary: UInt8 = W.lower) -> CollationElement {
            let (weight, count) = CollationElement.codePoint(lead, value)
            return CollationElement(primary: weight, primaryCount: count, tertiary: tertiary)
        }
        if isDiacritic(code) {
            let (weight, count) = CollationElement.codePoint(W.otherMark, code)
            return CollationElement(secondary: weight, primaryCount: 0, secondaryCount: count)
        }
        switch p.generalCategory {
        case .unassigned, .privateUse, .surrogate: return primary(W.unassigned, code)
        case .decimalNumber: return primary(W.otherDigit, code)
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol,
             .spaceSeparator, .lineSeparator, .paragraphSeparator, .otherNumber, .letterNumber:
            return primary(W.otherSymbol, code)
        default:
            guard p.changesWhenLowercased, let lower = p.lowercaseMapping.unicodeScalars.first else {
                return primary(scriptLead(code), code)
            }
            return primary(scriptLead(lower.value), lower.value, tertiary: W.upper)
        }
    }

    /// Combining marks that are accents (on the secondary level, as in root); other scripts'
    /// marks (Indic vowel signs…) weigh as letters.
    private static func isDiacritic(_ code: UInt32) -> Bool {
        switch code {
        case 0x483...0x489, 0x591...0x5C7, 0x610...0x61A, 0x64B...0x65F, 0x670, 0x6D6...0x6ED,
             0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F, 0x3099...0x309A: return true
        default: return false
        }
    }

    /// The lead byte of a letter outside the table: other Latin letters after the known ones;
    /// then, after Cyrillic, Coptic, Glagolitic and Georgian; the scripts up to U+10FF
    /// (Armenian, Hebrew, Arabic, the Indic scripts, Thai…); other scripts; Hangul; kana;
    /// Bopomofo; Han (the main block before its extensions), as root orders them.
    private static func scriptLead(_ code: UInt32) -> UInt8 {
        let rank: UInt8
        switch code {
        case 0x250...0x2AF, 0x1D00...0x1DBF, 0x2C60...0x2C7F, 0xA720...0xA7FF, 0xAB30...0xAB6F: return W.otherLatin
        case 0x2C00...0x2CFF, 0x10A0...0x10FF, 0x1C90...0x1CBF, 0x2D00...0x2D2F: rank = 0
        case 0..<0x1100: rank = 1
        case 0x1100...0x11FF, 0x3130...0x318F, 0xA960...0xA97F, 0xAC00...0xD7FF: rank = 3
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: rank = 4
        case 0x3100...0x312F, 0x31A0...0x31BF: rank = 5
        case 0x4E00...0x9FFF, 0xF900...0xFAFF: rank = 6
        case 0x3400...0x4DBF, 0x20000...0x3FFFF: rank = 7
        default: rank = 2
        }
        return W.script + rank
    }
}
