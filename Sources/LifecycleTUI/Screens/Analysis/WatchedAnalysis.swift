import LifecycleKit

/// An analysis run from an effect: it reports the customers seen to the effect's token (the
/// status bar's progress) and stops working once `Esc` cancelled it (the pass itself stops at
/// its next check, `EffectEnvironment.run`).
struct WatchedAnalysis<A: Analysis>: Analysis {
    var inner: A
    let token: CancellationToken
    private var seen = 0
    private var stopped = false

    init(_ inner: A, token: CancellationToken) {
        self.inner = inner
        self.token = token
    }

    var needs: JourneyNeeds { inner.needs }

    mutating func add(_ customer: CustomerRecord) {
        seen += 1
        if seen % 1024 == 0 {
            token.report(seen)
            stopped = token.isCancelled
        }
        if !stopped { inner.add(customer) }
    }

    func finish() -> A.Result { inner.finish() }
}

extension EffectEnvironment {
    /// Runs `analysis` in a pass of its own, with progress, throwing once cancelled.
    func run<A: Analysis>(_ analysis: A) throws -> A.Result {
        let token = self.token
        let result = try store.run(WatchedAnalysis(analysis, token: token), shouldStop: { token.isCancelled })
        try checkCancelled()
        return result
    }
}
