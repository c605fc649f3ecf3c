// Placeholder to be replaced by the synthetic data generator.
public struct SnapshotGenerator {
    public var customers: Int
    public var touchpointsPerCustomer: Int
    public var seed: UInt64
    public init(customers: Int, touchpointsPerCustomer: Int = 10, seed: UInt64 = 1) {
        self.customers = customers
        self.touchpointsPerCustomer = touchpointsPerCustomer
        self.seed = seed
    }
    /// Writes the whole data set into `sink`, `begin` to `finish`.
    public func generate(into sink: SnapshotSink) throws { throw OperationError("generate is not implemented yet") }
}
