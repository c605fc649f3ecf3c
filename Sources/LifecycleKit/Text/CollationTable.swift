import Foundation

/// One collation element: a primary weight of 0–4 key bytes (none: ignorable at the primary
/// level, as combining marks are), a secondary weight of 1–4 bytes and a tertiary byte.
struct CollationElement {
    var primary: UInt32 = 0
    var secondary: UInt32 = Weights.common
    var primaryCount: UInt8 = 0
    var secondaryCount: UInt8 = 1
    var tertiary: UInt8 = Weights.lower

    /// The byte values of the key (see `NaturalOrder`). Every weight byte is at least 2, so
    /// that the level separator 1 sorts a shorter level first; multi-byte weights start with
    /// a lead byte that fixes their length.
    enum Weights {
        // Primary: whitespace, punctuation and symbols, numbers, Latin, Greek, Cyrillic, other scripts.
        static let punctuation: UInt8 = 0x02
        static let otherSymbol: UInt8 = 0x4B  // + 3 bytes of the code point
        static let number: UInt8 = 0x4C  // + significant digit count (0…8), 0x55: longer
        static let otherDigit: UInt8 = 0x56  // + 3 bytes
        static let latin: UInt8 = 0x57
        static let otherLatin: UInt8 = 0xC6  // + 3 bytes
        static let greek: UInt8 = 0xC7  // + 1 byte
        static let cyrillic: UInt8 = 0xC8  // + 1 byte
        static let script: UInt8 = 0xD0  // + script rank (0…7), + 3 bytes
        static let unassigned: UInt8 = 0xF0  // + 3 bytes
        static let invalidByte: UInt8 = 0xFE  // + the byte
        // Secondary.
        static let common: UInt32 = 0x05
        static let mark: UInt8 = 0x10  // + rank in `CollationTables.marks`
        static let ligature: UInt32 = 0xE0  // æ, œ: after every accent
        static let eth: UInt32 = 0xE1  // ð: d with the secondary weight after every accent
        static let otherMark: UInt8 = 0xF0  // + 3 bytes
        // Tertiary.
        static let lower: UInt8 = 0x05, variant: UInt8 = 0x06, upper: UInt8 = 0x07, upperVariant: UInt8 = 0x08
    }

    /// `lead` and the code point in 3 bytes of 7 bits (never 0), in code point order.
    static func codePoint(_ lead: UInt8, _ value: UInt32) -> (UInt32, UInt8) {
        (UInt32(lead) << 24 | (0x80 | value >> 14 & 0x7F) << 16 | (0x80 | value >> 7 & 0x7F) << 8 | (0x80 | value & 0x7F), 4)
    }
}

/// The collation elements of the characters `Collation` knows (ASCII, Latin-1, Latin
/// Extended-A and -B, Latin Extended Additional, Greek, Cyrillic, general punctuation and
/// currency signs), built once from `CollationTables` and the characters' canonical
/// decompositions; characters outside them get elements computed on the fly
/// (`NaturalOrder.otherElement`). Allocated once, never freed, read through pointers.
final class CollationTable: @unchecked Sendable {
    static let shared = CollationTable()

    /// Code points below this are looked up in `entries`.
    static let tableEnd: UInt32 = 0x20D0
    /// Per code point: the first element's index << 8 | the element count; 0: not in the
    /// table (computed on the fly); `ignorable`: no element at all.
    let entries: UnsafeMutablePointer<UInt32>
    let elements: UnsafeMutablePointer<CollationElement>
    static let ignorable: UInt32 = 0xFFFF_FF00

    /// Controls (but tab, line feed, vertical tab, form feed, carriage return), format
    /// characters (bidi controls, zero-width joiners…) and the other default ignorables (soft
    /// hyphen, variation selectors) weigh nothing at any level.
    static func isIgnorable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value >= 0x09 && scalar.value <= 0x0D { return false }
        let p = scalar.properties
        return p.generalCategory == .control || p.generalCategory == .format || p.isDefaultIgnorableCodePoint
    }

    private init() {
        var builder = Builder()
        builder.build()
        entries = .allocate(capacity: Int(Self.tableEnd))
        entries.initialize(from: builder.entries, count: builder.entries.count)
        elements = .allocate(capacity: builder.elements.count)
        elements.initialize(from: builder.elements, count: builder.elements.count)
    }

    /// Builds the table: a code point's elements are its group's (punctuation, letters) with
    /// its case as the tertiary weight, else its canonical decomposition's, else its
    /// compatibility decomposition's as a variant (`ĳ` → `i j`).
    private struct Builder {
        typealias W = CollationElement.Weights
        var entries = [UInt32](repeating: 0, count: Int(CollationTable.tableEnd))
        var elements: [CollationElement] = []
        /// Group elements of the characters listed in `CollationTables`.
        var grouped: [UInt32: CollationElement] = [:]

        mutating func build() {
            listGroups()
            let ranges: [ClosedRange<UInt32>] = [0x00...0x24F, 0x300...0x36F, 0x370...0x52F, 0x1E00...0x1FFF, 0x2000...0x20CF]
            for range in ranges {
                for code in range { entries[Int(code)] = entry(code) }
            }
            // `KeyBytes` takes one element for every ASCII character but the digits.
            precondition((0..<0x80).allSatisfy { $0 >= 0x30 && $0 <= 0x39 || entries[$0] & 0xFF == 1 || entries[$0] == CollationTable.ignorable })
        }

        private mutating func listGroups() {
            func add(_ groups: [String], _ weight: (Int) -> (UInt32, UInt8)) {
                for (rank, group) in groups.enumerated() {
                    for (member, scalar) in group.unicodeScalars.enumerated() {
                        let (p, n) = weight(rank)
                        var e = CollationElement(primary: p, primaryCount: n)
                        e.tertiary = scalar.properties.changesWhenLowercased ? W.upper : W.lower
                        if groups == CollationTables.punctuation { e.tertiary = W.lower + UInt8(min(member, 8)) }
                        grouped[scalar.value] = e
                    }
                }
            }
            precondition(CollationTables.punctuation.count <= Int(W.otherSymbol - W.punctuation))
            precondition(CollationTables.latin.count <= Int(W.otherLatin - W.latin))
            add(CollationTables.punctuation) { (UInt32(W.punctuation) + UInt32($0), 1) }
            add(CollationTables.latin) { (UInt32(W.latin) + UInt32($0), 1) }
            add(CollationTables.greek) { (UInt32(W.greek) << 8 | UInt32($0 + 2), 2) }
            add(CollationTables.cyrillic) { (UInt32(W.cyrillic) << 8 | UInt32($0 + 2), 2) }
            // Letters with a stroke are their base letter with an accent; ð has one after all accents.
            for (letters, weight) in [("øØ", Self.markWeight(0x338)), ("đĐłŁħĦ", Self.markWeight(0x335)), ("ðÐ", W.eth)] {
                for scalar in letters.unicodeScalars { grouped[scalar.value]?.secondary = weight }
            }
        }

        static func markWeight(_ code: UInt32) -> UInt32 {
            let rank = CollationTables.marks.firstIndex { $0.unicodeScalars.contains { $0.value == code } }!
            return UInt32(W.mark) + UInt32(rank)
        }

        /// The entry of one code point, appending its elements.
        private mutating func entry(_ code: UInt32) -> UInt32 {
            guard let scalar = Unicode.Scalar(code) else { return 0 }
            let list = elements(of: scalar)
            guard let list else { return 0 }
            if list.isEmpty { return CollationTable.ignorable }
            let start = UInt32(elements.count)
            elements += list
            return start << 8 | UInt32(list.count)
        }

        /// The elements of `scalar`, [] when it is ignorable, nil when it is not in the table.
        private func elements(of scalar: Unicode.Scalar) -> [CollationElement]? {
            let code = scalar.value
            if CollationTable.isIgnorable(scalar) { return [] }
            if code >= 0x363 && code <= 0x36F {
                // Combining small letters (a e i o u c d h m r t v x) weigh as the letter with an accent.
                let letter = Array("aeioucdhmrtvx".unicodeScalars)[Int(code - 0x363)]
                guard var e = grouped[letter.value] else { return nil }
                (e.secondary, e.tertiary) = (Self.markWeight(code), W.variant)
                return [e]
            }
            if code >= 0x300 && code <= 0x36F {
                return [CollationElement(secondary: Self.markWeight(code), primaryCount: 0)]
            }
            if let special = Self.special(scalar) { return special }
            if let e = grouped[code] { return [e] }
            let upper = scalar.properties.changesWhenLowercased
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            if upper, lower.count == 1, let base = lower.first, var list = elements(of: base) {
                for i in list.indices where list[i].primaryCount > 0 {
                    list[i].tertiary = list[i].tertiary == W.variant ? W.upperVariant : W.upper
                }
                return list
            }
            let canonical = String(Character(scalar)).decomposedStringWithCanonicalMapping.unicodeScalars
            if canonical.count > 1 || canonical.first != scalar {
                return decomposition(canonical, upper ? W.upper : nil)
            }
            let compatible = String(Character(scalar)).decomposedStringWithCompatibilityMapping.unicodeScalars
            if compatible.count > 1 || compatible.first != scalar, scalar.properties.isAlphabetic {
                return decomposition(compatible, upper ? W.upperVariant : W.variant)
            }
            return nil
        }

        /// The elements of the scalars of a decomposition, the base letters' tertiary set to
        /// `tertiary` (when given); nil when one of them is not in the table.
        private func decomposition(_ scalars: String.UnicodeScalarView, _ tertiary: UInt8?) -> [CollationElement]? {
            var out: [CollationElement] = []
            for s in scalars {
                guard var list = elements(of: s) else { return nil }
                if let tertiary {
                    for i in list.indices where list[i].primaryCount > 0 { list[i].tertiary = tertiary }
                }
                out += list
            }
            return out
        }

        /// Ligatures and ß, which have no decomposition: `æ` is `a`, an accent after all others,
        /// `e`; `ß` is `ss` as a variant.
        private static func special(_ scalar: Unicode.Scalar) -> [CollationElement]? {
            let pairs: [Unicode.Scalar: (String, Bool, UInt8)] = [
                "æ": ("ae", true, W.variant), "Æ": ("ae", true, W.upperVariant), "œ": ("oe", true, W.variant),
                "Œ": ("oe", true, W.upperVariant), "ß": ("ss", false, W.variant), "ẞ": ("ss", false, W.upperVariant),
            ]
            guard let (letters, ligature, tertiary) = pairs[scalar] else { return nil }
            let latin = letters.unicodeScalars.map { s in
                CollationElement(primary: UInt32(W.latin) + UInt32(CollationTables.latin.firstIndex { $0.unicodeScalars.first == s }!),
                                 primaryCount: 1, tertiary: tertiary)
            }
            return ligature ? [latin[0], CollationElement(secondary: W.ligature, primaryCount: 0, tertiary: tertiary), latin[1]] : latin
        }
    }
}
