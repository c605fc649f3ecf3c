extension GeneratorRun {
    /// The customer's touchpoints, in time order, matching the stage they were in at the
    /// time. Their number averages `touchpointsPerCustomer` over all customers and grows with
    /// the length of the journey. Stage changes that a contact explains get one at the same
    /// moment: the signup (→ acquisition), the first order (→ conversion), the second order
    /// (conversion → retention), the win-back order (re-engagement → retention or conversion).
    mutating func emitTouchpoints(customerID: String, into sink: SnapshotSink) throws {
        let spread = 0.4 + 1.2 * random.unit()
        var count = random.roundStochastically(
            touchpointsPerCustomer * journey.touchpointWeight / meanTouchpointWeight * spread)
        planned.removeAll(keepingCapacity: true)
        if purchaseProcess != nil {
            planDrawnPurchases()
            // The drawn purchases take the place of as many other contacts (so the count stays near its mean).
            count = max(count, planned.count + 1)
        }
        guard count > 0 else { return }
        let stages = journey.stages
        let times = journey.times
        // The first contact, at creation.
        planned.append(PlannedTouch(at: times[0], kind: pickKind(stage: stages[0])))
        for k in 1..<stages.count where planned.count < count {
            let from = stages[k - 1], to = stages[k]
            let anchor: Int32
            switch (from, to) {
            case (.awareness, .acquisition): anchor = Self.signupAnchor
            case (.awareness, .conversion), (.acquisition, .conversion), (.conversion, .retention):
                anchor = Self.orderAnchor
            case (.reengagement, .retention), (.reengagement, .conversion): anchor = Self.winbackOrderAnchor
            default: continue
            }
            if purchaseProcess != nil && anchor != Self.signupAnchor { continue }
            planned.append(PlannedTouch(at: times[k], kind: anchor))
        }
        let start = times[0]
        let span = Double(journey.activeEnd - start)
        while planned.count < count {
            let at = start + Int64(random.unit() * span)
            var k = stages.count - 1
            while times[k] > at { k -= 1 }
            planned.append(PlannedTouch(at: at, kind: pickKind(stage: stages[k])))
        }
        planned.sort { $0.at < $1.at }
        for touch in planned {
            try sink.add(makeTouchpoint(touch, customerID: customerID, stage: stageAt(touch.at)))
        }
    }

    /// The stage the customer was in at `at`.
    @inline(__always)
    func stageAt(_ at: Int64) -> DemoStage {
        var k = journey.times.count - 1
        while k > 0 && journey.times[k] > at { k -= 1 }
        return journey.stages[k]
    }

    /// A contact typical of `stage`; with drawn purchases, never a purchase (they come from the process only).
    @inline(__always)
    mutating func pickKind(stage: DemoStage) -> Int32 {
        while true {
            let index = touchpointChoices[stage.rawValue].pick(&random)
            if purchaseProcess == nil || !touchpointKinds[stage.rawValue][index].isPurchase {
                return Int32(stage.rawValue * 100 + index)
            }
        }
    }

    /// With `--purchases bgnbd`: a customer who converted (entered any stage from conversion
    /// on) buys first then, and repeats as the process draws, up to `as_of`.
    mutating func planDrawnPurchases() {
        guard let process = purchaseProcess,
              let k = journey.stages.firstIndex(where: { $0.rawValue >= DemoStage.conversion.rawValue }) else { return }
        process.purchases(first: journey.times[k], end: planner.asOf, &random, into: &drawnPurchases)
        for p in drawnPurchases { planned.append(PlannedTouch(at: p.at, kind: Self.drawnPurchaseAnchor, amount: p.amount)) }
    }

    mutating func makeTouchpoint(_ touch: PlannedTouch, customerID: String, stage: DemoStage) -> Touchpoint {
        touchpointNumber += 1
        let kind: TouchpointKind
        switch touch.kind {
        case Self.signupAnchor: kind = TouchpointMix.signup
        case Self.orderAnchor: kind = TouchpointMix.order
        case Self.winbackOrderAnchor: kind = TouchpointMix.winbackOrder
        case Self.drawnPurchaseAnchor: kind = TouchpointMix.order
        default: kind = touchpointKinds[Int(touch.kind) / 100][Int(touch.kind) % 100]
        }
        let campaign: String?
        switch kind.campaign {
        case .none: campaign = nil
        case .ad: campaign = random.below(3) == 0 ? random.pick(DemoCampaigns.alwaysOn) : campaigns.seasonal(at: touch.at)
        case .maybeSeasonal: campaign = random.chance(0.4) ? campaigns.seasonal(at: touch.at) : nil
        case .newsletter: campaign = campaigns.newsletter(at: touch.at)
        case .winback: campaign = campaigns.winback(at: touch.at)
        case .fixed(let name): campaign = name
        }
        var value: Double? = nil
        var note: String? = nil
        if kind.isPurchase {
            value = touch.kind == Self.drawnPurchaseAnchor ? touch.amount : purchaseValue(loyal: stage == .retention || stage == .loyalty)
            if random.chance(0.25) { note = orderNote() }
        } else if kind.noteChance > 0, random.chance(kind.noteChance) {
            note = random.pick(kind.notes)
        }
        return Touchpoint(id: GeneratorDigits.id("T-", touchpointNumber, width: 8), customerID: customerID,
                          at: Timestamp(secondsSince1970: touch.at), channel: kind.channel, type: kind.type,
                          campaign: campaign, value: value, note: note)
    }

    /// 9.90 … 499.00 with two decimals, most orders small; repeat buyers spend a bit more.
    mutating func purchaseValue(loyal: Bool) -> Double {
        let u = random.unit()
        let skewed = loyal ? u * u : u * u * u
        let euros = 9 + Int(skewed * 490)
        let cents = euros * 100 + Self.priceEndings[random.below(Self.priceEndings.count)]
        return Double(min(max(cents, 990), 49_900)) / 100
    }
    static let priceEndings = [90, 99, 0, 50, 95, 49]

    /// `Order 12345`.
    mutating func orderNote() -> String {
        orderNumber += 1
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: "Order ".utf8)
        GeneratorDigits.append(orderNumber, to: &scratch)
        return String(decoding: scratch, as: UTF8.self)
    }
}
