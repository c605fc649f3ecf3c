import Foundation
import LifecycleKit

extension KeyContext {
    /// The suggestions screen: the rules of the rules file and their counts.
    public static let suggestions = KeyContext("suggestions")
}

/// What the rules file gave the suggestions screen.
public enum RulesFileState: Hashable, Sendable {
    /// Being read.
    case reading
    /// No file at this path.
    case missing(String)
    /// Every problem of the file (file, line, position), as `clc rules` reports them.
    case problems([Message])
    /// The rules, in file order (none: a file without `[[rule]]`).
    case rules([Rule])

    /// Reads and checks the rules file at `path` against `stages` (off the input thread).
    static func read(_ path: String, stages: [Stage]) -> RulesFileState {
        guard FileManager.default.fileExists(atPath: path) else { return .missing(path) }
        do {
            return .rules(try RulesFile.load(path, stages: stages))
        } catch let error as RulesFileError {
            return .problems(error.problems)
        } catch {
            return .problems([Message(.stText, .error(error))])
        }
    }
}

/// One rule's count on the suggestions screen.
public enum RuleCount: Hashable, Sendable {
    /// The pass is on its way (`…`).
    case counting
    /// The rule reads clv, p_alive, rfm or rfm_segment and the value figures are not in yet
    /// (or could not be computed: the screen says why); counting it now would count wrong.
    case waitingForValues
    /// The customers it matches, in id order.
    case counted([String])
    /// The pass failed or was cancelled: why.
    case notCounted(Message)
}

/// The result of the counting pass: the matches of the rules at `indices`.
struct RuleCounts: Sendable {
    var indices: [Int]
    var ids: [[String]]
}
