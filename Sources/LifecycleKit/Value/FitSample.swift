/// A deterministic sample of a fit's weighted terms for its first, coarse minimisation (the
/// Newton polish then runs on every term): nil when there are at most `limit` terms, else the
/// heavy terms (weight ≥ the stride) whole and every stride-th other term, those weights scaled
/// so the light terms keep their total.
public enum FitSample {
    /// The most terms fitted without a sample (the CDNOW sample's 2,357 buyers are fitted
    /// whole). The Newton steps on every term take the sample's optimum to the full one.
    public static let limit = 2_500

    static func of(_ weights: [Double], limit: Int = limit) -> [(index: Int, weight: Double)]? {
        guard weights.count > limit else { return nil }
        let stride = weights.count / limit + 1
        var heavy: [(index: Int, weight: Double)] = [], light: [(index: Int, weight: Double)] = []
        var lightTotal = 0.0, lightPicked = 0.0, seen = 0
        for (i, w) in weights.enumerated() {
            if w >= Double(stride) { heavy.append((i, w)); continue }
            lightTotal += w
            if seen % stride == 0 { light.append((i, w)); lightPicked += w }
            seen += 1
        }
        let scale = lightPicked > 0 ? lightTotal / lightPicked : 1
        return (heavy + light.map { ($0.index, $0.weight * scale) }).sorted { $0.index < $1.index }
    }
}
