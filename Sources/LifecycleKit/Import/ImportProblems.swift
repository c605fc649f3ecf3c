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
