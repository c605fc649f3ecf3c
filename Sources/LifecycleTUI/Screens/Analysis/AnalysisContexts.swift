/// The key contexts of the touchpoint analyses' screens and their drill-down lists.
extension KeyContext {
    public static let attribution = KeyContext("attribution")
    public static let flows = KeyContext("flows")
    public static let cohorts = KeyContext("cohorts")
    public static let drillDown = KeyContext("drillDown")
    /// The drill-down list's search line (`/`).
    public static let drillSearch = KeyContext("drillSearch")
}
