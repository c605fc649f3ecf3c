import LifecycleKit

/// Analyses run from an effect: the customers seen go to the effect's token (the status bar's
/// progress), and `Esc` (the token cancelled) stops the pass at its next check.
extension EffectEnvironment {
    /// Runs `analysis` in a pass of its own, with progress, throwing once cancelled.
    func run<A: Analysis>(_ analysis: A) throws -> A.Result {
        let token = self.token
        let watched = ReportingAnalysis(analysis, progress: { token.report($0) }, shouldStop: { token.isCancelled })
        let result = try store.run(watched, shouldStop: { token.isCancelled })
        try checkCancelled()
        return result
    }

    /// The result of `analysis` as the store answers it fastest (`SnapshotReading.answer`: on
    /// SQLite kept for an unchanged file, or a scan of its own), with progress, throwing once
    /// cancelled.
    func answer<A: AnsweredAnalysis>(_ analysis: A) throws -> A.Result {
        let token = self.token
        let result = try store.answer(analysis, progress: { token.report($0) }, shouldStop: { token.isCancelled })
        try checkCancelled()
        return result
    }
}
