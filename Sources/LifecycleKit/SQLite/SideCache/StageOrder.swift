/// One sort field's order of every slot, grouped by stage: each stage's customers ascending
/// (ties by id) in one run, the runs in funnel order and then the customers of no stage; with
/// each slot's rank in the whole order. A stage's list in this order is its run, read where it
/// lies: a sort costs nothing that grows with the file. Customers moved since the runs were
/// made are placed by their rank (`SlotList`).
struct StageOrder {
    /// Every slot, run after run.
    let runs: SlotColumn<Int32>
    /// Per slot: its position in the whole order.
    let ranks: SlotColumn<Int32>
    /// Run `r` (a stage position; the stage count: no stage) is `starts[r]..<starts[r + 1]`.
    let starts: [Int]

    /// Where each run starts, for `counts` customers per run (the last: those of no stage).
    static func starts(_ counts: [Int]) -> [Int] { counts.reduce(into: [0]) { $0.append($0.last! + $1) } }

    /// The order `order` (every slot ascending), grouped by `stages` into `runCount` runs.
    init(order: [Int32], stages: [UInt8], runCounts: [Int]) {
        let starts = Self.starts(runCounts)
        var next = Array(starts.dropLast())
        // Filled in place: the column owns the memory (no array copied into it).
        let n = order.count
        let runs = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(n, 1))
        let ranks = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(n, 1))
        let last = runCounts.count - 1
        for (rank, slot) in order.enumerated() {
            let run = min(Int(stages[Int(slot)]), last)
            runs[next[run]] = slot
            next[run] += 1
            ranks[Int(slot)] = Int32(rank)
        }
        self.init(runs: SlotColumn(owning: runs, count: n), ranks: SlotColumn(owning: ranks, count: n), starts: starts)
    }

    init(runs: SlotColumn<Int32>, ranks: SlotColumn<Int32>, starts: [Int]) {
        (self.runs, self.ranks, self.starts) = (runs, ranks, starts)
    }

    func run(_ r: Int) -> Range<Int> { starts[r]..<starts[r + 1] }

    /// The first position of `range` whose slot ranks at or after `rank` (a run ascends by rank).
    func lowerBound(rank: Int, in range: Range<Int>) -> Int {
        var low = range.lowerBound, high = range.upperBound
        while low < high {
            let mid = (low + high) / 2
            if Int(ranks[Int(runs[mid])]) < rank { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Every slot in the whole order (the inverse of `ranks`).
    func wholeOrder() -> [Int32] {
        var order = [Int32](repeating: 0, count: ranks.count)
        for slot in 0..<ranks.count { order[Int(ranks[slot])] = Int32(slot) }
        return order
    }

    /// Damage shows as an order that is not one: `runs` a permutation whose run `r` holds the
    /// slots of `runOf` r ascending by rank, `ranks` a permutation. Reads every page once.
    func isValid(runOf: (Int) -> Int) -> Bool {
        let n = runs.count
        guard ranks.count == n, starts.first == 0, starts.last == n else { return false }
        var seenSlot = [Bool](repeating: false, count: n), seenRank = [Bool](repeating: false, count: n)
        for r in 0..<(starts.count - 1) {
            var previous = -1
            for i in run(r) {
                let slot = Int(runs[i])
                guard slot >= 0, slot < n, !seenSlot[slot], runOf(slot) == r else { return false }
                let rank = Int(ranks[slot])
                guard rank > previous, rank < n, !seenRank[rank] else { return false }
                seenSlot[slot] = true
                seenRank[rank] = true
                previous = rank
            }
        }
        return true
    }
}

/// The slots of one list: a run of a `StageOrder` (or a list of its own), leaving out the
/// customers moved away since the run was made and placing those moved in by rank; or a
/// filtered list found as it is read (`FilteredSlots`).
struct SlotList {
    let column: SlotColumn<Int32>
    let range: Range<Int>
    /// Positions in `range` (from its start, ascending) left out.
    let skipped: [Int]
    /// Slots placed in between, at their position in this list (ascending).
    let added: [(at: Int, slot: Int32)]
    /// When set, the list (the other fields are empty).
    let filtered: FilteredSlots?

    init(column: SlotColumn<Int32>, range: Range<Int>, skipped: [Int] = [], added: [(at: Int, slot: Int32)] = []) {
        (self.column, self.range, self.skipped, self.added, filtered) = (column, range, skipped, added, nil)
    }

    /// A list of its own.
    init(_ slots: [Int32]) { self.init(column: SlotColumn(slots), range: 0..<slots.count) }

    /// A filtered list, found as it is read.
    init(_ filtered: FilteredSlots) {
        (column, range, skipped, added, self.filtered) = (SlotColumn([]), 0..<0, [], [], filtered)
    }

    var count: Int { filtered?.count ?? range.count - skipped.count + added.count }

    subscript(_ i: Int) -> Int32 {
        if let filtered { return filtered[i] }
        if added.isEmpty && skipped.isEmpty { return column[range.lowerBound + i] }
        let a = Self.partition(added.count) { added[$0].at < i }
        if a < added.count && added[a].at == i { return added[a].slot }
        let kept = i - a  // the kept run position: past every skipped one before it
        return column[range.lowerBound + kept + Self.partition(skipped.count) { skipped[$0] - $0 <= kept }]
    }

    /// Every slot in list order.
    func forEach(_ body: (Int32) -> Void) {
        if let filtered {
            for i in 0..<filtered.count { body(filtered[i]) }
            return
        }
        var next = 0, skip = 0, out = 0
        for p in 0..<range.count {
            while next < added.count && added[next].at == out {
                body(added[next].slot)
                next += 1
                out += 1
            }
            if skip < skipped.count && skipped[skip] == p {
                skip += 1
                continue
            }
            body(column[range.lowerBound + p])
            out += 1
        }
        for rest in added[next...] { body(rest.slot) }
    }

    /// The first index in 0..<count where `below` turns false (it holds for a prefix).
    static func partition(_ count: Int, _ below: (Int) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if below(mid) { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
