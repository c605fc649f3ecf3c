/// Writing CSV (RFC 4180, CRLF line ends) that is safe to open anywhere: the one cell writer
/// for every CSV clc produces (`report --format csv`, exports).
///
/// - Text cells show control characters visibly, as the table does (`ESC` → `^[`, C1 → `<9B>`,
///   bidi controls → `<U+202E>`; `SafeText`), so no control byte reaches a terminal that
///   prints the file; text is otherwise unchanged (emoji sequences are kept).
/// - Text cells a spreadsheet would evaluate as a formula — starting with `=`, `+`, `-`, `@`,
///   tab or CR, also after leading spaces (OWASP's CSV injection guidance) — get a leading `'`.
/// - Number cells are written as they are, so `-3.5` stays a number.
public enum CSVCell {
    /// A text cell: visible controls, formulas neutralised, quoted when needed.
    public static func text(_ s: String) -> String {
        quoted(neutralised(visible(s)))
    }

    /// A text cell for a CSV separated by `separator`: as `text`, but a line feed inside the
    /// text is kept (quoted, so the value reads back whole); every other control is made visible.
    public static func text(_ s: String, separator: UInt8, keepingLineFeeds: Bool) -> String {
        quoted(neutralised(visible(s, keepingLineFeeds: keepingLineFeeds)), separator: separator)
    }

    /// A number cell (already formatted, e.g. by `JSONText.appendNumber`): written as is.
    public static func number(_ s: String) -> String { s }

    /// A number cell rounded to six decimals as JSON writes it; empty for nil or not finite.
    public static func decimal(_ d: Double?) -> String {
        guard let d, d.isFinite else { return "" }
        var o: [UInt8] = []
        JSONText.appendNumber(NumberText.rounded6(d), to: &o)
        return number(String(decoding: o, as: UTF8.self))
    }

    /// One CSV line of cells already made by `text` or `number`, without the line end.
    public static func row(_ cells: [String]) -> String { cells.joined(separator: ",") }

    /// A whole CSV text: the header (made safe) and the rows of cells already made, CRLF line ends.
    public static func document(header: [String], _ rows: [[String]]) -> String {
        ([row(header.map(text))] + rows.map(row)).joined(separator: "\r\n") + "\r\n"
    }

    /// `s` with every control and bidi control visible, nothing else changed.
    static func visible(_ s: String, keepingLineFeeds: Bool = false) -> String {
        let shown = { (v: UInt32) in isControl(v) && !(keepingLineFeeds && v == 10) }
        guard s.unicodeScalars.contains(where: { shown($0.value) }) else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if shown(scalar.value) {
                out.append(contentsOf: SafeText.visible(String(scalar)).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func isControl(_ v: UInt32) -> Bool {
        v < 0x20 || (0x7F..<0xA0).contains(v) || SafeText.isBidiControl(v)
    }

    /// A `'` before a cell a spreadsheet would evaluate.
    static func neutralised(_ s: String) -> String {
        let first = s.unicodeScalars.first { $0 != " " }
        guard let first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return s }
        return "'" + s
    }

    /// RFC 4180 quoting: a cell with a comma, quote or line break is quoted, quotes doubled.
    static func quoted(_ s: String, separator: UInt8 = 44) -> String {
        let sep = Unicode.Scalar(separator)
        guard s.unicodeScalars.contains(where: { $0 == sep || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
