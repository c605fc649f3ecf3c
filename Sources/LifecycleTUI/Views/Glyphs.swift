/// Bars, gauges and sparklines drawn in text: the funnel's bars, the journey's P(alive) gauge
/// and purchases per month, the model screen's histograms and charts.
enum Glyphs {
    static let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// A bar of `fraction` (0…1) of `width` cells in eighths of a cell (`███▌`); at least one
    /// eighth when `fraction` > 0 (`atLeastOne`), nothing at 0.
    static func bar(_ fraction: Double, width: Int, atLeastOne: Bool = true) -> String {
        guard fraction > 0, width > 0, fraction.isFinite else { return "" }
        var eighths = Int((min(1, fraction) * Double(width * 8)).rounded())
        if atLeastOne { eighths = max(1, eighths) }
        return String(repeating: "█", count: eighths / 8) + partials[eighths % 8]
    }

    /// `▁▂█▁`: each value's height against the largest; 0 is `▁`, any other at least `▂`.
    static func sparkline(_ values: [Int]) -> String {
        let top = values.max() ?? 0
        return String(values.map { v -> Character in
            guard v > 0, top > 0 else { return levels[0] }
            return levels[max(1, min(7, Int((Double(v) / Double(top) * 7).rounded())))]
        })
    }

    /// A gauge of `fraction` over a dim track of `width` cells, drawn at (x, y).
    static func drawGauge(_ fraction: Double, x: Int, y: Int, width: Int, into grid: inout CellGrid) {
        grid.put(String(repeating: "·", count: width), x: x, y: y, role: .barEmpty)
        grid.put(bar(fraction, width: width, atLeastOne: false), x: x, y: y, role: .bar)
    }
}
