import LifecycleKit

/// `prepareListIndex()` as the dashboard calls it: again while interrupted.
enum ListIndex {
    static func prepare(_ store: any SnapshotStore) throws -> IndexReport {
        let start = Monotonic.now()
        for _ in 0..<100 {
            let result = try store.prepareListIndex()
            if result != .interrupted {
                return IndexReport(preparation: "\(result)", seconds: Monotonic.now() - start)
            }
        }
        throw BenchError("prepareListIndex() was interrupted 100 times")
    }
}
