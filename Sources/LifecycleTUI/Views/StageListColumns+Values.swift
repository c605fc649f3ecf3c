import LifecycleKit

/// Where the value columns (CLV, P(alive), RFM segment) go in a list: they never take away
/// what fitted without them.
extension StageListColumns {
    /// The value columns the list is sorted or filtered by: always shown.
    static func always(_ list: StageListState) -> Set<CustomerSort.Field> {
        var out: Set<CustomerSort.Field> = list.sort.field.isValue ? [list.sort.field] : []
        switch list.filter.value {
        case .atRisk?: out.insert(.probabilityAlive)
        case .rfmSegment?: out.insert(.rfmSegment)
        case .clv?: out.insert(.clv)
        case nil: break
        }
        return out
    }

    /// The value columns that show `—` on every row of `rows` (none when no row is loaded).
    static func dashes(in rows: [CustomerSummary], _ state: AppState) -> Set<CustomerSort.Field> {
        guard !rows.isEmpty else { return [] }
        return Set(all.map(\.field).filter { f in f.isValue && rows.allSatisfy { StageListView.cell($0, f, state) == "—" } })
    }

    /// The columns laid out as without values, plus the value columns in `always` (they take room
    /// from the name, as a column of higher priority, dropping the lowest priorities if need be);
    /// then CLV, P(alive) and RFM segment, in that order while they fit, in the room the name and
    /// email columns leave beyond their widest visible cell (the name keeping `nameKeeps`). A value
    /// column in `dashes` is not worth any room.
    static func withValues(_ candidates: [Column], width: Int, widest: [CustomerSort.Field: Int],
                           always: Set<CustomerSort.Field>, dashes: Set<CustomerSort.Field>) -> [Placed] {
        let base = fit(candidates.filter { !$0.field.isValue || always.contains($0.field) }, width: width)
        var needs: [CustomerSort.Field: Int] = [:]
        for (c, _, w) in base where c.width == nil {
            needs[c.field] = min(w, max(widest[c.field] ?? 0, DisplayWidth.of(c.text) + 1, c.field == .name ? nameKeeps : 0))
        }
        var room = base.filter { $0.column.width == nil }.reduce(0) { $0 + $1.width - (needs[$1.column.field] ?? $1.width) }
        var added: Set<CustomerSort.Field> = []
        for c in candidates where c.field.isValue && !always.contains(c.field) && !dashes.contains(c.field) {
            guard let w = c.width, w + 1 <= room else { break }
            room -= w + 1
            added.insert(c.field)
        }
        guard !added.isEmpty else { return base }
        let shown = Set(base.map(\.column.field)).union(added)
        return place(candidates.filter { shown.contains($0.field) }, width: width, needs: needs)
    }

    /// Places `columns` in `width`: each flexible column gets its need, and the room left is
    /// shared among them (the name taking the remainder).
    private static func place(_ columns: [Column], width: Int, needs: [CustomerSort.Field: Int]) -> [Placed] {
        let fixed = columns.reduce(0) { $0 + ($1.width.map { $0 + 1 } ?? 1) } + 2
        let flex = columns.filter { $0.width == nil }
        let spare = max(0, width - fixed - flex.reduce(0) { $0 + (needs[$1.field] ?? 0) })
        var x = 2
        var out: [Placed] = []
        for c in columns {
            var w = c.width ?? (needs[c.field] ?? 0) + spare / max(1, flex.count)
            if c.width == nil, c.field == .name { w += spare % max(1, flex.count) }
            out.append((c, x, max(0, min(w, width - x))))
            x += w + 1
        }
        return out
    }
}
