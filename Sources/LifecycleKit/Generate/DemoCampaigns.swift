/// Campaign names by date, precomputed for every day of the generated period so that
/// choosing a campaign costs one array lookup.
struct DemoCampaigns {
    /// Always-on ad campaigns, used besides the seasonal one.
    static let alwaysOn = ["brand-awareness", "retargeting", "search-generic"]

    private let firstDay: Int64
    private let monthOfDay: [UInt16]
    /// Per month of the period: `newsletter-2026-03`.
    private let newsletters: [String]
    /// Per month of the period: `spring-sale`, `black-friday`, …
    private let seasonal: [String]
    /// Per month of the period: `winback-q1` … `winback-q4`.
    private let winbacks: [String]

    /// Covers the days from `start` through `end` (seconds since 1970).
    init(start: Int64, end: Int64) {
        firstDay = floorDiv(start, 86_400)
        let lastDay = floorDiv(end, 86_400)
        var monthOfDay: [UInt16] = []
        var newsletters: [String] = []
        var seasonal: [String] = []
        var winbacks: [String] = []
        var previous: (Int64, Int64) = (0, 0)
        for day in firstDay...lastDay {
            let (y, m, _) = Timestamp.civil(fromDays: day)
            if (y, m) != previous {
                previous = (y, m)
                newsletters.append("newsletter-\(y)-" + (m < 10 ? "0\(m)" : "\(m)"))
                seasonal.append(DemoCampaigns.seasonalName(month: m))
                winbacks.append("winback-q\((m - 1) / 3 + 1)")
            }
            monthOfDay.append(UInt16(newsletters.count - 1))
        }
        self.monthOfDay = monthOfDay
        self.newsletters = newsletters
        self.seasonal = seasonal
        self.winbacks = winbacks
    }

    static func seasonalName(month: Int64) -> String {
        switch month {
        case 1, 2: return "new-year-sale"
        case 3, 4, 5: return "spring-sale"
        case 6, 7, 8: return "summer-sale"
        case 9: return "back-to-school"
        case 10: return "autumn-looks"
        case 11: return "black-friday"
        default: return "xmas-gifts"
        }
    }

    @inline(__always)
    private func month(_ seconds: Int64) -> Int {
        let day = Int(floorDiv(seconds, 86_400) - firstDay)
        return Int(monthOfDay[min(max(day, 0), monthOfDay.count - 1)])
    }

    func newsletter(at seconds: Int64) -> String { newsletters[month(seconds)] }
    func seasonal(at seconds: Int64) -> String { seasonal[month(seconds)] }
    func winback(at seconds: Int64) -> String { winbacks[month(seconds)] }
}

/// Integer division rounding towards minus infinity.
private func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}
