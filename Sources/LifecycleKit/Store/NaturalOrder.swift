/// The natural order of names, emails and segments: runs of ASCII digits compare by their
/// numeric value (`customer 2` < `customer 11` < `customer 100`; leading zeros do not
/// count), everything else byte by byte with A–Z folded to a–z. Used alike by the JSON
/// store, the SQLite store's SQL (`NaturalCollation`) and its list index.
///
/// The order is that of a *key* streamed from the text without allocating: every byte
/// folded, except that a digit run becomes `0x30`, the number of its significant digits
/// (one byte, or `0xFF` and four bytes from 255 on) and those digits. The marker sits where
/// the digits sit in ASCII, so a number sorts among other characters as a digit would.
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

        /// The key from `start` on, where no digit run is cut (`start` 0, or after a non-digit).
        init(_ text: UnsafeBufferPointer<UInt8>, from start: Int = 0) {
            self.text = text
            i = start
        }

        @inline(__always) mutating func next() -> UInt8? {
            if headerCount > 0 {
                headerCount -= 1
                return UInt8(truncatingIfNeeded: header >> UInt64(8 * headerCount))
            }
            guard i < text.count else { return nil }
            let b = text[i]
            if i < runEnd || !NaturalOrder.isDigit(b) {
                i += 1
                return b >= 65 && b <= 90 ? b + 32 : b
            }
            var start = i
            while start < text.count && text[start] == 0x30 { start += 1 }
            var end = start
            while end < text.count && NaturalOrder.isDigit(text[end]) { end += 1 }
            let length = end - start
            (i, runEnd) = (start, end)
            if length < 0xFF { (header, headerCount) = (UInt64(length), 1) } else {
                (header, headerCount) = (0xFF << 32 | UInt64(UInt32(clamping: length)), 5)
            }
            return 0x30
        }

    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// -1, 0 or 1 as `a` sorts before, with or after `b`.
    static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        // Up to the first digit, the key is the folded text: compare it in place.
        var i = 0
        let n = min(a.count, b.count)
        while i < n {
            let p = a[i], q = b[i]
            if isDigit(p) || isDigit(q) { break }
            let (fp, fq) = (p >= 65 && p <= 90 ? p + 32 : p, q >= 65 && q <= 90 ? q + 32 : q)
            if fp != fq { return fp < fq ? -1 : 1 }
            i += 1
        }
        if i == n { return a.count == b.count ? 0 : a.count < b.count ? -1 : 1 }
        var x = KeyBytes(a, from: i), y = KeyBytes(b, from: i)
        while true {
            switch (x.next(), y.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case let (p?, q?): if p != q { return p < q ? -1 : 1 }
            }
        }
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
