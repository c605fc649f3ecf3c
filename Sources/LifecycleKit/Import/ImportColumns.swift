/// A plan's column names resolved to positions in a file's header.
struct ImportColumns {
    let table: CSVTable
    let file: String
    /// Named columns that must be there (a mapping's), or may be missing (a preset's).
    let optional: Bool

    /// The position of `name`; nil for no name. A missing column is a problem unless optional.
    func index(_ name: String?, required: Bool = false, problems: inout ImportProblems) -> Int? {
        guard let name else { return nil }
        if let i = table.column(name) { return i }
        if required || !optional { problems.add(file: file, Message(.importMissingColumn, .text(name))) }
        return nil
    }
}

/// Reads a date column whole: decides the format of its slash dates (see `DateColumnEvidence`),
/// then gives each row's moment; a cell that is not a date is a problem of its row.
struct DateColumn {
    let index: Int
    let name: String
    private(set) var format: ImportDateFormat?
    /// False when the column's format could not be decided (its problem is reported once).
    private(set) var usable = true

    init(index: Int, name: String, table: CSVTable, file: String, setting: ImportDateFormat?, problems: inout ImportProblems) {
        self.index = index
        self.name = name
        var evidence = DateColumnEvidence()
        for row in table.rows where index < row.cells.count && row.cells.contains(0x2F, in: index) {
            evidence.add(raw: row.cells[index])   // only cells with a slash tell anything
        }
        switch evidence.decide(setting: setting) {
        case .success(let f): format = f
        case .failure(let message):
            usable = false
            problems.add(file: file, column: name, message)
        }
    }

    /// The moment in `cells`, nil when empty; a malformed date is a problem of `row`. Read
    /// from the cell's bytes (a `String` only for a problem, or a cell with spaces around it).
    func value(_ cells: CSVRecord, row: Int, file: String, problems: inout ImportProblems) -> Timestamp? {
        guard usable, index < cells.count else { return nil }
        let b = cells.bytes(index)
        guard let first = b.first, let last = b.last else { return nil }
        let blank = { (c: UInt8) in c == 0x20 || c == 0x09 }
        let raw = blank(first) || blank(last) ? cells[index].trimmedSpaces : nil
        if raw?.isEmpty == true { return nil }
        let cell = raw.map(DateCell.init) ?? DateCell(trimmed: b)
        if let t = cell.timestamp(format) { return t }
        problems.add(file: file, row: row, column: name, Message(.importBadDate, .text(raw ?? cells[index])))
        return nil
    }
}
