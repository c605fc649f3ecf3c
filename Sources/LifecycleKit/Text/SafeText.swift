/// Makes data text safe to show on a terminal: control characters become visible
/// (`ESC` → `^[`, `DEL` → `^?`, C1 controls → `<9B>`), bidirectional controls that could
/// reorder a row become visible (`<U+202E>`), and text is cut to a column width with an
/// ellipsis without splitting a grapheme.
///
/// Emoji sequences are shown as their separate emoji: zero-width joiners, skin-tone
/// modifiers, variation selectors and tag characters are left out, because terminals
/// disagree on how wide the joined forms are (tmux splits long family sequences and
/// draws a skin-toned thumb as two glyphs) and a wrong guess would shift the whole row.
public enum SafeText {
    /// `s` with every control and bidi-control character replaced by a visible form.
    public static func visible(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v < 0x20 {
                out.append("^")
                out.append(Unicode.Scalar(UInt8(v + 0x40)))
            } else if v == 0x7F {
                out.append(contentsOf: "^?".unicodeScalars)
            } else if v >= 0x80 && v < 0xA0 {
                out.append(contentsOf: "<\(hex2(v))>".unicodeScalars)
            } else if isBidiControl(v) {
                out.append(contentsOf: "<U+\(String(v, radix: 16, uppercase: true))>".unicodeScalars)
            } else if isEmojiJoinery(v) {
                continue
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `visible` line by line: line breaks are kept, everything else is made safe (for
    /// messages of several lines, such as errors and usage text).
    public static func visibleLines(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false).map { visible(String($0)) }.joined(separator: "\n")
    }

    /// Zero-width joiner, variation selectors, skin-tone modifiers, tag characters.
    static func isEmojiJoinery(_ v: UInt32) -> Bool {
        v == 0x200D || v == 0xFE0E || v == 0xFE0F || (0x1F3FB...0x1F3FF).contains(v) || (0xE0020...0xE007F).contains(v)
    }

    /// Explicit direction marks, embeddings, overrides and isolates.
    static func isBidiControl(_ v: UInt32) -> Bool {
        v == 0x061C || v == 0x200E || v == 0x200F || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    private static func hex2(_ v: UInt32) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return s.count < 2 ? "0" + s : s
    }

    /// The visible form of `s` cut to at most `width` columns; a cut ends in `…`.
    public static func truncated(_ s: String, width: Int) -> String {
        let text = visible(s)
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        var out = ""
        var used = 0
        for c in text {
            let w = DisplayWidth.of(c)
            if used + w > width - 1 { break }
            out.append(c)
            used += w
        }
        return out + "…"
    }

    /// The visible form of `s` cut or padded with spaces to exactly `width` columns.
    public static func padded(_ s: String, width: Int, alignRight: Bool = false) -> String {
        let text = truncated(s, width: width)
        let pad = String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
        return alignRight ? pad + text : text + pad
    }
}
