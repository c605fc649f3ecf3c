/// Plain, locale-independent number formatting for reports and screens.
public enum NumberText {
    /// `1204` → `1,204`.
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }

    /// A fixed number of decimals, grouped: `1234.5` → `1,234.50`.
    public static func fixed(_ x: Double, decimals: Int) -> String {
        guard x.isFinite else { return "—" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        // Beyond Int's range (a degenerate model's parameter): Swift's own shortest form.
        guard abs(x) * scale < 9e18 else { return "\(x)" }
        let scaled = (abs(x) * scale).rounded()
        let whole = Int(scaled / scale)
        let frac = Int(scaled - Double(whole) * scale)
        var text = grouped(whole)
        if decimals > 0 {
            let f = String(frac)
            text += "." + String(repeating: "0", count: decimals - f.count) + f
        }
        return x < 0 && scaled != 0 ? "-" + text : text
    }

    /// `0.3712` → `37.1%`.
    public static func percent(_ ratio: Double) -> String { fixed(ratio * 100, decimals: 1) + "%" }

    /// `x` rounded to 6 decimals, for machine-readable output without float noise.
    public static func rounded6(_ x: Double) -> Double { (x * 1_000_000).rounded() / 1_000_000 }
}
