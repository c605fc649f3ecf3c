/// One thing wrong with a snapshot, with the place it was found.
///
/// The place is a JSON path (`customers[1041].stage`), a text position (`line 3, column 17`)
/// or a SQLite location (`customers row 1041 (id C-1041), column stage`).
public struct Problem: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    /// The classes of the format's validation rules; the first five refuse a file.
    public enum Kind: String, Sendable {
        case notASnapshot = "not-a-snapshot"
        case unsupportedVersion = "unsupported-version"
        case invalidField = "invalid-field"
        case duplicateID = "duplicate-id"
        case unknownReference = "unknown-reference"
        case stageMismatch = "stage-mismatch"
        case afterAsOf = "after-as-of"
        case enteredBeforeCreated = "entered-before-created"
        case unmatchedRevert = "unmatched-revert"
        /// The file's storage is damaged (SQLite's `integrity_check`, a malformed page).
        case corrupted = "corrupted"
    }

    public var kind: Kind
    public var place: String
    public var message: String

    public init(_ kind: Kind, at place: String, _ message: String) {
        self.kind = kind
        self.place = place
        self.message = message
    }

    public var severity: Severity {
        switch kind {
        case .notASnapshot, .unsupportedVersion, .invalidField, .duplicateID, .unknownReference, .corrupted: return .error
        case .stageMismatch, .afterAsOf, .enteredBeforeCreated, .unmatchedRevert: return .warning
        }
    }

    public var description: String { place.isEmpty ? message : "\(place): \(message)" }
}

/// Problems collected while reading a snapshot. Keeps the first `limit` of each severity
/// and counts the rest, so that a file with millions of problems stays cheap to report.
public struct ProblemList: Sendable {
    public private(set) var errors: [Problem] = []
    public private(set) var warnings: [Problem] = []
    public private(set) var errorCount = 0
    public private(set) var warningCount = 0
    public let limit: Int

    public init(limit: Int = 1000) { self.limit = limit }

    public var hasErrors: Bool { errorCount > 0 }

    public mutating func add(_ problem: Problem) {
        switch problem.severity {
        case .error:
            errorCount += 1
            if errors.count < limit { errors.append(problem) }
        case .warning:
            warningCount += 1
            if warnings.count < limit { warnings.append(problem) }
        }
    }

    public mutating func add(_ kind: Problem.Kind, at place: String, _ message: String) {
        add(Problem(kind, at: place, message))
    }

    public mutating func merge(_ other: ProblemList) {
        for p in other.errors { add(p) }
        for p in other.warnings { add(p) }
        errorCount += other.errorCount - other.errors.count
        warningCount += other.warningCount - other.warnings.count
    }

    /// Human-readable lines: errors first, then warnings, each section ending with a
    /// count of the problems not listed.
    public func lines(maxPerSeverity: Int = 50) -> [String] {
        var out: [String] = []
        func section(_ list: [Problem], _ total: Int, _ label: String) {
            for p in list.prefix(maxPerSeverity) { out.append("\(label): \(p)") }
            let hidden = total - min(list.count, maxPerSeverity)
            if hidden > 0 { out.append("… and \(hidden) more \(label)s") }
        }
        section(errors, errorCount, "error")
        section(warnings, warningCount, "warning")
        return out
    }
}

/// Thrown when a snapshot cannot be opened: it is broken (see `problems`) or unreadable.
public struct SnapshotError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var problems: ProblemList

    public init(path: String, problems: ProblemList) {
        self.path = path
        self.problems = problems
    }

    public init(path: String, kind: Problem.Kind = .notASnapshot, place: String = "", message: String) {
        var list = ProblemList()
        list.add(kind, at: place, message)
        self.init(path: path, problems: list)
    }

    /// What every command says when another program holds the file's lock too long (reading
    /// or writing: one message).
    public static let lockedMessage = "locked by another program; nothing was changed, try again"

    public var description: String {
        if problems.errorCount == 1, problems.warningCount == 0, let only = problems.errors.first, only.place.isEmpty {
            return "\(path): \(only.message)"
        }
        let n = problems.errorCount
        let head = "\(path): cannot open snapshot (\(n) error\(n == 1 ? "" : "s"))"
        return ([head] + problems.lines().map { "  " + $0 }).joined(separator: "\n")
    }
}

/// Thrown when an operation fails for a reason other than broken data (I/O, refusal).
public struct OperationError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
