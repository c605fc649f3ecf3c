/// Cheap integer → text for identifiers and e-mail addresses, with no Foundation formatting.
enum GeneratorDigits {
    /// `prefix` followed by `number` in decimal, zero-padded to at least `width` digits,
    /// e.g. `("C-", 42, 7)` → `C-0000042`. Short results are built without heap allocation.
    static func id(_ prefix: StaticString, _ number: Int, width: Int) -> String {
        precondition(number >= 0)
        var digits = 1
        var rest = number / 10
        while rest > 0 { digits += 1; rest /= 10 }
        let numberWidth = max(width, digits)
        let prefixCount = prefix.utf8CodeUnitCount
        let count = prefixCount + numberWidth
        return String(unsafeUninitializedCapacity: count) { buffer in
            let p = prefix.utf8Start
            for i in 0..<prefixCount { buffer[i] = p[i] }
            var v = number
            var i = count - 1
            while i >= prefixCount {
                buffer[i] = UInt8(48 + v % 10)
                v /= 10
                i -= 1
            }
            return count
        }
    }

    /// Appends `number` (≥ 0) in decimal.
    static func append(_ number: Int, to out: inout [UInt8]) {
        if number >= 10 { append(number / 10, to: &out) }
        out.append(UInt8(48 + number % 10))
    }
}
