/// The purchase days of each customer after a calibration end (up to `as_of`), in id order:
/// what the holdout check compares the forecast with.
public struct HoldoutAnalysis: Analysis {
    public let calibrationEnd: Timestamp
    public let end: Timestamp
    /// Per customer, the UTC days (since 1970) of their purchases in (calibrationEnd, end].
    public private(set) var days: [[Int32]] = []
    public var needs: JourneyNeeds { .purchases }

    public init(calibrationEnd: Timestamp, end: Timestamp) {
        self.calibrationEnd = calibrationEnd
        self.end = end
    }

    public mutating func add(_ c: CustomerRecord) {
        var set: [Int32] = []
        for t in c.touchpoints where t.type == "purchase" && t.at > calibrationEnd && t.at <= end {
            let day = Int32(t.at.utcDay)
            if set.last != day { set.append(day) }
        }
        days.append(set)
    }

    public func finish() -> HoldoutAnalysis { self }
}
