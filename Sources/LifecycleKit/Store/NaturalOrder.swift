/// The natural order of names, emails and segments: runs of ASCII digits compare by their
/// numeric value (`customer 2` < `customer 11` < `customer 100`; leading zeros do not
/// count), everything else byte by byte with A–Z folded to a–z. Used alike by the JSON
/// store, the SQLite store's SQL (`NaturalCollation`) and its list index.
///
/// The order is that of a *key* streamed from the text without allocating: every byte
/// folded, except that a digit run becomes the number of its significant digits and those
/// digits. That number is one byte `0x30 + n` up to 8 digits, else `0x39` then `n` (one byte,
/// or `0xFF` and four bytes from 255 on): it sits where the digits sit in ASCII, so a number
/// sorts among other characters as a digit would.
enum NaturalOrder {
    /// The key bytes of one text, one at a time.
    struct KeyBytes {
        private let text: UnsafeBufferPointer<UInt8>
        private var i = 0
        /// Bytes still to give of a digit run's length, the highest first.
        private var header: UInt64 = 0
        private var headerCount = 0
        /// The end of the digit run being given.
        private var runEnd = 0

        init(_ text: UnsafeBufferPointer<UInt8>) { self.text = text }

        @inline(__always) mutating func next() -> UInt8? {
            if headerCount > 0 {
                headerCount -= 1
                return UInt8(truncatingIfNeeded: header >> UInt64(8 * headerCount))
            }
            guard i < text.count else { return nil }
            let b = text[i]
            if i < runEnd || !NaturalOrder.isDigit(b) {
                i += 1
                return NaturalOrder.fold(b)
            }
            let run = NaturalOrder.digitRun(text, from: i)
            let length = run.count
            (i, runEnd) = (run.lowerBound, run.upperBound)
            if length <= 8 { return 0x30 + UInt8(length) }
            if length < 0xFF { (header, headerCount) = (UInt64(length), 1) } else {
                (header, headerCount) = (0xFF << 32 | UInt64(UInt32(clamping: length)), 5)
            }
            return 0x39
        }
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// -1, 0 or 1 as `a` sorts before, with or after `b`: their keys compared, without making
    /// them (digit runs compared in place).
    static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        var i = 0, j = 0
        while i < a.count && j < b.count {
            let p = a[i], q = b[j]
            if p == q && !isDigit(p) {
                (i, j) = (i + 1, j + 1)
                continue
            }
            let (dp, dq) = (isDigit(p), isDigit(q))
            if !dp || !dq {
                // A digit run's key starts with 0x30…0x39, where no other byte folds to.
                let (kp, kq) = (dp ? 0x30 : fold(p), dq ? 0x30 : fold(q))
                if kp != kq { return kp < kq ? -1 : 1 }
                (i, j) = (i + 1, j + 1)
                continue
            }
            let (x, y) = (digitRun(a, from: i), digitRun(b, from: j))
            if x.count != y.count { return x.count < y.count ? -1 : 1 }
            for k in 0..<x.count where a[x.lowerBound + k] != b[y.lowerBound + k] {
                return a[x.lowerBound + k] < b[y.lowerBound + k] ? -1 : 1
            }
            (i, j) = (x.upperBound, y.upperBound)
        }
        // Any byte left gives key bytes: the text with some left sorts after.
        let (restA, restB) = (i < a.count, j < b.count)
        return restA == restB ? 0 : restA ? 1 : -1
    }

    /// The significant digits of the digit run starting at `start` (leading zeros skipped).
    @inline(__always) fileprivate static func digitRun(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Range<Int> {
        var first = start
        while first < text.count && text[first] == 0x30 { first += 1 }
        var end = first
        while end < text.count && isDigit(text[end]) { end += 1 }
        return first..<end
    }

    @inline(__always) static func fold(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }

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
