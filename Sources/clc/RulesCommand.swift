import ArgumentParser
import LifecycleKit

/// `clc rules FILE [--rules R] [--format table|json] [--apply [--rule NAME] [--user U]]`
struct RulesCommand: SpeakingCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Show what the rules of FILE.rules.toml propose; --apply moves the matches.",
        discussion: """
            Each rule names a stage, an expression (`when`) and a target stage (`move_to`). \
            Without --apply nothing changes: each rule is listed with how many customers of \
            its stage match and the first few of them (one pass over the snapshot for all \
            rules). With --apply the matches move through the same path as `clc move` \
            (conflict checks; `by` the user, note `rule: NAME`).

            Examples:
              clc rules shop.sqlite
              clc rules shop.sqlite --format json
              clc rules shop.sqlite --apply --rule "Inactive in retention" --user ana
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The snapshot file.")
    var file: String

    @Option(help: "The rules file (default: FILE.rules.toml beside the snapshot).")
    var rules: String?

    @Option(help: "Output format: table or json.")
    var format: ValueRenderer.Format = .table

    @Flag(help: "Move the matches to each rule's move_to stage.")
    var apply = false

    @Option(help: "Only this rule (by name).")
    var rule: String?

    @Option(help: "Who: default CLC_USER, else the login name.")
    var user: String?

    mutating func run() throws {
        if apply { return try applyRules() }
        let store = try openSnapshot(file, language: language)
        let results = try RuleRunner.run(try loadRules(store.stages), in: store)
        switch format {
        case .json: print(RulesRenderer.json(results), terminator: "")
        default: print(RulesRenderer.table(results, language: language), terminator: "")
        }
        if format != .json { say(Message(.rulesPreviewOnly)) }
    }

    /// The rules (only `--rule` when given); every problem of the file printed, then exit 1.
    private func loadRules(_ stages: [Stage]) throws -> [Rule] {
        let all: [Rule]
        do {
            all = try RulesFile.load(rules ?? RulesFile.path(besideSnapshot: file), stages: stages)
        } catch let error as RulesFileError {
            for p in error.problems { printError(text(p)) }
            throw ExitCode(1)
        }
        guard let rule else { return all }
        guard let one = all.first(where: { $0.name == rule }) else {
            throw OperationError(Message(.ruleNoSuchRule, .text(JSONText.string(rule)), .text(all.map(\.name).joined(separator: ", "))))
        }
        return [one]
    }

    private func applyRules() throws {
        let session = try OneChangeSession.open(file)
        let store = session.store
        if let stale = store.staleJournal { throw OperationError(Message(.moveIO, .text(file), .message(stale.refusalMessage))) }
        let results = try RuleRunner.run(try loadRules(store.stages), in: store)
        var mover = StageMover(user: StageMover.resolveUser(option: user))
        var moved = 0
        for r in results {
            moved += try applyOne(r, with: &mover, in: store)
        }
        if moved > 0 {
            do { try session.finish() } catch { throw OperationError(Message(.rewriteFailed, .text(file), .text("\(error)"))) }
        }
    }

    /// Moves one rule's matches and says what moved and what did not.
    private func applyOne(_ r: RuleMatches, with mover: inout StageMover, in store: any SnapshotStore) throws -> Int {
        guard r.count > 0 else {
            say(Message(.rulesNothingToMove, .text(r.rule.name)))
            return 0
        }
        let outcome: MoveOutcome
        do {
            outcome = try mover.move(r.ids.map { ($0, r.rule.stage) }, to: r.rule.moveTo, note: "rule: " + r.rule.name, in: store)
        } catch let error as MoveError {
            throw OperationError(error.message)
        }
        let name = { (id: String) in MessageArgument.text(store.stages.first { $0.id == id }?.name ?? id) }
        say(Message(.ruleMoved, .text(r.rule.name), .count(outcome.applied.count), name(r.rule.stage), name(r.rule.moveTo)))
        for t in outcome.applied { print("  " + SafeText.visible(t.customerID)) }
        if let first = outcome.conflicts.first {
            say(Message(.ruleConflicts, .text(r.rule.name), .count(outcome.conflicts.count), .message(first.message)))
        }
        return outcome.applied.count
    }
}
