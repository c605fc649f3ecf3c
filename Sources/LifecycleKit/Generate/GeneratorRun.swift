/// One generation pass: the random stream, the precomputed tables and scratch buffers.
/// Records are produced customer by customer; the order of random draws is fixed, so the
/// output depends only on the generator's parameters.
struct GeneratorRun {
    let customerCount: Int
    let touchpointsPerCustomer: Double
    let info: SnapshotInfo
    var random: GeneratorRandom
    let planner: JourneyPlanner
    let campaigns: DemoCampaigns
    /// The mean `touchpointWeight` of a journey, so that counts average `touchpointsPerCustomer`.
    let meanTouchpointWeight: Double
    let touchpointKinds: [[TouchpointKind]]
    let touchpointChoices: [WeightedChoice]
    let tagPools: DemoTags
    /// Indexed by `(from?.rawValue ?? 6) * 6 + to.rawValue`.
    let transitionBy: [[String]]
    let transitionNotes: [[String]]
    /// Set for `--purchases bgnbd`: every purchase comes from it (see `BGNBDPurchaseProcess`).
    let purchaseProcess: BGNBDPurchaseProcess?
    var drawnPurchases: [(at: Int64, amount: Double)] = []

    var journey = DemoJourney()
    var planned: [PlannedTouch] = []
    var scratch: [UInt8] = []
    var touchpointNumber = 0
    var orderNumber = 10_000
    var hostileCount = 0

    /// A touchpoint before it becomes a record: when, and which kind (`stage * 100 + index`
    /// into `touchpointKinds`, or one of the anchor codes).
    struct PlannedTouch {
        var at: Int64
        var kind: Int32
        /// The amount of a `drawnPurchaseAnchor`.
        var amount = 0.0
    }
    static let signupAnchor: Int32 = -1
    static let orderAnchor: Int32 = -2
    static let winbackOrderAnchor: Int32 = -3
    static let drawnPurchaseAnchor: Int32 = -4

    static let companyMailboxes = ["info", "sales", "office", "einkauf", "contact"]
    static let segments: [String?] = ["B2C", "SMB", "B2B", "Enterprise", nil]
    static let segmentChoice = WeightedChoice([72, 14, 9, 3, 2])

    init(_ generator: SnapshotGenerator) {
        customerCount = generator.customers
        touchpointsPerCustomer = Double(generator.touchpointsPerCustomer)
        info = generator.info
        if case .bgnbd(let process) = generator.purchases { purchaseProcess = process } else { purchaseProcess = nil }
        random = GeneratorRandom(seed: generator.seed)
        let asOf = Self.floorSeconds(generator.asOf)
        planner = JourneyPlanner(asOf: asOf)
        campaigns = DemoCampaigns(start: planner.windowStart, end: asOf)
        touchpointKinds = TouchpointMix.byStage.map { $0.map(\.kind) }
        touchpointChoices = TouchpointMix.byStage.map { WeightedChoice($0.map(\.weight)) }
        tagPools = DemoTags()
        var by: [[String]] = []
        var notes: [[String]] = []
        for from in [DemoStage?](DemoStage.allCases) + [nil] {
            for to in DemoStage.allCases {
                by.append(TransitionMix.byChoices(from: from, to: to))
                notes.append(TransitionMix.noteChoices(from: from, to: to))
            }
        }
        transitionBy = by
        transitionNotes = notes
        meanTouchpointWeight = Self.calibrate(planner)
    }

    /// Seconds since 1970, rounded down.
    static func floorSeconds(_ t: Timestamp) -> Int64 {
        let s = t.microseconds / 1_000_000
        return t.microseconds < 0 && t.microseconds % 1_000_000 != 0 ? s - 1 : s
    }

    /// The mean touchpoint weight of journeys, estimated from a fixed sample.
    static func calibrate(_ planner: JourneyPlanner) -> Double {
        var random = GeneratorRandom(seed: 0x5EED_CA11_B8A7_E000)
        var journey = DemoJourney()
        let samples = 20_000
        var sum = 0.0
        for _ in 0..<samples {
            planner.plan(createdAt: planner.createdAt(&random), into: &journey, &random)
            sum += journey.touchpointWeight
        }
        return sum / Double(samples)
    }

    mutating func run(into sink: SnapshotSink) throws {
        try sink.begin(info: info, stages: DemoStage.stages)
        for index in 0..<customerCount {
            try emitCustomer(number: index + 1, into: sink)
        }
        try sink.finish()
    }

    /// One customer with its transitions and touchpoints.
    mutating func emitCustomer(number: Int, into sink: SnapshotSink) throws {
        let id = GeneratorDigits.id("C-", number, width: 7)
        let createdAt = planner.createdAt(&random)
        planner.plan(createdAt: createdAt, into: &journey, &random)
        let stage = journey.stages[journey.stages.count - 1]
        let entered = journey.times[journey.times.count - 1]
        // About 1% come from an old import without any stage history; half of those
        // do not even know when they entered their stage.
        let withoutHistory = random.chance(0.01)
        let stageEnteredAt: Timestamp? = withoutHistory && random.chance(0.5) ? nil : Timestamp(secondsSince1970: entered)

        let segment = Self.segments[Self.segmentChoice.pick(&random)]
        let culture = DemoNames.cultures[DemoNames.cultureChoice.pick(&random)]
        let (name, email) = makeName(number: number, culture: culture, segment: segment)
        let customer = Customer(
            id: id, name: name, email: email, stage: stage.id, stageEnteredAt: stageEnteredAt,
            createdAt: Timestamp(secondsSince1970: createdAt), segment: segment,
            tags: tagPools.pick(segment: segment, loyal: stage == .loyalty, &random),
            attributes: makeAttributes(culture: culture, segment: segment))
        try sink.add(customer)

        if !withoutHistory {
            var from: DemoStage? = nil
            for (k, to) in journey.stages.enumerated() {
                let table = ((from?.rawValue ?? 6) * 6) + to.rawValue
                let by = random.pick(transitionBy[table])
                let note = random.chance(0.15) ? random.pick(transitionNotes[table]) : nil
                try sink.add(Transition(customerID: id, from: from?.id, to: to.id,
                                        at: Timestamp(secondsSince1970: journey.times[k]), by: by, note: note))
                from = to
            }
        }
        try emitTouchpoints(customerID: id, into: sink)
    }

    /// The display name and e-mail address: a person, a company (for business segments),
    /// now and then with an emoji, and about 0.5% hostile names. Addresses are ASCII and
    /// unique: they carry the customer number.
    mutating func makeName(number: Int, culture: NameCulture, segment: String?) -> (String, String?) {
        scratch.removeAll(keepingCapacity: true)
        if random.chance(0.005) {
            // In turn, so that even a small data set has several kinds.
            let hostile = HostileNames.all[hostileCount % HostileNames.all.count]
            hostileCount += 1
            scratch.append(contentsOf: hostile.emailLocal.utf8)
            scratch.append(43) // +
            GeneratorDigits.append(number, to: &scratch)
            scratch.append(contentsOf: "@example.com".utf8)
            return (hostile.name, String(decoding: scratch, as: UTF8.self))
        }
        let first = random.pick(culture.firstNames)
        let last = random.pick(culture.lastNames)
        let companyShare = segment == "B2B" || segment == "Enterprise" ? 0.5 : segment == "SMB" ? 0.3 : 0
        let hasEmail = !random.chance(0.05)
        if random.chance(companyShare) {
            let form = random.pick(culture.companyForms)
            let name = form.prefix + last.text + form.suffix
            guard hasEmail else { return (name, nil) }
            scratch.append(contentsOf: random.pick(Self.companyMailboxes).utf8)
            scratch.append(43) // +
            GeneratorDigits.append(number, to: &scratch)
            scratch.append(64) // @
            scratch.append(contentsOf: last.ascii)
            scratch.append(contentsOf: ".example".utf8)
            return (name, String(decoding: scratch, as: UTF8.self))
        }
        let (a, b) = culture.familyFirst ? (last.text, first.text) : (first.text, last.text)
        var name = a
        name.reserveCapacity(a.utf8.count + culture.separator.utf8.count + b.utf8.count + 12)
        name += culture.separator
        name += b
        if random.chance(0.01) {
            name += " "
            name += random.pick(DemoNames.emoji)
        }
        guard hasEmail else { return (name, nil) }
        switch random.below(10) {
        case 0..<6:
            scratch.append(contentsOf: first.ascii)
            scratch.append(46) // .
            scratch.append(contentsOf: last.ascii)
        case 6..<8:
            scratch.append(first.ascii[0])
            scratch.append(contentsOf: last.ascii)
        default:
            scratch.append(contentsOf: first.ascii)
            scratch.append(95) // _
            scratch.append(contentsOf: last.ascii)
        }
        GeneratorDigits.append(number, to: &scratch)
        scratch.append(64) // @
        scratch.append(contentsOf: random.pick(culture.emailDomains).utf8)
        return (name, String(decoding: scratch, as: UTF8.self))
    }

    /// `city`, `language`, `newsletter`, and `employees` for business segments.
    mutating func makeAttributes(culture: NameCulture, segment: String?) -> [Attribute] {
        var attributes: [Attribute] = []
        attributes.reserveCapacity(4)
        if !random.chance(0.03) { attributes.append(Attribute("city", .string(random.pick(culture.cities)))) }
        attributes.append(Attribute("language", .string(culture.language)))
        attributes.append(Attribute("newsletter", .bool(random.chance(0.45))))
        let employees: Int?
        switch segment {
        case "SMB": employees = random.int(in: 1...49)
        case "B2B": employees = random.int(in: 10...999)
        case "Enterprise": employees = 1_000 + random.below(120_000)
        default: employees = nil
        }
        if let employees { attributes.append(Attribute("employees", .number(ExactNumber(employees)))) }
        return attributes
    }
}
