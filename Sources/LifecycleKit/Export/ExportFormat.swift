/// How an export is written.
///
/// - `csv`: RFC 4180, UTF-8, `,`, CRLF line ends, a header row with the column names.
/// - `excel`: what German Excel opens directly: a UTF-8 BOM, `;`, decimal comma, CRLF.
/// - `json`: `{"columns": [names], "customers": [{name: value, …}, …]}`; numbers as numbers,
///   a missing value as `null`, tags as an array.
///
/// In CSV, text cells go through `CSVCell`: a cell a spreadsheet would evaluate (starting
/// with `=`, `+`, `-`, `@`, tab or CR) gets a leading `'` (OWASP), and control characters are
/// shown visibly (`^[`), except a line feed, which is kept inside the quoted cell so the text
/// reads back whole. Number columns (revenue, clv, days_in_stage, a number attribute…) are
/// written as numbers, so a negative revenue stays `-12.5`, not `'-12.5`.
public enum ExportFormat: String, Sendable, CaseIterable {
    case csv, excel, json

    /// What comes before the first row.
    func header(_ columns: [ExportColumn], into out: inout [UInt8]) {
        switch self {
        case .json:
            out.append(contentsOf: Array("{\"columns\":".utf8))
            JSONText.appendTags(columns.map(\.name), to: &out)
            out.append(contentsOf: Array(",\"customers\":[".utf8))
        case .csv, .excel:
            if self == .excel { out.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
            line(columns.map { CSVCell.text($0.name, separator: separator, keepingLineFeeds: false) }, into: &out)
        }
    }

    /// One row; `first` tells JSON whether a comma goes before it.
    func row(_ values: [ExportValue], columns: [ExportColumn], first: Bool, into out: inout [UInt8]) {
        guard self == .json else { return line(values.map(csvCell), into: &out) }
        out.append(contentsOf: Array((first ? "\n{" : ",\n{").utf8))
        for (i, (column, value)) in zip(columns, values).enumerated() {
            if i > 0 { out.append(44) }
            JSONText.appendString(column.name, to: &out)
            out.append(58)
            Self.json(value, into: &out)
        }
        out.append(125)
    }

    /// What comes after the last row.
    func footer(into out: inout [UInt8]) {
        if self == .json { out.append(contentsOf: Array("\n]}\n".utf8)) }
    }

    var separator: UInt8 { self == .excel ? 59 : 44 }

    private func line(_ cells: [String], into out: inout [UInt8]) {
        for (i, cell) in cells.enumerated() {
            if i > 0 { out.append(separator) }
            out.append(contentsOf: cell.utf8)
        }
        out.append(13)
        out.append(10)
    }

    func csvCell(_ value: ExportValue) -> String {
        switch value {
        case .text(let s): CSVCell.text(s, separator: separator, keepingLineFeeds: true)
        case .number(let n): CSVCell.number(self == .excel ? n.replacingOccurrences(of: ".", with: ",") : n)
        case .bool(let b): b ? "true" : "false"
        case .list(let items): CSVCell.text(items.joined(separator: ", "), separator: separator, keepingLineFeeds: true)
        case .missing: ""
        }
    }

    private static func json(_ value: ExportValue, into out: inout [UInt8]) {
        switch value {
        case .text(let s): JSONText.appendString(s, to: &out)
        case .number(let n): out.append(contentsOf: n.utf8)
        case .bool(let b): out.append(contentsOf: Array((b ? "true" : "false").utf8))
        case .list(let items): JSONText.appendTags(items, to: &out)
        case .missing: out.append(contentsOf: Array("null".utf8))
        }
    }
}
