import LifecycleKit

/// A table of the customers in one stage, with the page of rows around the cursor loaded.
public struct StageListState: Sendable {
    public var stageIndex: Int
    public var filter = CustomerFilter.none
    public var sort = CustomerSort(.name)
    /// Customers in the stage passing the filter.
    public var total = 0
    /// The selected row, 0-based position in sort order.
    public var cursor = 0
    /// The first row shown.
    public var top = 0
    /// Loaded rows, starting at position `rowsOffset`.
    public var rows: [CustomerSummary] = []
    public var rowsOffset = 0
    /// The search being typed (nil when not typing).
    public var searchInput: String?
    /// Cursor before the search started, to restore on Esc.
    public var searchOrigin = 0
    /// The last confirmed search, for n/N.
    public var lastSearch: String?
    /// Marked customers: id → the stage they were seen in (changed by the marks methods below).
    public private(set) var marked: [String: String] = [:]
    /// How many of `marked` were seen in each stage (what the title counts, without a pass).
    public private(set) var markedPerStage: [String: Int] = [:]
    /// Counts the changes of `marked` (a `*` result made from this version replaces it whole).
    public private(set) var marksVersion = 0

    public init(stageIndex: Int) { self.stageIndex = stageIndex }

    /// The loaded row at position `index`, if loaded.
    public func row(at index: Int) -> CustomerSummary? {
        let i = index - rowsOffset
        return i >= 0 && i < rows.count ? rows[i] : nil
    }

    /// The columns `s` cycles through, in order (then CLV, P(alive) and RFM segment once the values are there).
    public static let sortCycle: [CustomerSort.Field] = [.name, .email, .segment, .stageEnteredAt, .touchpointCount, .lastTouchAt, .revenue]
}

/// Marks: every change goes through these, which keep `markedPerStage` and `marksVersion`.
extension StageListState {
    /// Space: marks the customer (seen in `stage`), or unmarks them.
    mutating func toggleMark(_ id: String, stage: String) {
        if let was = marked.removeValue(forKey: id) { count(was, -1) } else { marked[id] = stage; count(stage, 1) }
        marksVersion &+= 1
    }

    /// Unmarks `ids` (customers moved elsewhere).
    mutating func unmark(_ ids: [String]) {
        for id in ids { if let was = marked.removeValue(forKey: id) { count(was, -1) } }
        marksVersion &+= 1
    }

    /// `c`.
    mutating func clearMarks() {
        (marked, markedPerStage) = ([:], [:])
        marksVersion &+= 1
    }

    /// The result of `*`: taken whole when made from these marks, else merged into them (marks
    /// changed while it ran; a pass over the marks, rare).
    mutating func take(_ marks: StageListLoading.MarkAll) {
        if marks.fromVersion == marksVersion {
            (marked, markedPerStage) = (marks.merged, marks.mergedPerStage)
        } else {
            marked.merge(marks.found) { $1 }
            markedPerStage = Self.perStage(marked)
        }
        marksVersion &+= 1
    }

    /// How many of `marks` were seen in each stage.
    static func perStage(_ marks: [String: String]) -> [String: Int] {
        var out: [String: Int] = [:]
        for stage in marks.values { out[stage, default: 0] += 1 }
        return out
    }

    private mutating func count(_ stage: String, _ n: Int) {
        markedPerStage[stage, default: 0] += n
        if markedPerStage[stage] == 0 { markedPerStage[stage] = nil }
    }
}

/// Layout shared by the list's update (how many rows fit) and its view.
public enum StageListLayout {
    /// Rows above the table: app header, list title, column header.
    public static let headerRows = 3
    /// Rows below: the status bar.
    public static let footerRows = 1

    public static func visibleRows(height: Int) -> Int { max(1, height - headerRows - footerRows) }
}

extension StageListState {
    /// What the rows depend on: a result for another query is stale.
    struct Query: Hashable, Sendable {
        var stage: String
        var filter: CustomerFilter
        var sort: CustomerSort
    }

    func query(_ stages: [Stage]) -> Query { Query(stage: stages[stageIndex].id, filter: filter, sort: sort) }

    /// Moves `top` so that the cursor is on the page.
    mutating func scrollIntoView(height: Int) {
        let page = StageListLayout.visibleRows(height: height)
        if cursor < top { top = cursor }
        if cursor >= top + page { top = cursor - page + 1 }
        top = max(0, min(top, max(0, total - page)))
    }

    /// The window of rows to load so the page is shown (three pages around it), or nil when
    /// the page's rows are loaded already.
    func missingWindow(height: Int) -> (offset: Int, limit: Int)? {
        let page = StageListLayout.visibleRows(height: height)
        let end = min(total, top + page)
        let loadedEnd = rowsOffset + rows.count
        if top >= rowsOffset && end <= loadedEnd && !(rows.isEmpty && total > 0) { return nil }
        return (max(0, top - page), page * 3)
    }
}
