/// Renders one customer's stage history (for `clc history`).
public enum HistoryRenderer {
    /// An aligned table in `language`, oldest first, names made safe for a terminal.
    public static func table(customer: Customer, transitions: [Transition], stages: [Stage], language: Language = .en) -> String {
        let name = { (id: String?) -> String in
            guard let id else { return "—" }
            return stages.first { $0.id == id }?.name ?? id
        }
        var lines = [Message(.historyHeading, .text(customer.name), .text(customer.id), .text(name(customer.stage))).text(in: language)]
        if transitions.isEmpty {
            lines.append(Message(.historyEmpty).text(in: language))
            return lines.joined(separator: "\n") + "\n"
        }
        let rows = transitions.map { t in
            [language.formats.time(t.at), SafeText.visible(name(t.from)), SafeText.visible(name(t.to)), SafeText.visible(t.by),
             SafeText.visible(t.note ?? "")]
        }
        let headers = [MessageKey.columnWhen, .columnFrom, .columnTo, .columnBy, .columnNote].map { Message($0).text(in: language) }
        var widths = headers.map { DisplayWidth.of($0) }
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(c)) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in c + String(repeating: " ", count: widths[i] - DisplayWidth.of(c)) }
                .joined(separator: "  ").trailingSpacesRemoved
        }
        lines.append("")
        lines.append(line(headers))
        lines.append(line(widths.map { String(repeating: "-", count: $0) }))
        lines += rows.map(line)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"customer": {"id", "name", "stage"}, "transitions": [{at, from, to, by, note}, …]}`
    public static func json(customer: Customer, transitions: [Transition]) -> String {
        var o: [UInt8] = []
        func raw(_ s: String) { o.append(contentsOf: Array(s.utf8)) }
        func str(_ s: String?) { if let s { JSONText.appendString(s, to: &o) } else { raw("null") } }
        raw("{\"customer\": {\"id\": "); str(customer.id)
        raw(", \"name\": "); str(customer.name)
        raw(", \"stage\": "); str(customer.stage)
        raw("},\n \"transitions\": [")
        for (i, t) in transitions.enumerated() {
            raw(i == 0 ? "\n  {" : ",\n  {")
            raw("\"at\": "); str(t.at.iso8601)
            raw(", \"from\": "); str(t.from)
            raw(", \"to\": "); str(t.to)
            raw(", \"by\": "); str(t.by)
            raw(", \"note\": "); str(t.note)
            raw("}")
        }
        raw(transitions.isEmpty ? "]}\n" : "\n ]}\n")
        return String(decoding: o, as: UTF8.self)
    }
}
