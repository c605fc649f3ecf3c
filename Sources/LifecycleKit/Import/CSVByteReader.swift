/// An RFC 4180 reader over UTF-8 bytes: fields split by one ASCII separator, records by LF,
/// CRLF or CR, quoted fields holding separators, line breaks and doubled quotes. Lenient as
/// spreadsheets are: a quote inside an unquoted field, or text after a closing quote, is kept.
///
/// Reads the same records as yaslab/CSV.swift (`CSVTable.Reader.library`), several times
/// faster: it works on bytes and copies each cell's bytes once into `CSVRows.Builder`.
struct CSVByteReader {
    private let b: UnsafeBufferPointer<UInt8>
    private let separator: UInt8
    private var i = 0

    /// Hands each record of `bytes`, in order, to `builder`.
    static func records(_ bytes: [UInt8], separator: UInt8, into builder: inout CSVRows.Builder) {
        bytes.withUnsafeBufferPointer { records($0, separator: separator, into: &builder) }
    }

    static func records(_ b: UnsafeBufferPointer<UInt8>, separator: UInt8, into builder: inout CSVRows.Builder) {
        var reader = CSVByteReader(b: b, separator: separator)
        while reader.next(into: &builder) {}
    }

    private init(b: UnsafeBufferPointer<UInt8>, separator: UInt8) {
        self.b = b
        self.separator = separator
    }

    /// Reads the next record into `builder`; false at the end.
    private mutating func next(into builder: inout CSVRows.Builder) -> Bool {
        guard i < b.count else { return false }
        while true {
            let endOfRecord = i < b.count && b[i] == 0x22 ? quoted(&builder) : plain(&builder)
            builder.endCell()
            if endOfRecord { builder.endRecord(); return true }
        }
    }

    /// An unquoted field from `i`, appended to the cell; true when it ended its record.
    private mutating func plain(_ builder: inout CSVRows.Builder) -> Bool {
        let start = i
        while i < b.count {
            let c = b[i]
            if c == separator {
                builder.appendToCell(UnsafeBufferPointer(rebasing: b[start..<i]))
                i += 1
                return false
            }
            if c == 0x0A || c == 0x0D {
                builder.appendToCell(UnsafeBufferPointer(rebasing: b[start..<i]))
                skipLineEnd()
                return true
            }
            i += 1
        }
        builder.appendToCell(UnsafeBufferPointer(rebasing: b[start..<i]))
        return true
    }

    /// A quoted field from `i` (at its opening quote); true when it ended its record.
    private mutating func quoted(_ builder: inout CSVRows.Builder) -> Bool {
        i += 1
        var start = i
        while i < b.count {
            guard b[i] == 0x22 else { i += 1; continue }
            builder.appendToCell(UnsafeBufferPointer(rebasing: b[start..<i]))
            i += 1
            if i < b.count, b[i] == 0x22 {   // a doubled quote
                builder.appendToCell(0x22)
                i += 1
                start = i
                continue
            }
            // After the closing quote: the field goes on as plain text up to its end.
            return plain(&builder)
        }
        builder.appendToCell(UnsafeBufferPointer(rebasing: b[start..<i]))
        return true
    }

    private mutating func skipLineEnd() {
        if b[i] == 0x0D, i + 1 < b.count, b[i + 1] == 0x0A { i += 2 } else { i += 1 }
    }
}
