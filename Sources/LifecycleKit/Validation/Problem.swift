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
        /// A JSON snapshot's journal that cannot be replayed (the file is read as it is).
        case staleJournal = "stale-journal"
        /// The file's storage is damaged (SQLite's `integrity_check`, a malformed page).
        case corrupted = "corrupted"
    }

    public var kind: Kind
    public var place: String
    /// The message as a catalog value, or text not (yet) in the catalog, shown as it is in
    /// every language.
    public var content: Content
    /// The record rule's finding, where a rule of `SnapshotRules` found it (not compared).
    public var finding: Finding?

    public enum Content: Hashable, Sendable {
        case plain(String)
        case message(Message)
    }

    public init(_ kind: Kind, at place: String, _ message: String) {
        self.kind = kind
        self.place = place
        content = .plain(message)
    }

    public init(_ kind: Kind, at place: String, _ message: Message) {
        self.kind = kind
        self.place = place
        content = .message(message)
    }

    /// The message in English.
    public var message: String { message(in: .en) }

    /// Problems are equal when kind, place and English text are (whether the text comes from
    /// the catalog or not).
    public static func == (a: Problem, b: Problem) -> Bool {
        a.kind == b.kind && a.place == b.place && a.message == b.message
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(place)
        hasher.combine(message)
    }

    /// The message in `language`.
    public func message(in language: Language) -> String {
        switch content {
        case .plain(let text): return text
        case .message(let m): return m.text(in: language)
        }
    }

    public var severity: Severity {
        switch kind {
        case .notASnapshot, .unsupportedVersion, .invalidField, .duplicateID, .unknownReference, .corrupted: return .error
        case .stageMismatch, .afterAsOf, .enteredBeforeCreated, .unmatchedRevert, .staleJournal: return .warning
        }
    }

    public var description: String { text(in: .en) }

    /// `place: message`, the message in `language` where the catalog has it.
    public func text(in language: Language) -> String {
        place.isEmpty ? message(in: language) : "\(place): \(message(in: language))"
    }
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

    public mutating func add(_ kind: Problem.Kind, at place: String, _ message: Message) {
        add(Problem(kind, at: place, message))
    }

    public mutating func merge(_ other: ProblemList) {
        for p in other.errors { add(p) }
        for p in other.warnings { add(p) }
        errorCount += other.errorCount - other.errors.count
        warningCount += other.warningCount - other.warnings.count
    }

    /// Human-readable lines in `language`: errors first, then warnings, each section ending
    /// with a count of the problems not listed.
    public func lines(maxPerSeverity: Int = 50, language: Language = .en) -> [String] {
        var out: [String] = []
        func section(_ list: [Problem], _ total: Int, _ label: MessageKey, _ more: MessageKey) {
            for p in list.prefix(maxPerSeverity) { out.append(Message(label, .text(p.text(in: language))).text(in: language)) }
            let hidden = total - min(list.count, maxPerSeverity)
            if hidden > 0 { out.append(Message(more, .count(hidden)).text(in: language)) }
        }
        section(errors, errorCount, .problemError, .moreErrors)
        section(warnings, warningCount, .problemWarning, .moreWarnings)
        return out
    }

    /// `shop.json: 2 errors, 1 warning`, the summary line of `clc validate`.
    public func summary(path: String) -> Message {
        Message(.validateSummary, .text(path), .count(errorCount), .count(warningCount))
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

    public init(path: String, kind: Problem.Kind = .notASnapshot, place: String = "", message: Message) {
        var list = ProblemList()
        list.add(kind, at: place, message)
        self.init(path: path, problems: list)
    }

    public var description: String { text(in: .en) }

    /// The error in `language`: the one problem, or a heading and the problems' lines.
    public func text(in language: Language) -> String {
        if problems.errorCount == 1, problems.warningCount == 0, let only = problems.errors.first, only.place.isEmpty {
            return "\(path): \(only.text(in: language))"
        }
        let head = Message(.cannotOpenSnapshot, .text(path), .count(problems.errorCount)).text(in: language)
        return ([head] + problems.lines(language: language).map { "  " + $0 }).joined(separator: "\n")
    }
}

/// Thrown when an operation fails for a reason other than broken data (I/O, refusal).
public struct OperationError: Error, Sendable, CustomStringConvertible {
    /// The message in English.
    public var message: String
    /// The message as a catalog value, where it has been converted (else `message` is shown).
    public var localized: Message?

    public init(_ message: String) { self.message = message }

    public init(_ message: Message) {
        self.message = message.description
        localized = message
    }

    public var description: String { message }

    /// The message in `language`.
    public func text(in language: Language) -> String { localized?.text(in: language) ?? message }
}
