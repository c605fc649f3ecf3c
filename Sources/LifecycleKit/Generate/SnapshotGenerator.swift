/// Generates a realistic, fully deterministic synthetic snapshot (for demos, tests and
/// benchmarks): an online shop's customers moving through Awareness → Acquisition →
/// Conversion → Retention → Re-engagement → Loyalty over the two years before `asOf`,
/// with touchpoints matching the stage they were in at the time.
///
/// The same parameters and seed always produce identical records; nothing depends on the
/// wall clock or on system randomness.
public struct SnapshotGenerator {
    /// Number of customers, ids `C-0000001` upwards.
    public var customers: Int
    /// Average number of touchpoints per customer (varies per customer), ids `T-00000001` upwards.
    public var touchpointsPerCustomer: Int
    public var seed: UInt64
    /// The moment the snapshot describes; every generated time is at or before it.
    public var asOf = SnapshotGenerator.defaultAsOf
    /// The snapshot's `name`.
    public var name = "Demo shop"
    /// The snapshot's `currency`.
    public var currency = "EUR"
    /// How purchases are made: tied to the journey (default), or by a BG/NBD process.
    public var purchases = GeneratedPurchases.journey

    /// 2026-11-01T00:00:00Z.
    public static let defaultAsOf = Timestamp(secondsSince1970: 1_793_491_200)

    public init(customers: Int, touchpointsPerCustomer: Int = 10, seed: UInt64 = 1) {
        self.customers = customers
        self.touchpointsPerCustomer = touchpointsPerCustomer
        self.seed = seed
    }

    /// The info written by `generate`.
    public var info: SnapshotInfo {
        SnapshotInfo(name: name, currency: currency, declaredAsOf: asOf, asOf: asOf)
    }

    /// The stage model written by `generate`, in funnel order.
    public static var stages: [Stage] { DemoStage.stages }

    /// Writes the whole data set into `sink`, `begin` to `finish`: each customer followed by
    /// its transitions and touchpoints.
    public func generate(into sink: SnapshotSink) throws {
        guard customers >= 0 else { throw OperationError("the number of customers must not be negative (got \(customers))") }
        guard touchpointsPerCustomer >= 0 else {
            throw OperationError("the number of touchpoints per customer must not be negative (got \(touchpointsPerCustomer))")
        }
        var run = GeneratorRun(self)
        try run.run(into: sink)
    }
}
