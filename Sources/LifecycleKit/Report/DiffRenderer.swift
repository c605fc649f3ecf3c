/// `clc diff`: two snapshots compared, as a table in the user's language, JSON or CSV.
public enum DiffRenderer {
    /// `{"stages": [{"id", "old", "new", "delta"}], "added", "removed", "moved", "moves":
    /// [{"from", "to", "count"}], "customers": [{"id", "from", "to"}], "added_ids", "removed_ids"}`
    /// (`customers`: the moved ones).
    public static func json(_ d: SnapshotDiff) -> String {
        var o = JSONObjectText()
        o.raw("stages", JSONObjectText.lines(d.stages.map { s in
            var x = JSONObjectText()
            x.string("id", s.id); x.int("old", s.old); x.int("new", s.new); x.int("delta", s.delta)
            return x.text
        }))
        o.int("added", d.added.count)
        o.int("removed", d.removed.count)
        o.int("moved", d.moved.count)
        o.raw("moves", JSONObjectText.lines(d.moves.map { m in
            var x = JSONObjectText()
            x.string("from", m.from); x.string("to", m.to); x.int("count", m.count)
            return x.text
        }))
        o.raw("customers", JSONObjectText.lines(d.moved.map { c in
            var x = JSONObjectText()
            x.string("id", c.id); x.string("from", c.from); x.string("to", c.to)
            return x.text
        }))
        o.raw("added_ids", JSONObjectText.lines(d.added.map { JSONText.string($0.id) }))
        o.raw("removed_ids", JSONObjectText.lines(d.removed.map { JSONText.string($0.id) }))
        return o.text + "\n"
    }

    /// CSV `id,change,from,to`: every added, removed and moved customer, in id order.
    public static func csv(_ d: SnapshotDiff) -> String {
        CSVCell.document(header: ["id", "change", "from", "to"], d.changes.map { c in
            let change = c.from == nil ? "added" : c.to == nil ? "removed" : "moved"
            return [CSVCell.text(c.id), change, c.from.map(CSVCell.text) ?? "", c.to.map(CSVCell.text) ?? ""]
        })
    }

    /// The title (`old` and `new` are the two files' paths and as_of), the counts, the stages
    /// table and the moves table, in `language`.
    public static func table(_ d: SnapshotDiff, old: (path: String, asOf: Timestamp), new: (path: String, asOf: Timestamp),
                             language: Language) -> String {
        let f = language.formats
        func t(_ m: Message) -> String { m.text(in: language) }
        var lines = [t(Message(.diffTitle, .text(old.path), .date(old.asOf), .text(new.path), .date(new.asOf))),
                     t(Message(.diffSummary, .count(d.added.count), .count(d.removed.count), .count(d.moved.count))), ""]
        let heads = [MessageKey.columnStage, .columnOld, .columnNew, .columnDelta].map { t(Message($0)) } + [""]
        lines += ReportRenderer.aligned(heads, d.stages.map { s in
            [SafeText.truncated(s.name, width: 24), f.count(s.old), f.count(s.new), (s.delta > 0 ? "+" : "") + f.count(s.delta), ""]
        })
        lines.append("")
        let names = Dictionary(d.stages.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        if d.moves.isEmpty {
            lines.append(t(Message(.diffNoMoves)))
        } else {
            lines.append(t(Message(.diffMoves)))
            lines += ReportRenderer.aligned([MessageKey.columnFrom, .columnTo, .columnCount].map { t(Message($0)) } + [""], d.moves.map { m in
                [SafeText.truncated(names[m.from] ?? m.from, width: 24), SafeText.truncated(names[m.to] ?? m.to, width: 24), f.count(m.count), ""]
            }, leftAligned: [1])
        }
        return lines.map { $0.trailingSpacesRemoved }.joined(separator: "\n") + "\n"
    }
}
