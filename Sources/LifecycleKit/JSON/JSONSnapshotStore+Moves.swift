import Foundation

/// The moves side of a JSON store: whether changes are allowed, the file as loaded, its journal.
final class JSONMoveState {
    /// Asked for, or the file or its directory cannot be written, or a store in memory.
    let fileReadOnly: Bool
    /// The file as loaded (or last saved): which file, size and mtime; nil for memory.
    var stamp: JSONFileStamp?
    /// The content the journal belongs to.
    var identity: JSONBaseIdentity
    /// Nil for memory, and while a stale journal is there.
    var journal: JSONJournal?
    /// A journal that could not be replayed: the file is read as it is on disk.
    var staleJournal: StaleJournal?
    /// The dashboard's mark that it has the file open (see `JSONOpenLock`).
    var openLock: JSONOpenLock?

    init(readOnly: Bool, stamp: JSONFileStamp?, identity: JSONBaseIdentity, journal: JSONJournal?,
         staleJournal: StaleJournal? = nil) {
        fileReadOnly = readOnly
        self.stamp = stamp
        self.identity = identity
        self.journal = journal
        self.staleJournal = staleJournal
    }

    var readOnly: Bool { fileReadOnly || journal == nil }

    /// True when the file and its directory (for the journal) can be written.
    static func isWritable(_ path: String) -> Bool { SnapshotFile.isWritable(path) }
}

extension JSONSnapshotStore {
    public var isReadOnly: Bool { moves.readOnly }

    /// True when stage changes are only in the journal, not yet in the file (see `save()`).
    public var hasUnsavedChanges: Bool { (moves.journal?.actionCount ?? 0) > 0 }

    /// The journal beside the file, where stage changes wait until `save()`.
    public var journalPath: String { JSONJournal.path(for: path) }

    public func apply(_ request: MoveRequest) throws -> MoveOutcome {
        if let stale = moves.staleJournal { throw MoveError(.io(stale.refusal), path: path) }
        guard !moves.readOnly, let journal = moves.journal else { throw MoveError(.readOnly, path: path) }
        var targets: [Int] = []
        for change in request.changes {
            guard let s = tables.stagePosition(of: change.targetStage) else {
                throw MoveError(.unknownStage(change.targetStage), path: path)
            }
            targets.append(s)
        }
        if request.changes.count == 1, tables.customerRow(of: request.changes[0].customerID) == nil {
            throw MoveError(.unknownCustomer(request.changes[0].customerID), path: path)
        }
        if JSONFileStamp(path: path) != moves.stamp { throw MoveError(.changedOnDisk, path: path) }

        // Actions other programs appended to the journal come first.
        _ = try catchUp()
        var (planned, conflicts, alreadyThere) = plan(request, targets)
        guard !planned.isEmpty else { return MoveOutcome(applied: [], conflicts: conflicts, alreadyThere: alreadyThere) }

        // Durable first: the journal line is on disk before anything changes in memory.
        var journalMoves: [JournalMove] = []
        try journal.withLock {
            if try catchUp() { (planned, conflicts, alreadyThere) = plan(request, targets) }
            let firstID = tables.transitions.nextID
            journalMoves = planned.enumerated().map { k, p in
                JournalMove(customerID: tables.customers.ids.text(p.row), from: stages[p.from].id, to: stages[p.to].id,
                            id: firstID + Int64(k), reverting: p.reverting)
            }
            guard !journalMoves.isEmpty else { return }
            try journal.append(JournalAction(at: request.at, by: request.user, note: request.note, moves: journalMoves),
                               base: moves.identity)
        }
        let before = commit(zip(planned, journalMoves).map { ($0.row, $0.to, $1) }, at: request.at, by: request.user, note: request.note)
        let applied = journalMoves.map {
            Transition(customerID: $0.customerID, from: $0.from, to: $0.to, at: request.at, by: request.user,
                       note: request.note, id: $0.id, reverts: $0.reverting?.transitionID)
        }
        return MoveOutcome(applied: applied, conflicts: conflicts, alreadyThere: alreadyThere, previousStageEnteredAt: before)
    }

    private typealias PlannedMove = (row: Int, from: Int, to: Int, reverting: Reversal?)

    /// Decides every change against the current stages (and the earlier changes of the action).
    private func plan(_ request: MoveRequest, _ targets: [Int]) -> ([PlannedMove], [MoveConflict], [AlreadyThere]) {
        var pending: [Int: Int] = [:]
        var planned: [PlannedMove] = []
        var conflicts: [MoveConflict] = []
        var alreadyThere: [AlreadyThere] = []
        // The customer's latest transition, counting the earlier changes of this action.
        func last(_ row: Int, _ change: StageChange) -> Transition? {
            planned.last(where: { $0.row == row })
                .map { Transition(customerID: change.customerID, from: stages[$0.from].id, to: stages[$0.to].id,
                                  at: request.at, by: request.user, note: request.note) }
                ?? indexes.transitionsByCustomer[row].last.map { transition(row: Int($0)) }
        }
        for (change, target) in zip(request.changes, targets) {
            guard let row = tables.customerRow(of: change.customerID) else {
                conflicts.append(MoveConflict(customerID: change.customerID, expectedStage: change.expectedStage,
                                              actualStage: nil, lastTransition: nil))
                continue
            }
            let current = pending[row] ?? Int(tables.customers.stages[row])
            if target == current {
                alreadyThere.append(AlreadyThere(customerID: change.customerID, stage: stages[current].id,
                                                 lastTransition: last(row, change)))
                continue
            }
            guard stages[current].id == change.expectedStage else {
                conflicts.append(MoveConflict(customerID: change.customerID, expectedStage: change.expectedStage,
                                              actualStage: stages[current].id, lastTransition: last(row, change)))
                continue
            }
            planned.append((row, current, target, change.reverting))
            pending[row] = target
        }
        return (planned, conflicts, alreadyThere)
    }

    /// Makes moves already in the journal visible: tables, indexes, caches, and `as_of` when
    /// the file declares none (a declared one never moves). Returns each customer's
    /// `stage_entered_at` before.
    @discardableResult
    private func commit(_ planned: [(row: Int, to: Int, move: JournalMove)], at: Timestamp, by: String, note: String?) -> [Timestamp?] {
        mutation.withLock {
            var additions: [(owner: Int, row: Int32)] = []
            var before: [Timestamp?] = []
            for p in planned {
                additions.append((p.row, Int32(tables.transitions.count)))
                before.append(tables.move(customerRow: p.row, to: p.to, at: at, by: by, note: note,
                                          id: p.move.id, reverting: p.move.reverting))
            }
            let times = tables.transitions.at
            indexes.transitionsByCustomer.add(additions) { a, b in
                times[Int(a)] != times[Int(b)] ? times[Int(a)] < times[Int(b)] : a < b
            }
            indexes.customersByStage = RowGroups(owners: tables.customers.stages, ownerCount: stages.count)
            lists.removeAll()
            // Without a declared `as_of`, the snapshot describes its latest timestamp.
            if currentInfo.declaredAsOf == nil, at > currentInfo.asOf { currentInfo.asOf = at }
            return before
        }
    }

    /// Applies the actions other programs (other copies of clc on the same file) appended to
    /// the journal since it was last read; true if any. Only while the file is the one
    /// loaded, unless `evenIfFileChanged` (saving elsewhere: the journal still belongs to it).
    func catchUp(evenIfFileChanged: Bool = false) throws -> Bool {
        guard let journal = moves.journal, evenIfFileChanged || JSONFileStamp(path: path) == moves.stamp else { return false }
        let actions = try journal.readNew(base: moves.identity)
        for action in actions {
            var rows: [(row: Int, to: Int, move: JournalMove)] = []
            for m in action.moves {
                guard let row = tables.customerRow(of: m.customerID), let to = tables.stagePosition(of: m.to) else {
                    throw MoveError(.io("its journal names an unknown customer or stage"), path: path)
                }
                rows.append((row, to, m))
            }
            commit(rows, at: action.at, by: action.by, note: action.note)
        }
        return !actions.isEmpty
    }

    /// Picks up stage changes another copy of clc appended to the journal; true if any.
    public func refresh() throws -> Bool { try catchUp() }

    /// Writes the snapshot with its stage changes into the file itself: a complete new file
    /// beside it, synced, renamed over the original (the directory synced), then the journal
    /// removed. Throws `MoveError(.changedOnDisk)` (nothing written) when the file changed on
    /// disk since it was opened; `save(to:)` another path still works then.
    public func save() throws {
        guard !moves.readOnly, let journal = moves.journal else { throw MoveError(.readOnly, path: path) }
        guard JSONFileStamp(path: path) == moves.stamp else { throw MoveError(.changedOnDisk, path: path) }
        let url = URL(fileURLWithPath: path)
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).clc-save-\(getpid())").path
        TemporaryFiles.sweepStale(beside: path)
        TemporaryFiles.register(temp)
        defer { TemporaryFiles.unregister(temp) }
        do {
            try journal.withLock {
                _ = try catchUp()  // what other copies of clc appended goes into the file too
                try export(to: JSONSnapshotWriter(path: temp))
                let saved = try JSONBaseIdentity(path: temp)
                if journal.actionCount > 0 { try journal.appendSaved(saved, base: moves.identity) }
                guard rename(temp, path) == 0 else {
                    throw MoveError(.io("cannot replace the file: \(String(cString: strerror(errno)))"), path: path)
                }
                JSONJournal.syncDirectory(of: path)
                moves.identity = saved
                moves.stamp = JSONFileStamp(path: path)
                try journal.remove()
            }
        } catch {
            unlink(temp)
            if let e = error as? MoveError { throw e }
            throw MoveError(.io("\(error)"), path: path)
        }
    }
}
