/// The problems of one import, each with its file, row and column: problems of a row (which
/// `--skip-invalid` leaves out) and problems of the whole file (which nothing can skip).
struct ImportProblems {
    /// Problems of the whole file or a whole column.
    var file: [Problem] = []
    /// Problems of single rows, in the order found, keyed by file and row for skipping.
    var rows: [(file: String, row: Int, problem: Problem)] = []

    var isEmpty: Bool { file.isEmpty && rows.isEmpty }

    mutating func add(file name: String, column: String? = nil, _ message: Message, kind: Problem.Kind = .invalidField) {
        file.append(Problem(kind, at: Self.place(name, row: nil, column: column), message))
    }

    mutating func add(file name: String, row: Int, column: String?, _ message: Message, kind: Problem.Kind = .invalidField) {
        rows.append((name, row, Problem(kind, at: Self.place(name, row: row, column: column), message)))
    }

    /// `contacts.csv row 12, column "Email"` (a file's name without its folder).
    static func place(_ file: String, row: Int?, column: String?) -> String {
        var out = file
        if let row { out += " row \(row)" }
        if let column { out += (row == nil ? " column " : ", column ") + JSONText.string(column) }
        return out
    }

    /// The rows of `file` with a problem.
    func badRows(in name: String) -> Set<Int> {
        Set(rows.lazy.filter { $0.file == name }.map(\.row))
    }
}

extension ImportProblems {
    /// False, with a problem of the row, when `cells` are not as many as the header's columns.
    mutating func hasHeaderWidth(_ cells: CSVRecord, row: Int, table: CSVTable, file: String) -> Bool {
        guard cells.count != table.header.count else { return true }
        add(file: file, row: row, column: nil, Message(.importFieldCount, .count(cells.count), .count(table.header.count)))
        return false
    }

    /// Adds the problem of a duplicate id (naming the row it was first seen in) unless `id` is new
    /// in `ids`; a new id is recorded there when its row had no other problem.
    mutating func checkUnique(_ id: UnsafeBufferPointer<UInt8>, row: Int, rowProblemsBefore: Int, ids: inout ImportIDs,
                              file: String, column: String?) {
        guard let first = ids.firstRow(of: id, orRecord: rows.count == rowProblemsBefore ? row : nil) else { return }
        add(file: file, row: row, column: column, Message(.importDuplicateID, .text(String(decoding: id, as: UTF8.self)), .count(first)),
            kind: .duplicateID)
    }
}
