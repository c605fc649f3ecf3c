import Foundation // log

/// One customer's simulated path through the stages. Times are seconds since 1970.
struct DemoJourney {
    /// Stages entered, in time order; the first is where the customer started.
    var stages: [DemoStage] = []
    /// When each stage in `stages` was entered (strictly increasing).
    var times: [Int64] = []
    /// The end of the customer's activity: touchpoints fall between `times[0]` and this.
    var activeEnd: Int64 = 0

    /// How many touchpoints this journey deserves relative to others: longer and more
    /// eventful journeys have more contacts.
    var touchpointWeight: Double {
        let activeDays = Double(activeEnd - times[0]) / 86_400
        return 1 + 0.7 * Double(stages.count - 1) + activeDays / 150
    }
}

/// Simulates journeys over the two years before `asOf`: a random walk over the stage moves
/// of `DemoStage`, with a random time spent in each stage, stopping at `asOf`.
struct JourneyPlanner {
    /// Seconds since 1970.
    let asOf: Int64
    /// The earliest creation time (two years before `asOf`).
    let windowStart: Int64
    static let maxTransitions = 12

    init(asOf: Int64) {
        self.asOf = asOf
        self.windowStart = asOf - 730 * 86_400
    }

    /// A creation time, more of them recent (the customer base grows).
    func createdAt(_ random: inout GeneratorRandom) -> Int64 {
        let span = Double(asOf - windowStart - 3_600)
        return windowStart + Int64(span * random.unit().squareRoot())
    }

    /// An exponentially distributed duration with the given mean, in seconds.
    @inline(__always)
    func duration(meanDays: Double, _ random: inout GeneratorRandom) -> Int64 {
        Int64(-log(1 - random.unit()) * meanDays * 86_400)
    }

    /// Fills `journey` for a customer created at `createdAt`.
    func plan(createdAt: Int64, into journey: inout DemoJourney, _ random: inout GeneratorRandom) {
        journey.stages.removeAll(keepingCapacity: true)
        journey.times.removeAll(keepingCapacity: true)
        let start = random.below(100)
        var stage: DemoStage = start < 92 ? .awareness : start < 98 ? .acquisition : .conversion
        var t = createdAt
        journey.stages.append(stage)
        journey.times.append(t)
        while journey.stages.count < JourneyPlanner.maxTransitions {
            let moves = DemoStage.moveTable[stage.rawValue]
            guard let next = moves.targets[moves.choice.pick(&random)] else { break }
            // Lapsing means some 90 days without an order.
            let minimum = stage.minimumDwellDays + (next == .reengagement ? 60 : 0)
            let entered = t + Int64(minimum * 86_400) + duration(meanDays: stage.meanDwellDays, &random)
            if entered > asOf { break }
            stage = next
            t = entered
            journey.stages.append(stage)
            journey.times.append(t)
        }
        // Lapsed customers keep receiving win-back mail; others fade out after a while.
        let tailMean = stage == .reengagement ? 3 * stage.meanDwellDays : 1.2 * stage.meanDwellDays
        journey.activeEnd = min(asOf, t + duration(meanDays: tailMean, &random))
    }
}
