/// Terminal column widths of text, measured per grapheme cluster (never splitting one):
/// East Asian wide/fullwidth characters and emoji take two columns, combining marks and
/// other zero-width characters none, everything else one. Control characters must be made
/// visible with `SafeText` before measuring; here they count as zero.
public enum DisplayWidth {
    /// Columns taken by one grapheme cluster.
    public static func of(_ c: Character) -> Int {
        var width = 0
        for scalar in c.unicodeScalars {
            if scalar.value == 0xFE0F { return 2 }  // emoji presentation selector
            if width == 0 { width = of(scalar) }
        }
        return width
    }

    /// Columns taken by a whole string.
    public static func of<S: StringProtocol>(_ s: S) -> Int {
        var total = 0
        for c in s {
            if c.isASCII, let v = c.asciiValue, v >= 0x20, v < 0x7F { total += 1 } else { total += of(c) }
        }
        return total
    }

    /// Columns taken by a single scalar standing alone.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B || (v >= 0x1160 && v <= 0x11FF) { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return isWide(v) ? 2 : 1
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
        0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
        0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4,
        0x17000...0x18CFF, 0x1B000...0x1B2FF, 0x1F200...0x1F251, 0x1F300...0x1F64F,
        0x1F680...0x1F6FF, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    private static func isWide(_ v: UInt32) -> Bool {
        var lo = 0
        var hi = wideRanges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = wideRanges[mid]
            if v < r.lowerBound { hi = mid - 1 } else if v > r.upperBound { lo = mid + 1 } else { return true }
        }
        return false
    }
}
