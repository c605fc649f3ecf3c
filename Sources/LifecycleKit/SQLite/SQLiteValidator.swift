// Placeholder to be replaced by the full SQLite validation.
public enum SQLiteValidator {
    /// Every problem of a SQLite snapshot, with table, row id and column.
    public static func validate(path: String) -> ProblemList {
        var list = ProblemList()
        list.add(.notASnapshot, at: "", "SQLite validation is not implemented yet")
        return list
    }
}
