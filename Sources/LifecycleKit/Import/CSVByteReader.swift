/// An RFC 4180 reader over UTF-8 bytes: fields split by one ASCII separator, records by LF,
/// CRLF or CR, quoted fields holding separators, line breaks and doubled quotes. Lenient as
/// spreadsheets are: a quote inside an unquoted field, or text after a closing quote, is kept.
///
/// Reads the same records as yaslab/CSV.swift (`CSVTable.Reader.library`), several times
/// faster: it works on bytes and makes one `String` per field (see the README for the numbers).
struct CSVByteReader {
    private let b: UnsafeBufferPointer<UInt8>
    private let separator: UInt8
    private var i = 0

    /// Calls `body` with each record of `bytes`, in order.
    static func records(_ bytes: [UInt8], separator: UInt8, _ body: ([String]) throws -> Void) rethrows {
        try bytes.withUnsafeBufferPointer { b in
            var reader = CSVByteReader(b: b, separator: separator)
            while let record = reader.next() { try body(record) }
        }
    }

    private init(b: UnsafeBufferPointer<UInt8>, separator: UInt8) {
        self.b = b
        self.separator = separator
    }

    /// The next record, nil at the end.
    private mutating func next() -> [String]? {
        guard i < b.count else { return nil }
        var record: [String] = []
        record.reserveCapacity(16)
        while true {
            let (field, endOfRecord) = i < b.count && b[i] == 0x22 ? quoted() : plain()
            record.append(field)
            if endOfRecord { return record }
        }
    }

    /// An unquoted field from `i`; true when it ended its record.
    private mutating func plain() -> (String, Bool) {
        let start = i
        while i < b.count {
            let c = b[i]
            if c == separator {
                defer { i += 1 }
                return (String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self), false)
            }
            if c == 0x0A || c == 0x0D {
                let field = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
                skipLineEnd()
                return (field, true)
            }
            i += 1
        }
        return (String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self), true)
    }

    /// A quoted field from `i` (at its opening quote); true when it ended its record.
    private mutating func quoted() -> (String, Bool) {
        i += 1
        var out: [UInt8] = []
        var start = i
        while i < b.count {
            guard b[i] == 0x22 else { i += 1; continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<i]))
            i += 1
            if i < b.count, b[i] == 0x22 {   // a doubled quote
                out.append(0x22)
                i += 1
                start = i
                continue
            }
            // After the closing quote: the field goes on as plain text up to its end.
            let (rest, end) = plain()
            out.append(contentsOf: rest.utf8)
            return (String(decoding: out, as: UTF8.self), end)
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<i]))
        return (String(decoding: out, as: UTF8.self), true)
    }

    private mutating func skipLineEnd() {
        if b[i] == 0x0D, i + 1 < b.count, b[i + 1] == 0x0A { i += 2 } else { i += 1 }
    }
}
