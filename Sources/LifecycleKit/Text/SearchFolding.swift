import Foundation

/// Folds text to lowercase ASCII for searching, ignoring case and diacritics, without
/// Foundation for the common case: ASCII, and the Latin letters whose folding is one ASCII
/// letter (`ü` → `u`, `Ç` → `c`; the table is made by Foundation's own folding, so both
/// agree). Any other character (`ß`, `ı`, CJK, a combining mark…) makes `fold` give up, and
/// the caller asks Foundation.
enum SearchFolding {
    /// For U+00C0…U+017F: the folded ASCII letter, or 0 when it is not one letter.
    static let latin: [UInt8] = (0xC0...0x17F).map { code in
        guard let scalar = Unicode.Scalar(code) else { return 0 }
        let folded = String(Character(scalar)).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        let bytes = Array(folded.utf8)
        return bytes.count == 1 && bytes[0] < 0x80 ? bytes[0] : 0
    }

    /// The folded bytes of UTF-8 `text`, or nil when a character cannot be folded here.
    static func fold(_ text: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        out.removeAll(keepingCapacity: true)
        out.reserveCapacity(text.count)
        var i = 0
        while i < text.count {
            let b = text[i]
            if b < 0x80 {
                out.append(b >= 65 && b <= 90 ? b + 32 : b)
                i += 1
                continue
            }
            // Two-byte sequences for U+00C0…U+017F start with 0xC3, 0xC4 or 0xC5.
            guard b >= 0xC3, b <= 0xC5, i + 1 < text.count, text[i + 1] & 0xC0 == 0x80 else { return false }
            let code = Int(b & 0x1F) << 6 | Int(text[i + 1] & 0x3F)
            let letter = latin[code - 0xC0]
            guard letter != 0 else { return false }
            // A combining mark after it would change the character: leave that to Foundation.
            if i + 2 < text.count, text[i + 2] == 0xCC || text[i + 2] == 0xCD { return false }
            out.append(letter)
            i += 2
        }
        return true
    }

    /// Whether `hay` contains `needle`.
    static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        hay.withUnsafeBufferPointer { contains($0, needle) }
    }

    /// Whether `h` contains `needle`.
    static func contains(_ h: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        needle.withUnsafeBufferPointer { contains(h, $0) }
    }

    /// Whether `h` contains `n`.
    @inline(__always) static func contains(_ h: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>) -> Bool {
        guard n.count <= h.count else { return false }
        if n.isEmpty { return true }
        let first = n[0]
        for start in 0...(h.count - n.count) where h[start] == first {
            var i = 1
            while i < n.count && h[start + i] == n[i] { i += 1 }
            if i == n.count { return true }
        }
        return false
    }
}
