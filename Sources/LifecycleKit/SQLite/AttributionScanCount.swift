import Foundation

/// The counting after `SQLiteAttributionScan`'s scan: every converter in id order, its kept
/// touchpoints in (`at`, `id`) order, its window and revenue as `AttributionConversion` has
/// them and the credits of `AttributionModel`, tallied on numbered keys
/// (`AttributionKeyTallies`) in the order of `AttributionAnalysis.add`: the same figures to
/// the last bit. With more than one dimension asked, the first is counted on this thread and
/// the others on a second one (each dimension's sums are its own).
struct AttributionScanCount: Sendable {
    let kept: KeptTouchpoints
    let customers: SQLiteCustomerColumns
    let entries: [Int64]
    let lookbackDays: Int
    let shouldStop: @Sendable () -> Bool
    /// Where each customer's kept rows start in `grouped` (`first[c]..<first[c + 1]`).
    private let first: [Int32]
    /// The kept rows' positions grouped by customer (in scan order within one).
    private let grouped: [Int32]
    /// The number of the type `purchase`, -2 when no kept row has it.
    private let purchase: Int32

    init(kept: KeptTouchpoints, customers: SQLiteCustomerColumns, entries: [Int64], lookbackDays: Int,
         shouldStop: @escaping @Sendable () -> Bool) {
        self.kept = kept
        self.customers = customers
        self.entries = entries
        self.lookbackDays = lookbackDays
        self.shouldStop = shouldStop
        (first, grouped) = Self.group(kept.rows, customers: customers.count)
        purchase = Array("purchase".utf8).withUnsafeBufferPointer { kept.types.index(of: $0) } ?? -2
    }

    /// `template` (no figures yet) with the figures of every converter.
    func counted(_ template: AttributionAnalysis) throws -> AttributionAnalysis {
        let dimensions = template.dimensions
        var tallies: [AttributionKeyTallies]
        var conversions = 0
        if dimensions.count > 1 {
            let count = self
            let others = ThreadResult { try count.tallied(Array(dimensions.dropFirst())) }
            (conversions, tallies) = try tallied([dimensions[0]])
            tallies += try others.value().tallies
        } else {
            (conversions, tallies) = try tallied(dimensions)
        }
        var analysis = template
        analysis.take(conversions: conversions, tallies: tallies.map { $0.byKey() })
        return analysis
    }

    /// The conversions and the tallies of `dimensions`.
    private func tallied(_ dimensions: [AttributionDimension]) throws -> (conversions: Int, tallies: [AttributionKeyTallies]) {
        var tallies = dimensions.map { AttributionKeyTallies(keys: keys(of: $0)) }
        let numbers = dimensions.map { d in number(d, none: tallies[dimensions.firstIndex(of: d)!].none) }
        var conversions = 0
        for (n, c) in customers.order.enumerated() {
            let entry = entries[Int(c)]
            guard entry != SQLiteCustomerColumns.none else { continue }
            if n % 65_536 == 0, shouldStop() { throw CancellationError() }
            conversions += 1
            let (window, credits, revenue) = conversion(of: Int(c), entry: entry)
            for d in tallies.indices {
                guard !window.isEmpty else { tallies[d].addEmptyWindow(revenue: revenue); continue }
                for (i, row) in window.enumerated() {
                    tallies[d].add(numbers[d](kept.rows[Int(row)]), at: i, of: credits, revenue: revenue, converter: n)
                }
            }
        }
        return (conversions, tallies)
    }

    /// Customer `c`'s window (kept row positions in (`at`, `id`) order), the credits of each
    /// model (`AttributionModel.allCases` order) and its revenue from `entry` on.
    private func conversion(of c: Int, entry: Int64) -> (window: [Int32], credits: [[Double]], revenue: Double) {
        var rows = Array(grouped[Int(first[c])..<Int(first[c + 1])])
        if !zip(rows, rows.dropFirst()).allSatisfy({ precedes($0, $1) }) { rows.sort(by: precedes) }
        let entryTime = Timestamp(microseconds: entry)
        let start = AttributionConversion.windowStart(entryTime, lookbackDays: lookbackDays).microseconds
        var window: [Int32] = [], revenue = 0.0
        for row in rows {
            let k = kept.rows[Int(row)]
            if k.at >= start && k.at <= entry { window.append(row) }
            if k.type == purchase && k.at >= entry { revenue += k.value }
        }
        let ages = window.map { Timestamp(microseconds: kept.rows[Int($0)].at).days(until: entryTime) }
        return (window, AttributionModel.allCases.map { $0.credits(ages: ages) }, revenue)
    }

    /// (`at`, `id`) order of two kept rows.
    private func precedes(_ a: Int32, _ b: Int32) -> Bool {
        let x = kept.rows[Int(a)], y = kept.rows[Int(b)]
        return x.at != y.at ? x.at < y.at : kept.ids.compare(Int(x.id), Int(y.id)) < 0
    }

    /// The keys of `dimension`, numbered as the kept rows number them.
    private func keys(of dimension: AttributionDimension) -> [String] {
        let table = switch dimension {
        case .channel: kept.channels
        case .campaign: kept.campaigns
        case .type: kept.types
        }
        return (0..<table.count).map { table.string($0) }
    }

    /// A kept row's key number by `dimension` (a missing campaign: `none`).
    private func number(_ dimension: AttributionDimension, none: Int) -> (Kept) -> Int {
        switch dimension {
        case .channel: { Int($0.channel) }
        case .campaign: { $0.campaign < 0 ? none : Int($0.campaign) }
        case .type: { Int($0.type) }
        }
    }

    /// The kept rows' positions grouped by customer (in scan order within one), and where each
    /// customer's group starts (`first[c]..<first[c + 1]`).
    private static func group(_ rows: [Kept], customers: Int) -> (first: [Int32], grouped: [Int32]) {
        var first = [Int32](repeating: 0, count: customers + 1)
        for k in rows { first[Int(k.customer) + 1] += 1 }
        for c in 0..<customers { first[c + 1] += first[c] }
        var next = first
        var grouped = [Int32](repeating: 0, count: rows.count)
        for (i, k) in rows.enumerated() {
            grouped[Int(next[Int(k.customer)])] = Int32(i)
            next[Int(k.customer)] += 1
        }
        return (first, grouped)
    }
}
