import Foundation
import LifecycleKit

/// The suggestions of the rules file (`FILE.rules.toml` or `--rules`): a row per rule with its
/// stage, target, expression and how many customers it matches, counted in the background
/// (cancellable; again after every change and when the value figures arrive). Enter lists the
/// matches in a drill-down list; `a` moves them after a confirmation, through the app's one
/// move path, as one action (`u` undoes it). A rule never runs by itself.
public struct SuggestionsScreen: Screen {
    public static let contexts: [KeyContext] = [.suggestions]
    public static let helpTitle = MessageKey.uiKeysSuggestions
    public var context: KeyContext { .suggestions }
    public var isOverlay: Bool { false }

    /// The rules file read (its path), and what it gave.
    public private(set) var path = ""
    public private(set) var file = RulesFileState.reading
    /// Per rule, its count.
    public private(set) var counts: [RuleCount] = []
    public var selected = 0
    public var scroll = 0

    public init() {}

    /// The rules read (none while reading, or when the file is missing or wrong).
    public var rules: [Rule] {
        if case .rules(let rules) = file { return rules }
        return []
    }

    public mutating func opened(_ app: inout AppState, _ commands: inout ScreenCommands) { read(app, &commands) }

    /// Reads the rules file (off the input thread), then counts.
    mutating func read(_ app: AppState, _ commands: inout ScreenCommands) {
        path = app.rulesFile
        file = .reading
        counts = []
        let (path, stages) = (path, app.stages)
        commands.run("rules", .inProgress(.prReadingRules, .text((path as NSString).lastPathComponent))) { _ in
            RulesFileState.read(path, stages: stages)
        }
    }

    /// Counts every rule in one pass; a rule that reads value figures waits for them.
    mutating func count(_ app: AppState, _ commands: inout ScreenCommands) {
        let rules = self.rules, table = app.values
        counts = rules.map { $0.readsValues && table == nil ? .waitingForValues : .counting }
        let chosen = rules.indices.filter { counts[$0] == .counting }
        guard !chosen.isEmpty else { return }
        let subset = chosen.map { rules[$0] }
        commands.run("counts", .inProgress(.prCountingRules), total: app.funnel.customerTotal) { env in
            let token = env.token
            let matches = try RuleRunner.run(subset, in: env.store, values: table, shouldStop: { token.isCancelled },
                                             seen: { token.report($0) })
            return RuleCounts(indices: chosen, ids: matches.map(\.ids))
        }
    }

    public mutating func update(_ input: ScreenInput, _ app: inout AppState, _ commands: inout ScreenCommands) {
        if let moved = cursorMove(input, selected, page: SuggestionsView.visibleRows(app.height)) { selected = moved }
        switch input {
        case .action(.open, _): drill(&app, &commands)
        case .action(.apply, _): apply(&app, &commands)
        case .action(.suggestions, _): read(app, &commands)
        case .action(.back, _): commands.close()
        default: break
        }
        clamp(app)
    }

    /// The selected rule's matches, or nil after saying in the status bar why there are none yet.
    func matches(_ app: inout AppState) -> (Rule, [String])? {
        guard let rule = rules[safe: selected], let count = counts[safe: selected] else { return nil }
        let name = MessageArgument.text(rule.name)
        switch count {
        case .counted(let ids) where !ids.isEmpty: return (rule, ids)
        case .counted: app.status = StatusMessage(.rulesNothingToMove, name)
        case .counting: app.status = StatusMessage(.stRuleCounting, name)
        case .waitingForValues: app.status = StatusMessage(.stRuleWaiting, name)
        case .notCounted:
            app.status = StatusMessage(.stRuleNotCounted, name, .text(KeyBindings.key(for: .suggestions, in: .suggestions)), kind: .warning)
        }
        return nil
    }

    /// Enter: the matches in a drill-down list (names and current stages from a pass).
    func drill(_ app: inout AppState, _ commands: inout ScreenCommands) {
        guard let (rule, ids) = matches(&app) else { return }
        let chosen = Set(ids)
        let title = Message(.uiRuleMatchesTitle, .text(rule.name), .text(stageName(rule.stage, app)), .text(stageName(rule.moveTo, app)))
        drillDown(CustomerListAnalysis(needs: []) { chosen.contains($0.id) }, title: title, &commands, total: app.funnel.customerTotal)
    }

    /// `a`: asks (count, rule, from and to), then moves the matches as one action, noted `rule: NAME`.
    func apply(_ app: inout AppState, _ commands: inout ScreenCommands) {
        guard let (rule, ids) = matches(&app), let target = app.stages.firstIndex(where: { $0.id == rule.moveTo }) else { return }
        var plan = MovePlan(customers: Dictionary(ids.map { ($0, rule.stage) }, uniquingKeysWith: { a, _ in a }),
                            label: rule.name, target: target)
        plan.note = "rule: " + rule.name
        plan.rule = rule.name
        commands.ask(.confirmMove(plan))
    }

    func stageName(_ id: String, _ app: AppState) -> String { app.stages.first { $0.id == id }?.name ?? id }

    mutating func clamp(_ app: AppState) {
        ListCursor.clamp(selected: &selected, scroll: &scroll, count: rules.count, page: SuggestionsView.visibleRows(app.height))
    }

    public mutating func relayout(_ app: inout AppState, _ commands: inout ScreenCommands) { clamp(app) }

    /// After a stage change (here or by another program) and when the value figures arrive: count again.
    public mutating func reloadAfterChange(moved: [Transition], _ app: inout AppState, _ commands: inout ScreenCommands) {
        if case .rules = file { count(app, &commands) }
    }

    public mutating func receive(_ slot: String, _ result: Result<EffectValue, EffectFailure>, _ app: inout AppState,
                                 _ commands: inout ScreenCommands) {
        if receiveDrillDown(slot, result, &app, &commands) { return }
        switch (slot, result) {
        case ("rules", .success(let v)):
            guard let read = v.value as? RulesFileState else { return }
            file = read
            clamp(app)
            count(app, &commands)
        case ("counts", .success(let v)):
            guard let done = v.value as? RuleCounts else { return }
            for (k, i) in done.indices.enumerated() where counts.indices.contains(i) { counts[i] = .counted(done.ids[k]) }
        case ("counts", .failure(let f)): notCounted(Message(.stText, .error(f.error)))
        default: break
        }
    }

    public mutating func cancelled(_ slot: String, _ app: inout AppState, _ commands: inout ScreenCommands) {
        guard slot == "counts" else { return }
        notCounted(Message(.stCancelled, .message(Message(.prCountingRules))))
    }

    /// The rules being counted are not: why.
    private mutating func notCounted(_ why: Message) {
        counts = counts.map { $0 == .counting ? .notCounted(why) : $0 }
    }

    public func draw(_ app: AppState, into grid: inout CellGrid) { SuggestionsView.draw(self, app, into: &grid) }

    public func hitRegions(_ app: AppState) -> [HitRegion] {
        (0..<max(0, min(SuggestionsView.visibleRows(app.height), rules.count - scroll))).map {
            HitRegion(x: 0, y: SuggestionsView.firstRow + $0, width: app.width, index: scroll + $0)
        }
    }
}
