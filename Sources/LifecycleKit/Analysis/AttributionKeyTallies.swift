/// The tallies of one attribution dimension over keys numbered `0..<keys.count`: what
/// `AttributionAnalysis.add` counts in its dictionary, without hashing a key per touchpoint.
/// Every sum takes its terms in the order `add` would, so the figures are the same to the last bit.
struct AttributionKeyTallies {
    /// The key of each number; `none` is the number of `(none)`.
    private(set) var keys: [String]
    let none: Int
    private var tallies: [AttributionTally]
    /// Keys counted at least once (the others are left out, as the dictionary never holds them).
    private var counted: [Bool]
    /// Per key, the last converter counted among its `customers`.
    private var lastConverter: [Int]

    /// `keys` as numbered; `(none)` is the one among them, else one more at the end.
    init(keys: [String]) {
        var keys = keys
        if let n = keys.firstIndex(of: AttributionDimension.none) { none = n } else {
            none = keys.count
            keys.append(AttributionDimension.none)
        }
        self.keys = keys
        tallies = Array(repeating: AttributionTally(), count: keys.count)
        counted = Array(repeating: false, count: keys.count)
        lastConverter = Array(repeating: -1, count: keys.count)
    }

    /// A conversion without a touchpoint in its window: one whole credit to `(none)`.
    mutating func addEmptyWindow(revenue: Double) {
        tallies[none].credit(1, revenue: revenue)
        counted[none] = true
    }

    /// The touchpoint at `i` of converter `converter`'s window, of key `key`, whose credits
    /// per model are `credits`.
    mutating func add(_ key: Int, at i: Int, of credits: [[Double]], revenue: Double, converter: Int) {
        tallies[key].add(i, of: credits, revenue: revenue)
        counted[key] = true
        if lastConverter[key] != converter {
            lastConverter[key] = converter
            tallies[key].customers += 1
        }
    }

    /// The tallies by key, as `AttributionAnalysis` holds them.
    func byKey() -> [String: AttributionTally] {
        var out: [String: AttributionTally] = [:]
        for k in keys.indices where counted[k] { out[keys[k]] = tallies[k] }
        return out
    }
}
