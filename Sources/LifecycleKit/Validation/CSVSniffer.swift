/// Tells a CSV (or TSV) file given where a snapshot is expected, so that the user reads
/// "looks like CSV" instead of a JSON syntax error at line 1.
enum CSVSniffer {
    /// The message for text that looks like CSV: no JSON opening brace, and a first line
    /// (a header) of at least two fields split by commas, semicolons or tabs, with the next
    /// line, if any, split by the same separator. Nil otherwise.
    static func describe(_ text: UnsafeBufferPointer<UInt8>) -> Message? {
        var bytes = text[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let first = bytes.first(where: { $0 != 32 && $0 != 9 && $0 != 10 && $0 != 13 }),
              first != UInt8(ascii: "{"), first != UInt8(ascii: "[") else { return nil }
        let lines = bytes.prefix(64 * 1024).split(separator: 10, maxSplits: 2, omittingEmptySubsequences: true)
        guard let header = lines.first else { return nil }
        for (separator, name) in [(UInt8(ascii: ","), MessageKey.separatorComma), (UInt8(ascii: ";"), .separatorSemicolon),
                                  (UInt8(ascii: "\t"), .separatorTab)] {
            guard header.contains(separator) else { continue }
            if lines.count > 1, !lines[1].contains(separator) { continue }
            return Message(.looksLikeCSV, .message(Message(name)))
        }
        return nil
    }
}
