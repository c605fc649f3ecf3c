import LifecycleKit

/// Whole days in a stage as the views show them: counted against `as_of`, grouped; a stage
/// entered after `as_of` (a change made after the snapshot) shows `0*`.
enum DaysInStage {
    static func text(entered: Timestamp, asOf: Timestamp, _ formats: Formats = Formats(.en)) -> String {
        entered > asOf ? "0*" : formats.count(Int(entered.days(until: asOf).rounded(.down)))
    }
}
