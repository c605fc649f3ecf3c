/// Reads a `--touchpoints` file (orders or activities) by its plan: each row one touchpoint
/// of a customer read from the contacts file.
struct TouchpointRows {
    let table: CSVTable
    let file: String
    let plan: TouchpointPlan
    var problems = ImportProblems()
    private var id, customer, channel, type, value, campaign, note: Int?
    private var time: DateColumn?

    init(table: CSVTable, file: String, plan: TouchpointPlan) {
        self.table = table
        self.file = file
        self.plan = plan
        let c = ImportColumns(table: table, file: file, optional: false)
        id = c.index(plan.id, problems: &problems)
        customer = c.index(plan.customer, problems: &problems)
        channel = plan.channelDefault != nil && table.column(plan.channel) == nil ? nil : c.index(plan.channel, problems: &problems)
        type = plan.typeDefault != nil && table.column(plan.type) == nil ? nil : c.index(plan.type, problems: &problems)
        let optional = ImportColumns(table: table, file: file, optional: true)
        value = optional.index(plan.value, problems: &problems)
        campaign = optional.index(plan.campaign, problems: &problems)
        note = c.index(plan.note, problems: &problems)
        if let t = c.index(plan.time, problems: &problems) {
            time = DateColumn(index: t, name: table.header[t], table: table, file: file, setting: plan.dateFormat, problems: &problems)
        }
    }

    /// The touchpoints of customers in `known` (the customers' ids; rows with problems left out).
    mutating func read(known: ImportIDs) -> [(row: Int, touchpoint: Touchpoint)] {
        guard problems.file.isEmpty else { return [] }
        var out: [(row: Int, touchpoint: Touchpoint)] = []
        var firstRow = ImportIDs()
        for (number, cells) in table.rows where problems.hasHeaderWidth(cells, row: number, table: table, file: file) {
            let before = problems.rows.count
            guard let tp = touchpoint(cells, row: number, known: known) else { continue }
            var tpID = tp.id
            tpID.withUTF8 { problems.checkUnique($0, row: number, rowProblemsBefore: before, ids: &firstRow, file: file, column: plan.id) }
            if problems.rows.count == before { out.append((number, tp)) }
        }
        return out
    }

    private mutating func touchpoint(_ cells: CSVRecord, row: Int, known: ImportIDs) -> Touchpoint? {
        let before = problems.rows.count
        let who = required(cells, customer, plan.customer, row: row)
        if !who.isEmpty, !known.contains(who) {
            problems.add(file: file, row: row, column: plan.customer, Message(.unknownCustomer, .text(who)), kind: .unknownReference)
        }
        let at = time?.value(cells, row: row, file: file, problems: &problems)
        if at == nil, let time, cells[time.index].trimmingCharacters(in: .whitespaces).isEmpty {
            problems.add(file: file, row: row, column: plan.time, Message(.importEmptyValue))
        }
        let channel = self.channel == nil ? plan.channelDefault ?? "" : required(cells, self.channel, plan.channel, row: row)
        let type = self.type == nil ? plan.typeDefault ?? "" : required(cells, self.type, plan.type, row: row)
        var amount: Double?
        if let value { amount = self.amount(cells[value], row: row) }
        let tpID = id.map { cells[$0] } ?? "T-\(row - 1)"
        if id != nil, !SnapshotFormat.isValidIdentifier(tpID) {
            problems.add(file: file, row: row, column: plan.id, Message(.invalidID, .text(tpID), .count(SnapshotFormat.maxIdentifierLength)))
        }
        guard problems.rows.count == before, let at else { return nil }
        return Touchpoint(id: tpID, customerID: who, at: at, channel: channel, type: type,
                          campaign: campaign.flatMap { cells[$0].isEmpty ? nil : cells[$0] }, value: amount,
                          note: note.flatMap { cells[$0].isEmpty ? nil : cells[$0] })
    }

    private mutating func required(_ cells: CSVRecord, _ index: Int?, _ name: String, row: Int) -> String {
        let v = index.map { cells[$0] } ?? ""
        if v.trimmingCharacters(in: .whitespaces).isEmpty { problems.add(file: file, row: row, column: name, Message(.importEmptyValue)) }
        return v
    }

    /// An amount: a JSON number (`19.90`, `-3`), or with a decimal comma (`19,90`); empty: none.
    private mutating func amount(_ raw: String, row: Int) -> Double? {
        let t = raw.trimmingCharacters(in: .whitespaces)
        if t.isEmpty { return nil }
        let text = t.filter { $0 == "," }.count == 1 && !t.contains(".") ? t.replacingOccurrences(of: ",", with: ".") : t
        if let n = ExactNumber(text: text) { return n.double }
        problems.add(file: file, row: row, column: plan.value, Message(.importBadNumber, .text(raw)))
        return nil
    }
}
