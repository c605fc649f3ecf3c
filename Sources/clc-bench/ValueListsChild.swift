import ArgumentParser
import Foundation
import LifecycleKit

/// `clc-bench child value-lists FILE`: the lists by value figures in the biggest stage, as
/// the dashboard shows them once values are in lists: the value table attached (its orders
/// made for the list index, timed apart), then each value field's first page, highest first,
/// and a value filter's count and first page; each twice (the second: as cached).
struct ValueListsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "value-lists")
    @Argument var file: String
    @Flag(help: "The value filter before the value orders' pages (each round).") var filterFirst = false

    func run() throws {
        let store = try SnapshotFile.open(file)
        _ = try ListIndex.prepare(store)
        let values = try store.valueTable()
        let counts = try store.stageCounts()
        let stage = store.stages[counts.indices.max { counts[$0] < counts[$1] } ?? 0].id
        let (_, attach) = try Monotonic.time { try store.attachValues(values) }
        var report = ValueListsReport(attachSeconds: attach)
        for _ in 0..<2 {
            if filterFirst { try atRisk(store, stage, &report) }
            for field in CustomerSort.Field.valueFields {
                let sort = CustomerSort(field, descending: true)
                let (_, seconds) = try Monotonic.time { try store.customers(inStage: stage, filter: .none, sort: sort, offset: 0, limit: 40) }
                report.pages["\(field)", default: []].append(seconds)
            }
            if !filterFirst { try atRisk(store, stage, &report) }
        }
        try report.print()
    }

    /// The at-risk filter's count and first page by CLV, highest first.
    private func atRisk(_ store: any SnapshotStore, _ stage: String, _ report: inout ValueListsReport) throws {
        let atRisk = CustomerFilter(value: .atRisk(below: 0.5))
        let (_, seconds) = try Monotonic.time {
            (try store.customerCount(inStage: stage, filter: atRisk),
             try store.customers(inStage: stage, filter: atRisk, sort: CustomerSort(.clv, descending: true), offset: 0, limit: 40))
        }
        report.pages["at risk by clv", default: []].append(seconds)
    }
}

/// The `value-lists` child: seconds to attach the values, and per list its two reads.
struct ValueListsReport: ChildReport {
    var attachSeconds: Double
    var pages: [String: [Double]] = [:]
}
