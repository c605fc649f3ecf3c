import LifecycleKit

/// One value entry of the filter picker: the filter and what the picker and the list title say.
public struct ValueFilterChoice: Hashable, Sendable {
    public var filter: ValueFilter
    public var label: Message

    public init(filter: ValueFilter, label: Message) {
        self.filter = filter
        self.label = label
    }

    /// The picker's value entries for `table`: at risk (P(alive) below `atRiskBelow`, the
    /// config's `at_risk_below`), each RFM segment, and three CLV bands a marketer reads at a
    /// glance — the top 10 % and top 25 % of the buyers by CLV, and the bottom 50 % — with
    /// their bounds in money (none when no buyer has a CLV). Sorting the CLVs takes a moment
    /// on a big file: made off the input path.
    public static func all(_ table: CustomerValueTable, atRiskBelow: Double, currency: String) -> [ValueFilterChoice] {
        var choices = [ValueFilterChoice(filter: .atRisk(below: atRiskBelow), label: Message(.uiFilterAtRisk, .number(atRiskBelow, decimals: 2)))]
        choices += RFMSegment.allCases.map { ValueFilterChoice(filter: .rfmSegment($0), label: $0.message) }
        let columns = table.columns
        let clvs = columns.clv.indices.filter { columns.purchases[$0] > 0 && !columns.clv[$0].isNaN }.map { Double(columns.clv[$0]) }.sorted()
        guard !clvs.isEmpty else { return choices }
        func quantile(_ p: Double) -> Double { clvs[min(clvs.count - 1, Int(Double(clvs.count) * p))] }
        for top in [10, 25] {
            let bound = quantile(1 - Double(top) / 100)
            choices.append(ValueFilterChoice(filter: .clv(min: bound, max: nil),
                                             label: Message(.uiFilterCLVTop, .count(top), .money(bound, currency: currency))))
        }
        let median = quantile(0.5)
        choices.append(ValueFilterChoice(filter: .clv(min: nil, max: median),
                                         label: Message(.uiFilterCLVBottom, .count(50), .money(median, currency: currency))))
        return choices
    }
}

/// The filter picker's value entries: still being computed, not available (the computation
/// failed), or ready.
public enum ValueChoices: Hashable, Sendable {
    case computing, unavailable
    case ready([ValueFilterChoice])
}
