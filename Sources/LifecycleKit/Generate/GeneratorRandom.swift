/// A small, fast, deterministic pseudo-random generator (xoshiro256**, seeded through
/// SplitMix64). The same seed always gives the same sequence, on every platform.
struct GeneratorRandom: RandomNumberGenerator {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    init(seed: UInt64) {
        var x = seed
        func splitMix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix(); s1 = splitMix(); s2 = splitMix(); s3 = splitMix()
    }

    @inline(__always)
    mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A uniform integer in `0..<n` (n > 0, n < 2³²).
    @inline(__always)
    mutating func below(_ n: Int) -> Int {
        Int(((next() >> 32) &* UInt64(n)) >> 32)
    }

    /// A uniform integer in `range`.
    @inline(__always)
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A uniform Double in `[0, 1)`.
    @inline(__always)
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// True with probability `p`.
    @inline(__always)
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// A uniform element of a non-empty array.
    @inline(__always)
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// `x` rounded down or up at random so that the mean is exactly `x` (x ≥ 0).
    @inline(__always)
    mutating func roundStochastically(_ x: Double) -> Int {
        let whole = x.rounded(.down)
        return Int(whole) + (unit() < x - whole ? 1 : 0)
    }
}

/// Cumulative integer weights for picking one of several options quickly.
struct WeightedChoice {
    private let thresholds: [Int]
    let total: Int

    init(_ weights: [Int]) {
        var sum = 0
        thresholds = weights.map { sum += $0; return sum }
        total = sum
    }

    /// The index of the option chosen.
    @inline(__always)
    func pick(_ random: inout GeneratorRandom) -> Int {
        let r = random.below(total)
        var i = 0
        while r >= thresholds[i] { i += 1 }
        return i
    }
}
