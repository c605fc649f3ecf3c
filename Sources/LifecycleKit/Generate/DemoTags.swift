/// Precomputed tag lists; customers share them, so picking tags allocates nothing.
struct DemoTags {
    static let consumerTags = ["newsletter", "app-user", "student", "gdpr-consent", "sale-hunter",
                               "gift-buyer", "mobile", "returns-often", "black-friday-2025"]
    static let businessTags = ["wholesale", "key-account", "net-30", "reseller", "gdpr-consent", "newsletter"]

    private let consumer: [[String]]
    private let business: [[String]]
    /// The same lists with `vip` added, for loyal customers.
    private let consumerVIP: [[String]]
    private let businessVIP: [[String]]

    init() {
        var random = GeneratorRandom(seed: 0x7A65)
        func combinations(_ tags: [String]) -> [[String]] {
            (0..<48).map { i -> [String] in
                if i % 3 == 0 { return [] }
                var picked: [String] = []
                for _ in 0..<(1 + random.below(3)) {
                    let tag = random.pick(tags)
                    if !picked.contains(tag) { picked.append(tag) }
                }
                return picked
            }
        }
        consumer = combinations(DemoTags.consumerTags)
        business = combinations(DemoTags.businessTags)
        consumerVIP = consumer.map { ["vip"] + $0 }
        businessVIP = business.map { ["vip"] + $0 }
    }

    /// Tags for a customer; most loyal customers carry `vip`.
    func pick(segment: String?, loyal: Bool, _ random: inout GeneratorRandom) -> [String] {
        let isBusiness = segment != nil && segment != "B2C"
        let vip = loyal && random.chance(0.6)
        let pool = isBusiness ? (vip ? businessVIP : business) : (vip ? consumerVIP : consumer)
        return random.pick(pool)
    }
}
