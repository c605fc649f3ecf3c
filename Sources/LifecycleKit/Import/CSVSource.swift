import CSV
import Foundation

/// A CSV file read whole: its header and records, with how it was written.
///
/// Real exports differ in bytes: a UTF-8 BOM or none, UTF-8 or Windows-1252 (German Excel's
/// default), `,` or `;` between fields, CRLF or LF line ends, quoted fields holding line
/// breaks. The bytes are decoded first (UTF-8 when they are valid UTF-8, else Windows-1252,
/// unless told), then split into records by `CSVByteReader` (or yaslab/CSV.swift, measured
/// 3.7× slower on a million rows: README, *Performance*).
public struct CSVTable: Sendable {
    public enum Encoding: String, Sendable { case utf8 = "utf-8", windows1252 = "windows-1252" }

    /// The header's column names, trimmed of surrounding spaces.
    public var header: [String]
    /// The records after the header, each with its row number as a spreadsheet shows it (the
    /// header is row 1; a record with line breaks inside quotes is one row). Blank lines are left out.
    /// Cells are kept as bytes in one buffer and made `String`s only when read.
    public var rows: CSVRows
    public var encoding: Encoding
    public var separator: Character

    /// Which code splits the text into records: `CSVByteReader` (the default: measured faster
    /// on a million rows, see the README), or yaslab/CSV.swift.
    public enum Reader: String, Sendable { case bytes, library }

    /// Reads `data`; `encoding` and `separator` are detected when nil.
    public init(data: Data, encoding: Encoding? = nil, separator: Character? = nil, reader: Reader = .bytes) throws {
        try self.init(bytes: [UInt8](data), encoding: encoding, separator: separator, reader: reader)
    }

    /// Reads `bytes` (a whole file); `encoding` and `separator` are detected when nil.
    public init(bytes input: [UInt8], encoding: Encoding? = nil, separator: Character? = nil, reader: Reader = .bytes) throws {
        var bytes = input
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let chosen = encoding ?? (UTF8Check.isValid(bytes) ? .utf8 : .windows1252)
        if chosen == .windows1252 {
            bytes = Array(Windows1252.decode(bytes).utf8)
        } else if encoding != nil, !UTF8Check.isValid(bytes) {
            // Told UTF-8 but not: what is not UTF-8 becomes U+FFFD once, so that every cell's
            // bytes are valid UTF-8 (and written as they are read back).
            bytes = Array(String(decoding: bytes, as: UTF8.self).utf8)
        }
        let sep = separator ?? Self.detectSeparator(bytes)
        var builder = CSVRows.Builder(capacity: bytes.count)
        switch reader {
        case .bytes:
            CSVByteReader.records(bytes, separator: sep.asciiValue!, into: &builder)
        case .library:
            let csv = try CSVReader(string: String(decoding: bytes, as: UTF8.self), hasHeaderRow: false, delimiter: sep.unicodeScalars.first!)
            while let record = csv.next() {
                for cell in record { var c = cell; c.withUTF8 { builder.append(cell: $0) } }
                builder.endRecord()
            }
            if let error = csv.error { throw error }
        }
        guard let rows = builder.finish() else { throw CSVTooBig() }
        self.header = rows.header
        self.rows = rows.rows
        self.encoding = chosen
        self.separator = sep
    }

    /// Reads a whole file's bytes (`CSVCellBuffer.read`) with `CSVByteReader`, the cells written
    /// over the file's own bytes: a million-row file is not held twice. `encoding` and
    /// `separator` are detected when nil.
    static func read(file: CSVCellBuffer, encoding: Encoding? = nil, separator: Character? = nil) throws -> CSVTable {
        let whole = file.slice(0..<file.count)
        let text = UnsafeBufferPointer(rebasing: whole[(whole.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)...])
        let valid = UTF8Check.isValid(text)
        guard (encoding ?? (valid ? .utf8 : .windows1252)) == .utf8, valid else {
            return try CSVTable(bytes: Array(whole), encoding: encoding ?? .windows1252, separator: separator)
        }
        let sep = separator ?? Self.detectSeparator(text)
        var builder = CSVRows.Builder(over: file)
        CSVByteReader.records(text, separator: sep.asciiValue!, into: &builder)
        guard let rows = builder.finish() else { throw CSVTooBig() }
        return CSVTable(header: rows.header, rows: rows.rows, encoding: .utf8, separator: sep)
    }

    private init(header: [String], rows: CSVRows, encoding: Encoding, separator: Character) {
        self.header = header
        self.rows = rows
        self.encoding = encoding
        self.separator = separator
    }

    struct CSVTooBig: Error, CustomStringConvertible {
        var description: String { "the file is too big (over 4 GiB of cells)" }
    }

    /// `;` when the first line has more semicolons than commas outside quotes, else `,`.
    static func detectSeparator(_ bytes: [UInt8]) -> Character { bytes.withUnsafeBufferPointer(detectSeparator) }

    static func detectSeparator(_ bytes: UnsafeBufferPointer<UInt8>) -> Character {
        var commas = 0, semicolons = 0, quoted = false
        for byte in bytes {
            switch byte {
            case 0x22: quoted.toggle()
            case 0x2C: if !quoted { commas += 1 }
            case 0x3B: if !quoted { semicolons += 1 }
            case 0x0A, 0x0D: if !quoted { return semicolons > commas ? ";" : "," }
            default: break
            }
        }
        return semicolons > commas ? ";" : ","
    }

    /// The index of the column named `name`: exact first, then ignoring case.
    public func column(_ name: String) -> Int? {
        let wanted = name.trimmingCharacters(in: .whitespaces)
        return header.firstIndex(of: wanted)
            ?? header.firstIndex { $0.caseInsensitiveCompare(wanted) == .orderedSame }
    }
}

/// Windows-1252: Latin-1 with printable characters (€, „, “, Š…) in 0x80–0x9F.
enum Windows1252 {
    private static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func decode(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for b in bytes {
            let v = (0x80...0x9F).contains(b) ? high[Int(b) - 0x80] : UInt32(b)
            scalars.append(Unicode.Scalar(v)!)
        }
        return String(scalars)
    }
}
