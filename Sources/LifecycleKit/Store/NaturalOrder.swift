/// The order of names, emails and segments: the Unicode root collation (the Unicode Collation
/// Algorithm with CLDR's root order, as ICU sorts without a language), with runs of ASCII
/// digits compared by their numeric value (`customer 2` < `customer 11` < `customer 100`;
/// leading zeros do not count). Used alike by the JSON store, the SQLite store's SQL
/// (`NaturalCollation`) and its list index. README ("Sort order") says what it does and what
/// it leaves out.
///
/// Three levels: letters, digits and punctuation first (accents and case ignored: `Ä` = `a`,
/// `ß` = `ss`, `ø` = `o`), then accents (`Backer` < `Bäcker`), then case (`anna` < `Anna`).
/// Spaces and punctuation are not ignored (root's "non-ignorable"): they sort before digits,
/// digits before letters, Latin before Greek before Cyrillic before other scripts.
///
/// The order is that of a *key* streamed from the UTF-8 bytes without allocating: the
/// primary weights of all characters, a byte 1, the secondary weights, a byte 1, the tertiary
/// weights (`CollationElement.Weights`). So the first bytes of a key are primary weights (an
/// ASCII letter, space or punctuation is one byte), and `compare` streams the keys of two
/// texts side by side. A digit run's primary weight is `0x4C + n` for n ≤ 8 significant
/// digits, else `0x55` then `n` (one byte, or `0xFF` and four bytes from 255 on), then the
/// digits.
public enum NaturalOrder {
    private typealias W = CollationElement.Weights

    /// -1, 0 or 1 as `a` sorts before, with or after `b` (lists sorted in memory, such as the
    /// customers behind a number, sort as the stores do).
    public static func compare(_ a: String, _ b: String) -> Int {
        var (a, b) = (a, b)
        return a.withUTF8 { x in b.withUTF8 { y in compare(x, y) } }
    }

    /// The key bytes of one text, one at a time.
    struct KeyBytes {
        private let text: UnsafeBufferPointer<UInt8>
        private let entries: UnsafeMutablePointer<UInt32>
        private let elements: UnsafeMutablePointer<CollationElement>
        /// 0 primary, 1 secondary, 2 tertiary.
        private var level = 0
        private var i = 0
        /// Bytes still to give of the current weight, the highest first.
        private var pending: UInt64 = 0
        private var pendingCount = 0
        /// The table elements of the current character still to give.
        private var queue = 0, queueEnd = 0
        /// The end of the digit run whose digits are being given (primary level).
        private var runEnd = 0

        init(_ text: UnsafeBufferPointer<UInt8>) {
            self.text = text
            let table = CollationTable.shared
            (entries, elements) = (table.entries, table.elements)
        }

        @inline(__always) mutating func next() -> UInt8? {
            while true {
                if pendingCount > 0 {
                    pendingCount -= 1
                    return UInt8(truncatingIfNeeded: pending >> UInt64(8 * pendingCount))
                }
                if i < runEnd {
                    i += 1
                    return text[i - 1]
                }
                if queue < queueEnd {
                    give(elements[queue])
                    queue += 1
                    continue
                }
                guard i < text.count else {
                    guard level < 2 else { return nil }
                    (level, i, runEnd) = (level + 1, 0, 0)
                    return 1
                }
                step()
            }
        }

        /// Reads the character at `i`: queues its elements, or gives a number's weight.
        @inline(__always) private mutating func step() {
            let b = text[i]
            if b < 0x80 {
                if NaturalOrder.isDigit(b) { return number() }
                i += 1
                let entry = entries[Int(b)]
                if entry != CollationTable.ignorable { give(elements[Int(entry >> 8)]) }
                return
            }
            guard let (scalar, length) = NaturalOrder.decode(text, i) else {
                i += 1
                return give(CollationElement(primary: UInt32(W.invalidByte) << 8 | UInt32(b), primaryCount: 2))
            }
            i += length
            var code = scalar
            // Cyrillic и with a breve is й, a letter of its own (as the precomposed й).
            if code == 0x418 || code == 0x438, i + 1 < text.count, text[i] == 0xCC, text[i + 1] == 0x86 { (code, i) = (code + 1, i + 2) }
            if code < CollationTable.tableEnd {
                let entry = entries[Int(code)]
                if entry == CollationTable.ignorable { return }
                if entry != 0 {
                    (queue, queueEnd) = (Int(entry >> 8), Int(entry >> 8) + Int(entry & 0xFF))
                    return
                }
            }
            if let element = NaturalOrder.otherElement(code) { give(element) }
        }

        /// The digit run at `i`: its weight on the primary level, one common element on the others.
        private mutating func number() {
            let run = NaturalOrder.digitRun(text, from: i)
            guard level == 0 else {
                i = run.upperBound
                return give(CollationElement(primary: 0, primaryCount: 1))
            }
            (i, runEnd) = (run.lowerBound, run.upperBound)
            let n = run.count
            if n <= 8 {
                (pending, pendingCount) = (UInt64(W.number) + UInt64(n), 1)
            } else if n < 0xFF {
                (pending, pendingCount) = (UInt64(W.number + 9) << 8 | UInt64(n), 2)
            } else {
                (pending, pendingCount) = (UInt64(W.number + 9) << 40 | 0xFF << 32 | UInt64(UInt32(clamping: n)), 6)
            }
        }

        /// Makes the weight of `e` on this level the pending bytes.
        @inline(__always) private mutating func give(_ e: CollationElement) {
            switch level {
            case 0: (pending, pendingCount) = (UInt64(e.primary), Int(e.primaryCount))
            case 1: (pending, pendingCount) = (UInt64(e.secondary), Int(e.secondaryCount))
            default: (pending, pendingCount) = (UInt64(e.tertiary), 1)
            }
        }
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// -1, 0 or 1 as `a` sorts before, with or after `b`: their keys compared as they are
    /// streamed. The start both share, up to its last ASCII character other than a digit,
    /// weighs the same on every level in both and is skipped.
    static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let n = min(a.count, b.count)
        var k = 0
        while k < n && a[k] == b[k] { k += 1 }
        if k == a.count && k == b.count { return 0 }
        while k > 0 && (a[k - 1] >= 0x80 || isDigit(a[k - 1])) { k -= 1 }
        var x = KeyBytes(UnsafeBufferPointer(rebasing: a[k...])), y = KeyBytes(UnsafeBufferPointer(rebasing: b[k...]))
        while true {
            switch (x.next(), y.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case let (p?, q?): if p != q { return p < q ? -1 : 1 }
            }
        }
    }

    /// The significant digits of the digit run starting at `start` (leading zeros skipped).
    @inline(__always) fileprivate static func digitRun(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Range<Int> {
        var first = start
        while first < text.count && text[first] == 0x30 { first += 1 }
        var end = first
        while end < text.count && isDigit(text[end]) { end += 1 }
        return first..<end
    }

    /// The first 16 key bytes as two big-endian words, zero-padded, and whether they are the
    /// whole key with no zero byte (else equal words need `compare`).
    static func prefixKey(_ s: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64, Bool) {
        var key = KeyBytes(s)
        var words: (UInt64, UInt64) = (0, 0)
        var ended = false, sawZero = false
        for i in 0..<16 {
            var b: UInt8 = 0
            if !ended, let next = key.next() { b = next; sawZero = sawZero || b == 0 } else { ended = true }
            if i < 8 { words.0 = words.0 << 8 | UInt64(b) } else { words.1 = words.1 << 8 | UInt64(b) }
        }
        return (words.0, words.1, !sawZero && (ended || key.next() == nil))
    }

    /// The whole key (for tests).
    static func key(_ text: [UInt8]) -> [UInt8] {
        text.withUnsafeBufferPointer { t in
            var key = KeyBytes(t), out: [UInt8] = []
            while let b = key.next() { out.append(b) }
            return out
        }
    }
}
