import Foundation

/// A JSON syntax error: where reading stopped (a byte offset) and why.
struct JSONSyntaxError: Error {
    var offset: Int
    var text: Message
    /// The message in English.
    var message: String { text.description }
}

/// The kind of a JSON value, told by its first byte.
enum JSONValueKind {
    case string, number, object, array, bool, null

    /// "a string", "an object"… for messages like `expected a string, found a number`.
    var phrase: Message {
        switch self {
        case .string: return Message(.jsonString)
        case .number: return Message(.jsonNumber)
        case .object: return Message(.jsonObject)
        case .array: return Message(.jsonArray)
        case .bool: return Message(.jsonBoolean)
        case .null: return Message(.jsonNull)
        }
    }
}

/// A position in JSON text as shown to users.
///
/// Both are 1-based. Lines end at LF. The column counts Unicode code points (UTF-8 lead
/// bytes) from the start of the line, so a tab, an `é` or an emoji is one column each.
struct TextPosition: CustomStringConvertible {
    var line: Int
    var column: Int

    /// The position of byte `offset` in `text`.
    init(offset: Int, in text: UnsafeBufferPointer<UInt8>) {
        var line = 1
        var column = 1
        for b in text[..<min(offset, text.count)] {
            if b == 10 {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
        }
        self.line = line
        self.column = column
    }

    var description: String { "line \(line), column \(column)" }
}

/// A forward-only reader of JSON tokens over UTF-8 bytes, for schema-directed parsing:
/// the caller asks for the value it expects and skips the rest. Strings come back as bytes
/// (unescaped, UTF-8 validated) without allocating; nesting is limited to `maxDepth`, and
/// skipping unknown values is iterative, so no input can overflow the stack.
final class JSONByteReader {
    static let maxDepth = 512

    /// The whole text; subscripts are checked only in debug builds, so every read is
    /// guarded by `pos < end` explicitly.
    let text: UnsafeBufferPointer<UInt8>
    private let end: Int
    var pos = 0
    /// Containers currently open.
    private var depth = 0
    /// Unescaped string bytes when a string holds escapes.
    private var scratch: UnsafeMutablePointer<UInt8>
    private var scratchCapacity = 4096
    private var scratchCount = 0
    /// Called with the offset below which the text will never be read again.
    private let onProgress: ((Int) -> Void)?
    private var nextProgress = 0
    private static let progressStep = 16 << 20

    init(_ text: UnsafeBufferPointer<UInt8>, onProgress: ((Int) -> Void)? = nil) {
        self.text = text
        end = text.count
        scratch = .allocate(capacity: scratchCapacity)
        self.onProgress = onProgress
        nextProgress = Self.progressStep
    }

    deinit { scratch.deallocate() }

    func error(_ key: MessageKey, _ arguments: MessageArgument..., at offset: Int? = nil) -> JSONSyntaxError {
        JSONSyntaxError(offset: offset ?? pos, text: Message(key, arguments: arguments))
    }

    var truncated: JSONSyntaxError { error(.syntaxTruncated, at: end) }

    // MARK: Scratch (unescaped strings)

    func resetScratch() { scratchCount = 0 }

    func appendScratch(_ bytes: UnsafeBufferPointer<UInt8>) {
        reserveScratch(bytes.count)
        _ = UnsafeMutableBufferPointer(start: scratch + scratchCount, count: bytes.count).update(fromContentsOf: bytes)
        scratchCount += bytes.count
    }

    func appendScratch(_ byte: UInt8) {
        reserveScratch(1)
        scratch[scratchCount] = byte
        scratchCount += 1
    }

    var scratchBytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: scratch, count: scratchCount) }

    private func reserveScratch(_ n: Int) {
        guard scratchCount + n > scratchCapacity else { return }
        scratchCapacity = max(scratchCapacity * 2, scratchCount + n)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: scratchCapacity)
        grown.update(from: scratch, count: scratchCount)
        scratch.deallocate()
        scratch = grown
    }

    // MARK: Whitespace and kinds

    @inline(__always) private func skipWhitespace() {
        while pos < end {
            let c = text[pos]
            guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return }
            pos += 1
        }
    }

    /// Skips a UTF-8 byte order mark at the very start.
    func skipByteOrderMark() {
        if pos == 0, end >= 3, text[0] == 0xEF, text[1] == 0xBB, text[2] == 0xBF { pos = 3 }
    }

    /// True when only whitespace is left.
    func atEnd() -> Bool {
        skipWhitespace()
        return pos >= end
    }

    /// The kind of the next value (skipping whitespace); a syntax error when none starts here.
    func peekKind() throws -> JSONValueKind {
        skipWhitespace()
        guard pos < end else { throw truncated }
        switch text[pos] {
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        default: throw unexpected(.expectValue)
        }
    }

    /// `expected X, found 'c'`, or an invalid UTF-8 error when the byte starts no character.
    private func unexpected(_ expectation: MessageKey) -> JSONSyntaxError {
        guard pos < end else { return truncated }
        let c = text[pos]
        if c >= 0x80 {
            if let invalid = invalidUTF8(at: pos) { return invalid }
            let n = utf8Length(c)
            return error(.syntaxFound, .message(Message(expectation)), .text(String(decoding: text[pos..<(pos + n)], as: UTF8.self)))
        }
        if c < 0x20 || c == 0x7F { return error(.syntaxFoundControl, .message(Message(expectation)), .text(hex(c))) }
        return error(.syntaxFound, .message(Message(expectation)), .text(String(Character(Unicode.Scalar(c)))))
    }

    // MARK: Containers

    private func open() throws {
        depth += 1
        if depth > Self.maxDepth { throw error(.syntaxTooDeep, .count(Self.maxDepth)) }
        pos += 1
    }

    /// Consumes the `{` of an object; then call `nextMember` until it returns nil.
    func enterObject() throws { try open() }

    /// Consumes the `[` of an array; then call `nextElement` until it returns false.
    func enterArray() throws { try open() }

    /// The next key of the current object (the `:` after it consumed), or nil after its `}`.
    /// `first` must start true for each object. The key bytes are valid until the next read.
    func nextMember(_ first: inout Bool) throws -> UnsafeBufferPointer<UInt8>? {
        skipWhitespace()
        guard pos < end else { throw truncated }
        if text[pos] == UInt8(ascii: "}") {
            pos += 1
            depth -= 1
            return nil
        }
        if !first {
            guard text[pos] == UInt8(ascii: ",") else { throw unexpected(.expectCommaOrBrace) }
            pos += 1
            skipWhitespace()
            guard pos < end else { throw truncated }
        }
        first = false
        guard text[pos] == UInt8(ascii: "\"") else { throw unexpected(.expectKey) }
        let key = try readString()
        skipWhitespace()
        guard pos < end else { throw truncated }
        guard text[pos] == UInt8(ascii: ":") else { throw unexpected(.expectColon) }
        pos += 1
        return key
    }

    /// Whether the current array has another element (consuming the `,` before it, or the
    /// closing `]`). `first` must start true for each array.
    func nextElement(_ first: inout Bool) throws -> Bool {
        if pos >= nextProgress, let onProgress {
            onProgress(pos)
            nextProgress = pos + Self.progressStep
        }
        skipWhitespace()
        guard pos < end else { throw truncated }
        if text[pos] == UInt8(ascii: "]") {
            pos += 1
            depth -= 1
            return false
        }
        if !first {
            guard text[pos] == UInt8(ascii: ",") else { throw unexpected(.expectCommaOrBracket) }
            pos += 1
        }
        first = false
        return true
    }

    // MARK: Scalars

    /// Reads `true` or `false`.
    func readBool() throws -> Bool {
        if try matchLiteral("true") { return true }
        if try matchLiteral("false") { return false }
        throw unexpected(.expectValue)
    }

    /// Reads `null`.
    func readNull() throws {
        guard try matchLiteral("null") else { throw unexpected(.expectValue) }
    }

    private func matchLiteral(_ word: StaticString) throws -> Bool {
        let n = word.utf8CodeUnitCount
        let available = min(n, end - pos)
        guard memcmp(text.baseAddress! + pos, word.utf8Start, available) == 0 else { return false }
        if available < n { throw truncated }
        pos += n
        return true
    }

    // MARK: Skipping

    /// Skips one value of any kind, however deeply nested (iteratively, within `maxDepth`).
    func skipValue() throws {
        let bottom = depth
        var inObject: [Bool] = []  // per open container: object (true) or array
        while true {
            // A value starts here.
            switch try peekKind() {
            case .string: _ = try readString()
            case .number: _ = try readNumber()
            case .bool: _ = try readBool()
            case .null: try readNull()
            case .object:
                try enterObject()
                var first = true
                if try nextMember(&first) != nil {
                    inObject.append(true)
                    continue
                }
            case .array:
                try enterArray()
                var first = true
                if try nextElement(&first) {
                    inObject.append(false)
                    continue
                }
            }
            // A value ended: close containers until one has another element.
            while let isObject = inObject.last {
                var first = false
                let more = isObject ? try nextMember(&first) != nil : try nextElement(&first)
                if more { break }
                inObject.removeLast()
            }
            if inObject.isEmpty {
                assert(depth == bottom)
                return
            }
        }
    }
}

/// Two upper-case hex digits.
func hex(_ b: UInt8) -> String {
    let s = String(b, radix: 16, uppercase: true)
    return b < 16 ? "0" + s : s
}
