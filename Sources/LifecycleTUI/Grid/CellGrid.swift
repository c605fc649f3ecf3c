import LifecycleKit

/// One terminal cell: a grapheme cluster and the role that colours it. A wide character
/// occupies its cell and the next one, which holds an empty `text` (a continuation).
public struct Cell: Hashable, Sendable {
    public var text: String
    public var role: Role

    public init(_ text: String = " ", role: Role = .normal) {
        self.text = text
        self.role = role
    }

    public var isContinuation: Bool { text.isEmpty }
}

/// An in-memory screen: what the views draw into and the backends flush. Every write is
/// clipped to the grid, made visible with `SafeText`, and measured in terminal columns.
public struct CellGrid: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(), count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes `text` at (x, y), at most `maxWidth` columns (default: to the right edge), and
    /// returns the number of columns written. Text that does not fit is cut with `…`.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: Role = .normal, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(maxWidth ?? (width - x), width - x)
        guard limit > 0 else { return 0 }
        return putFitted(SafeText.truncated(text, width: limit), x: x, y: y, role: role, limit: limit)
    }

    /// Writes text already made visible and cut to `limit` columns.
    private mutating func putFitted(_ fitted: String, x: Int, y: Int, role: Role, limit: Int) -> Int {
        var col = x
        for c in fitted {
            let w = DisplayWidth.of(c)
            if w == 0 {
                // A lone zero-width grapheme joins the previous cell rather than taking one.
                if col > x { self[col - 1, y].text.append(c) }
                continue
            }
            guard col + w <= x + limit else { break }
            if col >= 0 { setCell(col, y, Cell(String(c), role: role)) }
            if w == 2, col + 1 >= 0 { setCell(col + 1, y, Cell("", role: role)) }
            col += w
        }
        return col - x
    }

    /// Writes `text` padded or cut to exactly `width` columns.
    public mutating func put(_ text: String, x: Int, y: Int, width w: Int, role: Role = .normal, alignRight: Bool = false) {
        guard w > 0 else { return }
        guard y >= 0, y < height, x < width else { return }
        fill(x: x, y: y, width: w, height: 1, role: role)
        let limit = min(w, width - x)
        guard limit > 0 else { return }
        let fitted = SafeText.truncated(text, width: limit)
        let used = DisplayWidth.of(fitted)
        _ = putFitted(fitted, x: alignRight ? x + limit - used : x, y: y, role: role, limit: limit)
    }

    /// Fills a rectangle with blanks of `role`.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, role: Role, text: String = " ") {
        for row in max(0, y)..<min(height, y + h) {
            for col in max(0, x)..<min(width, x + w) { setCell(col, row, Cell(text, role: role)) }
        }
    }

    /// Sets a cell, repairing a wide character it splits (its other half becomes a blank).
    private mutating func setCell(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, x < width else { return }
        let old = self[x, y]
        if old.isContinuation, x > 0 { self[x - 1, y].text = " " }
        if !old.isContinuation, DisplayWidth.of(old.text) == 2, x + 1 < width {
            self[x + 1, y].text = " "
        }
        self[x, y] = cell
    }

    /// The text of each row, trailing blanks removed: what the rendering tests compare.
    public var lines: [String] {
        (0..<height).map { y in
            var s = ""
            for x in 0..<width where !self[x, y].isContinuation { s += self[x, y].text }
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
    }

    /// The whole screen as text, one line per row.
    public var text: String { lines.joined(separator: "\n") }

    /// The roles of row `y`, one per column, for tests that check what is highlighted.
    public func roles(row y: Int) -> [Role] { (0..<width).map { self[$0, y].role } }
}
