import Foundation

/// A journal beside a JSON snapshot that cannot be replayed onto the file as it is on disk:
/// written for another version of the file (changed by another program, or saved under
/// another name), or damaged. The file is then read as it is on disk, stage changes are
/// refused until the journal is set aside (`SnapshotStore.setAsideStaleJournal()`), and the
/// journal itself is never changed or deleted.
public struct StaleJournal: Error, Sendable, Hashable, CustomStringConvertible {
    /// The journal's path (`FILE.clc-journal`).
    public var path: String
    /// What is wrong with it, completing "its journal … ": `belongs to another version of the
    /// file (written for 1,204 bytes, the file has 1,310)`.
    public var problem: Message
    /// The actions found in it (unsaved stage changes), as far as they could be read.
    public var actionCount: Int

    public init(path: String, problem: Message, actionCount: Int) {
        self.path = path
        self.problem = problem
        self.actionCount = actionCount
    }

    public var description: String { "its journal \(path) \(problem)" }

    /// The warning of `report`, `validate` and the other readers.
    public var warningMessage: Message { Message(.staleJournalWarning, .text(path), .message(problem)) }

    /// Why a stage change is refused while the journal is there.
    public var refusalMessage: Message { Message(.staleJournalRefusal, .text(path), .message(problem)) }

    /// The warning in English.
    public var warning: String { warningMessage.description }

    /// The refusal in English.
    public var refusal: String { refusalMessage.description }

    /// The name a set-aside journal gets: `FILE.clc-journal.set-aside-20261130T100057Z`
    /// (with `-2`, `-3`… when that exists).
    static func setAsidePath(for journalPath: String, at time: Timestamp) -> String {
        let stamp = String(time.iso8601.prefix(19)).replacingOccurrences(of: "-", with: "")
            .replacingOccurrences(of: ":", with: "") + "Z"
        let base = "\(journalPath).set-aside-\(stamp)"
        var candidate = base
        var n = 2
        while FileManager.default.fileExists(atPath: candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        return candidate
    }
}
