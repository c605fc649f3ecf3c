import LifecycleKit

/// Breaks text into lines of at most a given number of terminal columns: at spaces, measured
/// in columns of its visible form (wide characters count two); only a word longer than a
/// whole line is split, between graphemes.
enum TextWrap {
    static func lines(_ text: String, width: Int) -> [String] {
        let w = max(1, width)
        var lines: [String] = []
        var line = "", used = 0
        for word in SafeText.visible(text).split(separator: " ") {
            var word = String(word)
            var ww = DisplayWidth.of(word)
            if used > 0 && used + 1 + ww <= w {
                line += " " + word
                used += 1 + ww
                continue
            }
            if used > 0 { lines.append(line) }
            while ww > w {
                let (head, rest) = split(word, at: w)
                lines.append(head)
                word = rest
                ww = DisplayWidth.of(word)
            }
            (line, used) = (word, ww)
        }
        lines.append(line)
        return lines
    }

    /// The first graphemes of `word` that fill at most `width` columns (at least one), and the rest.
    private static func split(_ word: String, at width: Int) -> (String, String) {
        var head = "", used = 0
        var rest = Substring(word)
        while let c = rest.first, head.isEmpty || used + DisplayWidth.of(c) <= width {
            head.append(c)
            used += DisplayWidth.of(c)
            rest = rest.dropFirst()
        }
        return (head, String(rest))
    }
}
