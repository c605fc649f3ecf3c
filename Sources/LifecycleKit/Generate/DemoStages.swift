/// The demo stage model and how customers move between its stages.
enum DemoStage: Int, CaseIterable {
    case awareness, acquisition, conversion, retention, reengagement, loyalty

    /// The stages as written into the snapshot, in funnel order.
    static let stages: [Stage] = [
        Stage(id: "awareness", name: "Awareness", description: "Has seen the brand: ad, search, social or visit"),
        Stage(id: "acquisition", name: "Acquisition", description: "Signed up or subscribed, no order yet"),
        Stage(id: "conversion", name: "Conversion", description: "Placed a first order"),
        Stage(id: "retention", name: "Retention", description: "Buys again, active customer"),
        Stage(id: "reengagement", name: "Re-engagement", description: "Lapsed, targeted by win-back campaigns"),
        Stage(id: "loyalty", name: "Loyalty", description: "Repeat buyer who reviews and refers"),
    ]

    /// The stage id (shared string, no allocation per use).
    var id: String { DemoStage.ids[rawValue] }
    private static let ids = stages.map(\.id)

    /// Mean time spent in the stage before the next move, in days.
    var meanDwellDays: Double {
        switch self {
        case .awareness: return 18
        case .acquisition: return 30
        case .conversion: return 40
        case .retention: return 110
        case .reengagement: return 70
        case .loyalty: return 150
        }
    }

    /// The least time spent in the stage before the next move, in days (a first order
    /// takes a while to be followed by a second; a lapse needs months without orders).
    var minimumDwellDays: Double {
        switch self {
        case .awareness: return 0.05
        case .acquisition: return 0.5
        case .conversion: return 5
        case .retention: return 30
        case .reengagement: return 14
        case .loyalty: return 60
        }
    }

    /// Where a customer goes next, with weights; `nil` means the journey stops here.
    /// Includes skips (awareness → conversion), backward moves (conversion → acquisition,
    /// loyalty → retention), lapsing (retention → re-engagement) and returning.
    var moves: [(to: DemoStage?, weight: Int)] {
        switch self {
        case .awareness:
            return [(nil, 46), (.acquisition, 45), (.conversion, 9)]
        case .acquisition:
            return [(nil, 42), (.conversion, 52), (.awareness, 6)]
        case .conversion:
            return [(nil, 32), (.retention, 52), (.acquisition, 7), (.reengagement, 6), (.loyalty, 3)]
        case .retention:
            return [(nil, 34), (.reengagement, 34), (.loyalty, 26), (.conversion, 6)]
        case .reengagement:
            return [(nil, 42), (.retention, 36), (.conversion, 16), (.awareness, 6)]
        case .loyalty:
            return [(nil, 50), (.retention, 30), (.reengagement, 20)]
        }
    }

    /// `moves` prepared for fast picking, indexed by raw value.
    static let moveTable: [(targets: [DemoStage?], choice: WeightedChoice)] = allCases.map { stage in
        (stage.moves.map(\.to), WeightedChoice(stage.moves.map(\.weight)))
    }
}
